import { useQueryClient } from "@tanstack/react-query";
import { type RefObject, useEffect, useRef, useState } from "react";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import { keyOf } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { formatTime } from "../../../ui/format.ts";
import { ErrorState } from "../../../ui/query-state.tsx";
import { useNow } from "../../../ui/use-now.ts";
import { useEndPause, useStartPause } from "../api/pause.ts";
import { CALMING_IDEAS, calmingIdeaFor, PAUSE_LENGTHS } from "../copy.ts";

export interface ActivePauseData {
  byMe: boolean;
  endsAt: string;
}

const PANEL_ID = "pause-panel";
const MINUTE = 60_000;

function PauseIcon() {
  return (
    <svg className="pause-button__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="4" y="3" width="2.6" height="10" rx="1" fill="currentColor" />
      <rect x="9.4" y="3" width="2.6" height="10" rx="1" fill="currentColor" />
    </svg>
  );
}

/** The header button that opens the pause panel; there whenever no pause is running. */
export function PauseButton({
  open,
  onToggle,
  ref,
}: {
  open: boolean;
  onToggle: () => void;
  ref?: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <button
      ref={ref}
      type="button"
      className="pause-button"
      aria-expanded={open}
      aria-controls={PANEL_ID}
      onClick={onToggle}
    >
      <PauseIcon />
      Pause
    </button>
  );
}

/** Minutes left until `endsAt`, rounded up; 0 once it has passed. */
function minutesLeft(endsAt: string): number {
  // The clock is read on each render; `useNow` only makes sure renders keep coming.
  return Math.max(0, Math.ceil((new Date(endsAt).getTime() - Date.now()) / MINUTE));
}

/** After the end time passes, ask once more what is running, so the banner goes by itself. */
function useEndsBySelf(endsAt: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!endsAt) return;
    const wait = new Date(endsAt).getTime() - Date.now() + 1_000;
    const timer = window.setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: keyOf(coupleRoutes.view) }),
      Math.max(1_000, Math.min(wait, 2 ** 31 - 1)),
    );
    return () => window.clearTimeout(timer);
  }, [endsAt, queryClient]);
}

interface PauseAreaProps {
  activePause: ActivePauseData | null;
  /** The panel to call a pause is open. */
  open: boolean;
  onClose: () => void;
  /** The partner's name, or "your partner". */
  partnerName: string;
  /** Whether the viewer may call a pause here (not while couple features are paused for them). */
  canPause: boolean;
  /** After the viewer ends their pause early (focus goes back to the Pause button). */
  onEnded?: () => void;
}

/**
 * What every couple screen shows about a pause, just below the navigation: the panel to call
 * one, the caller's own countdown, or, for the other partner, only the time it ends.
 */
