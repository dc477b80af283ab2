import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TherapyReply } from "../../../../contracts/therapy.ts";
import type { TherapyStatus } from "../../../../domain/therapy.ts";
import { apiRequest } from "../../../ui/api-client.ts";

/** The therapy choice is part of the couple's view and its readiness checklist. */
const coupleKey = ["couple"] as const;

export function useSetTherapy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: TherapyStatus) =>
      apiRequest("/api/couple/therapy", TherapyReply, { method: "POST", body: { status } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleKey }),
  });
}
