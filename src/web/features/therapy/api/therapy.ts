import { useMutation, useQueryClient } from "@tanstack/react-query";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import type { TherapyStatus } from "../../../../domain/therapy.ts";
import { api, keyOf } from "../../../ui/api-client.ts";

/** The therapy choice is part of the couple's view and its readiness checklist. */
const coupleKey = keyOf(coupleRoutes.view);

export function useSetTherapy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: TherapyStatus) => api.call(coupleRoutes.therapy, { body: { status } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleKey }),
  });
}
