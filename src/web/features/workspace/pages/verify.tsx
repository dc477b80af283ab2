import { useQueryClient } from "@tanstack/react-query";
import { Navigate, useNavigate } from "react-router";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { forgetSession, useLogout } from "../../account/api/auth.ts";
import { useMe } from "../../account/api/me.ts";
import { SecondFactorForm } from "../components/second-factor-form.tsx";

/** After the password, before any couple's data: the second factor for this session. */
export function VerifyPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  if (me.data && !me.data.needsSecondFactor) return <Navigate to="/therapist" replace />;

  async function signOut() {
    try {
      await logout.mutateAsync();
    } catch {
      // Even if the server can't be reached, forget everything here.
    }
    navigate("/", { replace: true, state: { notice: "signed-out" } });
    forgetSession(queryClient);
  }

  return (
    <Page
      heading="One more step"
      title="Second step"
      width="narrow"
      intro={<p>Enter the six-digit code your authenticator app shows for Mend.</p>}
    >
      <Card>
        <SecondFactorForm onDone={() => navigate("/therapist", { replace: true })} />
      </Card>
      <p>
        Not you, or not now?{" "}
        <Button variant="quiet" size="small" onClick={() => void signOut()} busy={logout.isPending}>
          Sign out
        </Button>
      </p>
    </Page>
  );
}
