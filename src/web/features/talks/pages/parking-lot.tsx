import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { useTalkTimes } from "../api/talk-times.ts";
import { ParkingLotList, RaiseTopicForm } from "../components/parking-lot.tsx";
import { TalkWindowText } from "../components/talk-window.tsx";

function NextTalkLine() {
  const talks = useTalkTimes();
  const next = talks.data?.next;
  const talkTime = talks.data?.talkTimes.find((t) => t.id === next?.talkTimeId);
  if (!next || !talkTime) return null;
  return (
    <p className="small">
      <span className="muted">Your next talk: </span>
      <TalkWindowText startsAt={next.startsAt} endsAt={next.endsAt} timeZone={talkTime.timeZone} />
    </p>
  );
}

export function ParkingLotPage() {
  const people = usePeople();
  const readOnly = people.individualMode;
  return (
    <Page
      heading="Parking lot"
      intro={
        <p>
          When something comes up outside a talk time, write it down here instead of talking it
          through right away. It waits, safely, for your next talk.
        </p>
      }
    >
      {readOnly ? null : (
        <Card title="Park a topic">
          <NextTalkLine />
          <RaiseTopicForm />
        </Card>
      )}
      <ParkingLotList readOnly={readOnly} />
    </Page>
  );
}
