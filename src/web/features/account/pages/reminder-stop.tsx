import { Link, useParams } from "react-router";
import { REMINDER_NAMES } from "../../../../domain/reminders.ts";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useStopReminders } from "../api/reminders.ts";

/**
 * Where a reminder's "stop these" link lands. It asks before stopping, because mail systems open
 * links to check them, and a visit alone must change nothing; no sign-in is needed.
 */
export function ReminderStopPage() {
  const { token = "" } = useParams();
  const stop = useStopReminders();

  return (
    <Page heading="Stop these reminders" title="Stop reminders" width="narrow">
      <Card>
        {stop.isSuccess ? (
          <Notice tone="success" title="Stopped">
            <p>
              Mend sends you no more reminders of {REMINDER_NAMES[stop.data.kind]}. Any other
              reminders you chose stay as they are; you can change them in your{" "}
              <Link to="/account#reminders">account</Link>.
            </p>
          </Notice>
        ) : (
          <div className="stack">
            <p>
              This stops the kind of reminder the e-mail you came from was, and only that kind.
              Nothing else about your account changes.
            </p>
            <div className="actions">
              <Button busy={stop.isPending} onClick={() => stop.mutate(token)}>
                Stop this kind of reminder
              </Button>
            </div>
            {stop.isError ? <ErrorState title="Nothing was changed" error={stop.error} /> : null}
          </div>
        )}
      </Card>
    </Page>
  );
}
