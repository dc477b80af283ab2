import { type ReactNode, useMemo, useRef } from "react";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { type PromisesData, usePromises } from "../api/promises.ts";
import { CoupleOverview } from "../components/couple-overview.tsx";
import { type BuilderHandle, PromiseBuilder } from "../components/promise-builder.tsx";
import { PromiseCard, type PromiseGroup } from "../components/promise-card.tsx";
import { TemplatePicker } from "../components/template-picker.tsx";
import { groupPromises } from "../promise-view.ts";
import "../promises.css";

function List({
  items,
  group,
  data,
  readOnly,
  activeMine,
}: {
  items: PromisesData["promises"];
  group: PromiseGroup;
  data: PromisesData;
  readOnly: boolean;
  activeMine: number;
}) {
  return (
    <ul className="promises-list">
      {items.map((promise) => (
        <li key={promise.id}>
          <PromiseCard
            promise={promise}
            all={data.promises}
            group={group}
            today={data.today}
            readOnly={readOnly}
            activeMine={activeMine}
          />
        </li>
      ))}
    </ul>
  );
}

function Promises({ data, readOnly }: { data: PromisesData; readOnly: boolean }) {
  const people = usePeople();
  const builder = useRef<BuilderHandle>(null);
  const groups = useMemo(() => groupPromises(data.promises), [data.promises]);
  const active = useMemo(() => [...groups.mine, ...groups.theirs], [groups]);
  const partner = people.partner ? people.partnerName : "your partner";
  const nothingYet = active.length === 0 && groups.forYou.length + groups.forPartner.length === 0;
  const list = (items: PromisesData["promises"], group: PromiseGroup) => (
    <List
      items={items}
      group={group}
      data={data}
      readOnly={readOnly}
      activeMine={groups.mine.length}
    />
  );

  return (
    <>
      {active.length > 0 ? (
        <Card title="Your wall together">
          <CoupleOverview data={data} active={active} />
        </Card>
      ) : null}

      {groups.forYou.length > 0 ? (
        <Card title={`Waiting for you (${groups.forYou.length})`} tone="attention">
          <p className="muted">
            {people.partner ? people.partnerName : "Your partner"} offers{" "}
            {groups.forYou.length === 1 ? "this promise" : "these promises"}. Take the time you
            need: accept one if it would mean something to you.
          </p>
          {list(groups.forYou, "for-you")}
        </Card>
      ) : null}

      {nothingYet ? (
        <Card title="Small promises, kept">
          <EmptyState title="No promises yet">
            <p>
              Trust tends to grow back through small things done again and again, more than through
              big words. A promise here is one of those things: something concrete, with a when,
              that {partner} can see.
            </p>
            <p>
              Either of you can offer one; it is tracked once the other accepts it as meaningful.
              Each kept day lays a brick, and a miss leaves a gap, never a reset.
            </p>
          </EmptyState>
          {readOnly ? null : (
            <>
              <p className="promises-start">
                You could start from one of these and make it your own:
              </p>
              <TemplatePicker onPick={(template) => builder.current?.start(template)} />
            </>
          )}
        </Card>
      ) : null}

      {groups.mine.length > 0 ? (
        <Card title="Your promises">{list(groups.mine, "active")}</Card>
      ) : null}
      {groups.theirs.length > 0 ? (
        <Card title={`${people.partner ? people.partnerName : "Your partner"}'s promises`}>
          {list(groups.theirs, "active")}
        </Card>
      ) : null}

      {groups.forPartner.length > 0 ? (
        <Card title={`Waiting for ${partner} (${groups.forPartner.length})`}>
          {list(groups.forPartner, "for-partner")}
        </Card>
      ) : null}

      {readOnly ? null : (
        <Card title="Make a promise" id="make">
          <PromiseBuilder
            ref={builder}
            today={data.today}
            activeMine={groups.mine.length}
            templates={!nothingYet}
          />
        </Card>
      )}

      {groups.ended.length > 0 ? (
        <Card title="Ended" tone="quiet">
          <details className="disclosure">
            <summary>
              {groups.ended.length === 1
                ? "One promise that ended"
                : `${groups.ended.length} promises that ended`}
            </summary>
            <div className="disclosure__body">{list(groups.ended, "ended")}</div>
          </details>
        </Card>
      ) : null}
    </>
  );
}

export function PromisesPage() {
  const people = usePeople();
  const promises = usePromises();
  const readOnly = people.individualMode;

  let content: ReactNode;
  if (promises.isPending) content = <Loading label="Loading your promises…" />;
  else if (promises.isError) {
    content = <ErrorState error={promises.error} onRetry={() => void promises.refetch()} />;
  } else content = <Promises data={promises.data} readOnly={readOnly} />;

  return (
    <Page
      heading="Promises"
      intro={
        <p>
          Small, concrete promises, kept one day at a time. Either of you can offer one; the other
          accepts it before it counts. Each of you says how a day went, side by side, and a miss
          asks for repair, never a punishment.
        </p>
      }
    >
      {content}
    </Page>
  );
}
