import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { Navigate, Outlet, useLocation, useSearchParams } from "react-router";
import { meQueryKey, useMe } from "../features/account/api/me.ts";
import { useCouple } from "../features/couples/api/couple.ts";
import { useActiveTherapist } from "../features/therapists/api/therapists.ts";
import { isApiError } from "../ui/api-client.ts";
import { PeopleProvider } from "../ui/people.tsx";
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

/** Routes that need a couple: loads it once and tells every screen who is who. */
export function RequireCouple({ children }: { children?: ReactNode }) {
  const { me, pending, failed } = useSession();
  const queryClient = useQueryClient();
  const couple = useCouple(Boolean(me.data?.couple));
  const therapist = useActiveTherapist(couple.isSuccess);
  const gone = couple.isError && isApiError(couple.error) && couple.error.status === 404;
  useEffect(() => {
    // The couple is gone (e.g. the partner left): ask again who we are.
    if (gone) void queryClient.invalidateQueries({ queryKey: meQueryKey });
  }, [gone, queryClient]);
  if (pending || failed) return <SessionStates me={me} />;
  if (me.data?.user.role === "therapist") return <Navigate to="/therapist" replace />;
  if (!me.data?.couple) return <Navigate to="/start" replace />;
  if (couple.isPending || gone) return <Loading />;
  if (couple.isError) {
    return (
      <ErrorState
        title="We couldn't load your space"
        error={couple.error}
        onRetry={() => void couple.refetch()}
      />
    );
  }
  const meId = couple.data.me.id;
  const partner = couple.data.partners.find((p) => p.id !== meId) ?? null;
  const individualMode = couple.data.me.individualMode;
  return (
    <PeopleProvider value={{ meId, partner, individualMode, therapist }}>
      {children ?? <Outlet />}
    </PeopleProvider>
  );
}