export function PauseArea({
  activePause,
  open,
  onClose,
  partnerName,
  canPause,
  onEnded,
}: PauseAreaProps) {
  // Renders again every few seconds, so the countdown and "back at" times stay current.
  useNow(activePause ? 5_000 : 30_000);
  const running = activePause && new Date(activePause.endsAt).getTime() > Date.now();
  useEndsBySelf(activePause?.endsAt);
  const focusRef = useRef<HTMLParagraphElement>(null);
  const [justStarted, setJustStarted] = useState(false);

  useEffect(() => {
    if (justStarted && running) {
      focusRef.current?.focus();
      setJustStarted(false);
    }
  }, [justStarted, running]);

  let content = null;
  if (running && activePause.byMe) {
    content = (
      <OwnPause
        endsAt={activePause.endsAt}
        partnerName={partnerName}
        focusRef={focusRef}
        onEnded={onEnded}
      />
    );
  } else if (running) {
    content = (
      <div className="pause-banner pause-banner--partner">
        <div className="pause-banner__inner">
          <p className="pause-banner__title">Paused until {formatTime(activePause.endsAt)}</p>
          <p className="pause-banner__text">
            A breather for both of you. You'll come back to it afterwards.
          </p>
        </div>
      </div>
    );
  } else if (open && canPause) {
    content = (
      <PausePanel
        partnerName={partnerName}
        onClose={onClose}
        onStarted={() => {
          setJustStarted(true);
          onClose();
        }}
      />
    );
  }

  // Announced when a pause starts or ends, on this screen or from the partner's.
  const announcement = running
    ? activePause.byMe
      ? `Your pause has started. Back at ${formatTime(activePause.endsAt)}.`
      : `Paused until ${formatTime(activePause.endsAt)}.`
    : "";
  return (
    <div className="pause-area">
      {content}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function OwnPause({
  endsAt,
  partnerName,
  focusRef,
  onEnded,
}: {
  endsAt: string;
  partnerName: string;
  focusRef: RefObject<HTMLParagraphElement | null>;
  onEnded?: (() => void) | undefined;
}) {
  const end = useEndPause();
  const left = minutesLeft(endsAt);
  return (
    <div className="pause-banner pause-banner--mine">
      <div className="pause-banner__inner">
        <p className="pause-banner__title" tabIndex={-1} ref={focusRef}>
          You're taking a pause. Back at {formatTime(endsAt)}
        </p>
        <p className="pause-banner__countdown">
          {left <= 1 ? "About a minute left" : `About ${left} minutes left`}
        </p>
        <p className="pause-banner__text">{calmingIdeaFor(endsAt)}</p>
        <p className="pause-banner__text small">
          {partnerName} sees only "Paused until {formatTime(endsAt)}", no reason.
        </p>
        <div className="actions">
          <Button
            variant="secondary"
            size="small"
            busy={end.isPending}
            onClick={() =>
              end.mutateAsync().then(
                () => onEnded?.(),
                () => {
                  // shown below from end.error
                },
              )
            }
          >
            End the pause early
          </Button>
        </div>
        {end.isError ? <ErrorState title="The pause is still running" error={end.error} /> : null}
      </div>
    </div>
  );
}

function PausePanel({
  partnerName,
  onClose,
  onStarted,
}: {
  partnerName: string;
  onClose: () => void;
  onStarted: () => void;
}) {
  const start = useStartPause();
  const [minutes, setMinutes] = useState<string>("30");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const backAt = (m: number) => formatTime(new Date(Date.now() + m * MINUTE).toISOString());

  return (
    <section className="pause-panel" id={PANEL_ID} aria-labelledby="pause-panel-title">
      <div className="pause-panel__inner">
        <h2 className="pause-panel__title" id="pause-panel-title" tabIndex={-1} ref={headingRef}>
          Take a pause
        </h2>
        <p>
          When things get too heated, stop for a while and come back at a set time. {partnerName}{" "}
          will see only when you'll be back, never a reason.
        </p>
        <form
          className="form form--tight"
          onSubmit={(event) => {
            event.preventDefault();
            // This panel is gone as soon as the pause shows, so wait here rather than in a
            // callback that would no longer run.
            start.mutateAsync(Number(minutes)).then(onStarted, () => {
              // shown below from start.error
            });
          }}
        >
          <ChoiceGroup
            size="compact"
            legend="How long?"
            name="pause-minutes"
            value={minutes}
            onChange={setMinutes}
            choices={PAUSE_LENGTHS.map((m) => ({
              value: String(m),
              label: `${m} minutes`,
              description: `Back at ${backAt(m)}`,
            }))}
          />
          <div>
            <p className="pause-panel__ideas-title">While you pause</p>
            <ul className="pause-panel__ideas">
              {CALMING_IDEAS.slice(0, 4).map((idea) => (
                <li key={idea}>{idea}</li>
              ))}
            </ul>
          </div>
          <div className="actions">
            <Button type="submit" busy={start.isPending}>
              Start the pause
            </Button>
            <Button variant="quiet" onClick={onClose}>
              Not now
            </Button>
          </div>
          {start.isError ? <ErrorState title="The pause didn't start" error={start.error} /> : null}
        </form>
      </div>
    </section>
  );
}
