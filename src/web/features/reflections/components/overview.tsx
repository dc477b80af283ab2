import { Card } from "../../../ui/card.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { capitalised } from "../copy.ts";
import { type Overview, promptCount } from "../standing.ts";

/** How far the viewer has come, counted plainly: nothing rounded up, nothing compared. */
export function StandingOverview({ overview }: { overview: Overview }) {
  const { partnerName } = usePeople();
  const partner = capitalised(partnerName);
  return (
    <Card title="Where you are" tone="quiet">
      <dl className="reflections-overview">
        <div className="reflections-overview__item">
          <dt>Written on</dt>
          <dd>
            <span className="reflections-overview__number">{overview.written}</span>{" "}
            <span className="reflections-overview__of">of {promptCount(overview.prompts)}</span>
          </dd>
        </div>
        <div className="reflections-overview__item">
          <dt>Shared by you</dt>
          <dd>
            <span className="reflections-overview__number">{overview.shared}</span>
          </dd>
        </div>
        <div className="reflections-overview__item">
          <dt>Side by side with {partnerName}</dt>
          <dd>
            <span className="reflections-overview__number">{overview.sideBySide}</span>
          </dd>
        </div>
      </dl>
      {overview.partnerWaiting > 0 ? (
        <p className="reflections-overview__waiting">
          {partner} has shared on {promptCount(overview.partnerWaiting)} where yours isn't shared
          yet. Their words stay unread until you share yours on the same prompt.
        </p>
      ) : null}
      {overview.written === 0 ? (
        <p className="reflections-overview__start">
          There's no order to keep. Start with whichever prompt speaks to you today; ten quiet
          minutes is plenty.
        </p>
      ) : null}
    </Card>
  );
}
