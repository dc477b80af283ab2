import { useState } from "react";
import { Button } from "../../../ui/button.tsx";
import { formatDate, formatDateTime } from "../../../ui/format.ts";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useEndSession, useSessions } from "../api/account.ts";

/** Where this account is signed in; any other device can be signed out from here. */
export function SessionsList() {
  const sessions = useSessions();
  const end = useEndSession();
  const [status, setStatus] = useState("");

  if (sessions.isPending) return <Loading label="Loading your devices…" />;
  if (sessions.isError) {
    return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  }
  const list = [...sessions.data.sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
  return (
    <div>
      <ul className="sessions">
        {list.map((session) => (
          <li key={session.id} className="sessions__item">
            <div className="sessions__text">
              <p className="sessions__device">
                {session.device || "Unknown device"}
                {session.current ? <span className="badge badge--calm">This device</span> : null}
              </p>
              <p className="sessions__meta">
                Signed in on {formatDate(session.createdAt)} · last used{" "}
                {formatDateTime(session.lastSeenAt)}
              </p>
            </div>
            {session.current ? null : (
              <Button
                variant="secondary"
                size="small"
                busy={end.isPending && end.variables === session.id}
                aria-label={`Sign out ${session.device || "device"}, last used ${formatDateTime(session.lastSeenAt)}`}
                onClick={() =>
                  end.mutate(session.id, {
                    onSuccess: () => setStatus(`${session.device || "That device"} is signed out.`),
                  })
                }
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      {list.length === 1 ? (
        <p className="muted small">You're signed in on this device only.</p>
      ) : null}
      {end.isError ? <ErrorState title="That device is still signed in" error={end.error} /> : null}
      <LiveStatus message={status} />
    </div>
  );
}
