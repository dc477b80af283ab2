import type { ReactNode } from "react";
import { Navigate, Outlet, useLocation, useSearchParams } from "react-router";
import { useMe } from "../features/account/api/me.ts";
import { ErrorState, Loading } from "../ui/query-state.tsx";
import { safeNext } from "./safe-next.ts";

/** Waits for "who is signed in" and shows a calm state meanwhile. */
export function useSession() {
  const me = useMe();
  const pending = me.isPending;
  const failed = me.isError && !me.data;
  return { me, pending, failed };
}

export function SessionStates({ me }: { me: ReturnType<typeof useMe> }) {
  if (me.isPending) return <Loading />;
  return (
    <ErrorState title="We couldn't reach Mend" error={me.error} onRetry={() => void me.refetch()} />
  );
}

/** Routes for signed-in people; others go to sign-in and come back afterwards. */
export function RequireSignedIn() {
  const { me, pending, failed } = useSession();
  const location = useLocation();
  if (pending || failed) return <SessionStates me={me} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  // A therapist's session reaches nothing, not even their account, before its second factor.
  if (me.data.needsSecondFactor && location.pathname !== "/therapist/verify") {
    return <Navigate to="/therapist/verify" replace />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up pages: someone already signed in goes on to where they were heading. */
export function SignedOutOnly({ children }: { children: ReactNode }) {
  const { me, pending, failed } = useSession();
  const [params] = useSearchParams();
  if (pending || failed) return <SessionStates me={me} />;
  if (me.data) return <Navigate to={safeNext(params.get("next"))} replace />;
  return <>{children}</>;
}
