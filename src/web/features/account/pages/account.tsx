import "../account.css";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { forgetSession, useLogout } from "../api/auth.ts";
import { useMe } from "../api/me.ts";
import { useSendsMail } from "../api/sends-mail.ts";
import { CalendarFeed } from "../components/calendar-feed.tsx";
import { ChangeEmailForm } from "../components/change-email-form.tsx";
import { ChangeNameForm } from "../components/change-name-form.tsx";
import { ChangePasswordForm } from "../components/change-password-form.tsx";
import { DeleteAccount } from "../components/delete-account.tsx";
import { ExportData } from "../components/export-data.tsx";
import { LeaveCouple } from "../components/leave-couple.tsx";
import { ReminderSettings } from "../components/reminder-settings.tsx";
import { SessionsList } from "../components/sessions-list.tsx";

export function AccountPage() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sendsMail = useSendsMail();

  if (me.isPending) return <Loading />;
  if (me.isError || !me.data) {
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  const { user } = me.data;

  async function signOut() {
    try {
      await logout.mutateAsync();
    } catch {
      // Even if the server can't be reached, forget everything here.
    }
    leave("signed-out");
  }

  function leave(notice: "signed-out" | "deleted") {
    navigate("/", { replace: true, state: { notice } });
    forgetSession(queryClient);
  }

  return (
    <Page heading="Your account" title="Account">
      <div className="grid-2">
        <Card title="Your details">
          <ChangeNameForm name={user.name} />
          <dl className="details account-email">
            <div>
              <dt>E-mail</dt>
              <dd className="user-text">{user.email}</dd>
            </div>
          </dl>
          <ChangeEmailForm current={user.email} />
        </Card>
        <Card title="Signing out">
          <p>Signing out ends your session on this device.</p>
          <div className="actions">
            <Button variant="secondary" onClick={() => void signOut()} busy={logout.isPending}>
              Sign out
            </Button>
          </div>
        </Card>
      </div>
      <Card title="Change password">
        <ChangePasswordForm />
      </Card>
      <Card title="Your devices">
        <p className="muted">
          Where your account is signed in right now. If you see a device you don't recognise, sign
          it out and change your password.
        </p>
        <SessionsList />
      </Card>
      <Card title="Calendar">
        <CalendarFeed inCouple={me.data.couple !== null} />
      </Card>
      <Card title="Reminders by e-mail" id="reminders">
        <ReminderSettings sendsMail={sendsMail} />
      </Card>
      {me.data.couple ? (
        <Card title="Who saw what">
          <p>
            Your couple's own record of every therapist link, consent and key, and of everything a
            therapist opened: <Link to="/audit">Who saw what</Link>.
          </p>
        </Card>
      ) : null}
      <Card title="Leaving quickly" tone="quiet">
        <p>
          The <strong>Quick exit</strong> button at the top of every page, or pressing{" "}
          <kbd>Shift</kbd> three times in a row, hides Mend at once, signs you out and opens a
          neutral website instead.
        </p>
        <p>
          Your browser still keeps a history of the pages you visited. If someone else might look at
          this device, use a private window, or clear your history afterwards.
        </p>
      </Card>
      <Card title="Your data">
        <ExportData />
      </Card>
      <LeaveCouple />
      <Card title="Delete account">
        <DeleteAccount onDeleted={() => leave("deleted")} />
      </Card>
    </Page>
  );
}
