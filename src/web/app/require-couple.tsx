import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { Navigate, Outlet } from "react-router";
import { meQueryKey } from "../features/account/api/me.ts";
import { useCouple } from "../features/couples/api/couple.ts";
import { useActiveTherapist } from "../features/therapists/api/therapists.ts";
import { isApiError } from "../ui/api-client.ts";
import { PeopleProvider } from "../ui/people.tsx";
import { ErrorState, Loading } from "../ui/query-state.tsx";
import { SessionStates, useSession } from "./guards.tsx";

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
