import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReminderSettings, reminderRoutes } from "../../../../contracts/reminders.ts";
import { api, keyOf } from "../../../ui/api-client.ts";

const settingsKey = keyOf(reminderRoutes.settings);

/** One's own reminder settings; asked for only where the instance sends e-mail. */
export function useReminderSettings(enabled: boolean) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.call(reminderRoutes.settings, {}, { signal }),
    enabled,
  });
}

export function useSaveReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReminderSettings) => api.call(reminderRoutes.save, { body: settings }),
    onSuccess: (reply) => queryClient.setQueryData(settingsKey, reply),
  });
}

/** The stop link of a letter: works signed in or not, for the person the letter was for. */
export function useStopReminders() {
  return useMutation({
    mutationFn: (token: string) => api.call(reminderRoutes.stop, { body: { token } }),
  });
}
