import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { calendarRoutes, type CalendarFeed as Feed } from "../../../../contracts/calendar.ts";
import { api, keyOf } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { CopyField } from "../../../ui/copy-button.tsx";
import { formatDate } from "../../../ui/format.ts";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { LiveStatus, Notice } from "../../../ui/status.tsx";

const settingsKey = keyOf(calendarRoutes.settings);
type Titles = "named" | "neutral";

function useCalendarFeed() {
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.call(calendarRoutes.settings, {}, { signal }),
  });
  const keep = (feed: Feed) => queryClient.setQueryData(settingsKey, { feed });
  const newLink = useMutation({
    mutationFn: () => api.call(calendarRoutes.newLink),
    onSuccess: ({ feed }) => keep(feed),
  });
  const turnOff = useMutation({
    mutationFn: () => api.call(calendarRoutes.turnOff),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
  const titles = useMutation({
    mutationFn: (neutral: boolean) => api.call(calendarRoutes.titles, { body: { neutral } }),
    onSuccess: ({ feed }) => keep(feed),
  });
  return { settings, newLink, turnOff, titles };
}

/**
 * The calendar feed on the account page: turn it on, copy its link (shown once: the server
 * keeps only its hash), make a new one, turn it off, and choose titles that say nothing.
 */
export function CalendarFeed({ inCouple }: { inCouple: boolean }) {
  const { settings, newLink, turnOff, titles } = useCalendarFeed();
  // The link exists in this page alone, from the moment it is made until the page is left.
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  if (settings.isPending) return <Loading label="Loading your calendar settings…" />;
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  const { feed } = settings.data;

  function makeLink(message: string) {
    newLink.mutate(undefined, {
      onSuccess: (made) => {
        setUrl(made.url);
        setStatus(message);
      },
    });
  }

  function chooseTitles(choice: Titles) {
    titles.mutate(choice === "neutral", {
      onSuccess: () =>
        setStatus(
          choice === "neutral"
            ? "Saved. Every event is now called “Appointment”."
            : "Saved. Each event now says what it is.",
        ),
    });
  }

  return (
    <div className="stack">
      <p>
        Add your agreed talk times, your weekly check-in day and the days you review a promise to
        the calendar you already use, on your phone or computer. Your calendar app keeps them up to
        date on its own.
      </p>
      <p className="muted">
        It shows times and dates only, never anything either of you wrote. Calendars are often
        shared, with family or at work, and whoever sees yours will see these events too: choose
        “Appointment” if you'd rather they didn't know what they are.
      </p>
      {inCouple ? null : (
        <p className="muted small">
          Until you and your partner share a space in Mend, the calendar stays empty.
        </p>
      )}

      <ChoiceGroup<Titles>
        legend="What your events are called"
        size="compact"
        name="calendar-titles"
        value={feed.neutralTitles ? "neutral" : "named"}
        onChange={chooseTitles}
        disabled={titles.isPending}
        choices={[
          { value: "named", label: "Say what each one is", description: "“Talk time (Mend)”" },
          {
            value: "neutral",
            label: "Just “Appointment”",
            description: "No mention of Mend or of what it is",
          },
        ]}
      />

      {feed.on ? (
        <div className="stack-sm">
          {url ? (
            <Notice tone="success" title="Your calendar link is ready">
              <div className="stack-sm">
                <CopyField
                  label="Your private calendar link"
                  value={url}
                  copiedMessage="Copied. Paste it into your calendar app."
                />
                <p className="small">
                  In your calendar app, choose to subscribe to a calendar or add one from a link,
                  and paste it there. Mend shows this link only now and keeps no copy it could show
                  again. Keep it to yourself: anyone who has it can see these times.
                </p>
                <p className="small">
                  <a href={url.replace(/^https?:/, "webcal:")}>Open it in my calendar app</a>
                </p>
              </div>
            </Notice>
          ) : (
            <p>
              Your calendar feed is on; its link was made on {formatDate(feed.createdAt ?? "")}.
              Mend showed the link once and keeps no copy. If you lost it, or it ended up somewhere
              it shouldn't, make a new one.
            </p>
          )}
          <div className="actions">
            <ConfirmInline
              label="Make a new link"
              variant="secondary"
              size="normal"
              question="Make a new link? The old one stops working at once; add the new one to your calendar instead."
              confirmLabel="Make a new link"
              cancelLabel="Keep the current link"
              busy={newLink.isPending}
              onConfirm={() => makeLink("A new link is ready. The old one no longer works.")}
            />
            <ConfirmInline
              label="Turn off"
              variant="quiet"
              size="normal"
              question="Turn the calendar feed off? Its link stops working. Events your calendar app already shows may stay until you remove the calendar there."
              confirmLabel="Turn it off"
              cancelLabel="Keep it on"
              busy={turnOff.isPending}
              onConfirm={() =>
                turnOff.mutate(undefined, {
                  onSuccess: () => {
                    setUrl(null);
                    setStatus("Your calendar feed is off. Its link no longer works.");
                  },
                })
              }
            />
          </div>
        </div>
      ) : (
        <div className="actions">
          <Button
            busy={newLink.isPending}
            onClick={() =>
              makeLink("Your calendar feed is on. Its link is below, shown this once.")
            }
          >
            Turn on the calendar feed
          </Button>
        </div>
      )}
      {newLink.isError ? <ErrorState title="No link was made" error={newLink.error} /> : null}
      {turnOff.isError ? (
        <ErrorState title="The calendar feed is still on" error={turnOff.error} />
      ) : null}
      {titles.isError ? (
        <ErrorState title="The titles stayed as they were" error={titles.error} />
      ) : null}
      <LiveStatus message={status} />
    </div>
  );
}
