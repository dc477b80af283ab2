import type { ReactNode } from "react";
import { MILESTONE_WORDS } from "../../../../domain/milestones.ts";
import { Card } from "../../../ui/card.tsx";
import { formatDate } from "../../../ui/format.ts";
import { Page } from "../../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { type Milestone, useMilestones } from "../api/milestones.ts";
import { MilestoneMark } from "../components/milestone-mark.tsx";
import { reachedNewestFirst } from "../milestones.ts";
import "../milestones.css";

function Reached({ milestones }: { milestones: Milestone[] }) {
  if (milestones.length === 0) {
    return (
      <EmptyState title="Nothing here yet, and that's fine">
        <p>
          As you keep promises, check in week after week and repair what goes wrong, the moments
          worth noticing gather here. There's no race to reach them.
        </p>
      </EmptyState>
    );
  }
  return (
    <ol className="milestones-list">
      {reachedNewestFirst(milestones).map((milestone) => {
        const words = MILESTONE_WORDS[milestone.key];
        return (
          <li key={milestone.key} className="milestones-list__item">
            <MilestoneMark size="small" />
            <div>
              <h3 className="milestones-list__title">
                {words.title}
                {milestone.seenByMe ? null : (
                  <>
                    {" "}
                    <span className="badge badge--calm">New</span>
                  </>
                )}
              </h3>
              <p className="milestones-list__words">{words.words}</p>
              <p className="muted small">
                Reached on{" "}
                <time dateTime={milestone.reachedAt}>{formatDate(milestone.reachedAt)}</time>
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function MilestonesPage() {
  const milestones = useMilestones();

  let content: ReactNode;
  if (milestones.isPending) content = <Loading label="Loading your milestones…" />;
  else if (milestones.isError) {
    content = <ErrorState error={milestones.error} onRetry={() => void milestones.refetch()} />;
  } else content = <Reached milestones={milestones.data.milestones} />;

  return (
    <Page
      heading="Milestones"
      intro={
        <p>
          What you have reached together while rebuilding, the latest first. Each one stays, even if
          a later week is harder.
        </p>
      }
    >
      <Card title="What you've reached">{content}</Card>
    </Page>
  );
}
