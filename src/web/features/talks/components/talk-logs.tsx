import { formatWeekday, lazyDateFormat } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { ShowEarlier } from "../../../ui/show-earlier.tsx";
import { type TalkLog, useTalkLogs } from "../api/talk-times.ts";
import { OUTCOME_LABELS } from "../copy.ts";

const dayFormat = lazyDateFormat({
  weekday: "long",
  day: "numeric",
  month: "long",
});

interface TalkGroup {
  windowStart: string;
  logs: TalkLog[];
}

function groupByTalk(logs: TalkLog[], meId: string): TalkGroup[] {
  const groups = new Map<string, TalkLog[]>();
  for (const log of logs) {
    const key = `${log.talkTimeId ?? ""}|${log.windowStart}`;
    groups.set(key, [...(groups.get(key) ?? []), log]);
  }
  return [...groups.values()]
    .map((items) => ({
      windowStart: items[0]?.windowStart ?? "",
      // The viewer's own log first, then the partner's.
      logs: items.sort((a, b) => Number(b.by === meId) - Number(a.by === meId)),
    }))
    .sort((a, b) => b.windowStart.localeCompare(a.windowStart));
}

function TalkGroupItem({ group }: { group: TalkGroup }) {
  const people = usePeople();
  return (
    <li className="talk-log">
      <p className="talk-log__when">
        <time dateTime={group.windowStart}>{dayFormat().format(new Date(group.windowStart))}</time>
      </p>
      <ul className="talk-log__entries">
        {group.logs.map((log) => (
          <li key={log.id} className="talk-log__entry">
            <span className="talk-log__who">{people.nameOf(log.by, { capital: true })}:</span>{" "}
            <span className={`talk-log__went talk-log__went--${log.went}`}>
              {OUTCOME_LABELS[log.went]}
            </span>
            {log.went === "did-not-happen" ? null : (
              <span className="muted">
                {" "}
                · intensity {log.intensityBefore} before, {log.intensityAfter} after
              </span>
            )}
            {log.mine && log.visibility === "private" ? (
              <>
                {" "}
                <span className="badge badge--primary">Only you</span>
              </>
            ) : null}
            {log.note ? <p className="quote user-text">{log.note}</p> : null}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** How past talks went, both partners side by side (what each chose to share). */
export function TalkLogs() {
  const people = usePeople();
  const logs = useTalkLogs();
  if (logs.isPending) return <Loading label="Loading past talks…" />;
  if (logs.isError) return <ErrorState error={logs.error} onRetry={() => void logs.refetch()} />;
  const all = groupByTalk(logs.data, people.meId);
  // The oldest talk loaded may have a log on the page still to come: shown once it is here.
  const groups = logs.hasNextPage ? all.slice(0, -1) : all;
  if (groups.length === 0 && !logs.hasNextPage) {
    return (
      <EmptyState title="No talks logged yet">
        <p>After each talk time, each of you can take a minute to note how it went.</p>
      </EmptyState>
    );
  }
  const recent = groups.slice(0, 4);
  const earlier = groups.slice(4);
  return (
    <div className="stack-sm">
      <ul className="talk-logs">
        {recent.map((group) => (
          <TalkGroupItem key={group.windowStart + group.logs[0]?.id} group={group} />
        ))}
      </ul>
      {earlier.length > 0 || logs.hasNextPage ? (
        <details className="disclosure">
          <summary>
            {logs.hasNextPage ? "Earlier talks" : `Earlier talks (${earlier.length})`}
          </summary>
          <div className="disclosure__body stack-sm">
            <ul className="talk-logs">
              {earlier.map((group) => (
                <TalkGroupItem key={group.windowStart + group.logs[0]?.id} group={group} />
              ))}
            </ul>
            <ShowEarlier list={logs} label="Show earlier talks" />
          </div>
        </details>
      ) : null}
    </div>
  );
}

/** "Wednesday's talk", for the prompt after a window. */
export function talkName(startsAt: string): string {
  return `${formatWeekday(startsAt)}'s talk`;
}
