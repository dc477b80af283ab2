import type { ReactNode } from "react";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { type CheckinsData, useCheckins } from "../api/checkins.ts";
import { CheckinDay } from "../components/checkin-day.tsx";
import { CheckinHistory } from "../components/checkin-history.tsx";
import { CheckinTrends } from "../components/checkin-trends.tsx";
import { OpenWeek } from "../components/open-week.tsx";
import { pastWeeks, weekIn, weekState } from "../weeks.ts";
import "../checkins.css";

function Weeks({ data, readOnly }: { data: CheckinsData; readOnly: boolean }) {
  const previous = weekIn(data.weeks, data.previousWeek);
  const thisWeek = (
    // Keyed by week: the two swap places below, and a half-written form must not move with them.
    <OpenWeek
      key={data.currentWeek}
      week={weekIn(data.weeks, data.currentWeek)}
      title="This week"
      weekName="this week's"
      readOnly={readOnly}
    />
  );
  const lastWeek =
    weekState(previous) === "revealed" ? null : (
      <OpenWeek
        key={data.previousWeek}
        week={previous}
        title="Last week"
        weekName="last week's"
        readOnly={readOnly}
        catchUp
      />
    );
  // Last week comes first while the partner's answers there wait for one's own.
  const lastWeekWaits = previous.partnerSubmitted && !previous.mine;
  return (
    <>
      {lastWeekWaits ? lastWeek : thisWeek}
      {lastWeekWaits ? thisWeek : lastWeek}
      <Card title="How it's moving">
        <CheckinTrends weeks={data.weeks} />
      </Card>
      <Card title="Earlier weeks">
        <CheckinHistory weeks={pastWeeks(data.weeks, data.currentWeek, data.previousWeek)} />
      </Card>
      <Card title="Your check-in day" tone="quiet">
        <CheckinDay day={data.day} timeZone={data.timeZone} readOnly={readOnly} />
      </Card>
    </>
  );
}

export function CheckinsPage() {
  const people = usePeople();
  const checkins = useCheckins();

  let content: ReactNode;
  if (checkins.isPending) content = <Loading label="Loading your check-ins…" />;
  else if (checkins.isError) {
    content = <ErrorState error={checkins.error} onRetry={() => void checkins.refetch()} />;
  } else content = <Weeks data={checkins.data} readOnly={people.individualMode} />;

  return (
    <Page
      heading="Weekly check-in"
      intro={
        <p>
          Once a week, each of you says how safe, close and trusting things felt, how intense they
          were, and writes one appreciation, one concern and one wish. You each answer on your own:
          the answers show side by side once you have both sent yours.
        </p>
      }
    >
      {content}
    </Page>
  );
}
