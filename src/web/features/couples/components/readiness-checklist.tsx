import { useState } from "react";
import { Link } from "react-router";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { PrivateNote } from "../../../ui/private-note.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { type CoupleViewData, useSetSafeEnough } from "../api/couple.ts";
import { PHASE_COPY, READINESS_LINKS, READINESS_TITLES } from "../copy.ts";

function MetIcon({ met }: { met: boolean }) {
  return (
    <svg className="checklist__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle
        cx="10"
        cy="10"
        r="8.5"
        fill={met ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="1.5"
      />
      {met ? (
        <path
          d="M6 10.2 8.7 13 14 7.5"
          fill="none"
          stroke="var(--color-surface)"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ) : null}
    </svg>
  );
}

/** The private "safe enough" answer. Only the viewer's own checklist changes. */
export function SafeEnoughToggle({ safeEnough }: { safeEnough: boolean | null }) {
  const mutation = useSetSafeEnough();
  const [status, setStatus] = useState("");
  return (
    <div className="safe-enough">
      <ChoiceGroup
        size="compact"
        legend={<span className="visually-hidden">Do you feel safe enough to go on?</span>}
        hint={<PrivateNote>Only you see this answer. You can change it at any time.</PrivateNote>}
        name="safe-enough"
        // Unanswered shows no answer: nothing is chosen for the person.
        value={safeEnough === null ? null : safeEnough ? "yes" : "no"}
        choices={[
          { value: "yes", label: "Yes, safe enough" },
          { value: "no", label: "Not yet" },
        ]}
        onChange={(value) => {
          setStatus("");
          mutation.mutate(value === "yes", {
            onSuccess: () =>
              setStatus(
                value === "yes"
                  ? "Saved: you feel safe enough to go on."
                  : "Saved: not yet. Take the time you need.",
              ),
          });
        }}
      />
      <LiveStatus message={status} />
      {mutation.isError ? (
        <ErrorState title="Your answer wasn't saved" error={mutation.error} />
      ) : null}
    </div>
  );
}

function ReadinessLink({ itemKey }: { itemKey: string }) {
  const link = READINESS_LINKS[itemKey];
  if (!link) return null;
  return (
    <Link className="checklist__link" to={link.to}>
      {link.label}
    </Link>
  );
}

/** The readiness checklist for the next step. It guides; it never blocks. */
export function ReadinessChecklist({ couple }: { couple: CoupleViewData }) {
  const { readiness } = couple;
  const metCount = readiness.items.filter((item) => item.met).length;
  return (
    <div className="stack-sm">
      <p className="muted">
        A few signs that {PHASE_COPY[readiness.phase].name} is doing its work. It's a guide, not a
        test: {metCount} of {readiness.items.length} for now.
      </p>
      <ul className="checklist">
        {readiness.items.map((item) => (
          <li
            key={item.key}
            className={`checklist__item ${item.met ? "checklist__item--met" : ""}`}
          >
            <MetIcon met={item.met} />
            <div className="checklist__text">
              <p className="checklist__title">
                {READINESS_TITLES[item.key] ?? item.detail}
                <span className="visually-hidden">{item.met ? " (done)" : " (not yet)"}</span>
              </p>
              {READINESS_TITLES[item.key] && item.key !== "safe-enough" ? (
                <p className="checklist__detail">
                  {item.detail} <ReadinessLink itemKey={item.key} />
                </p>
              ) : null}
              {item.key === "safe-enough" ? (
                <>
                  <SafeEnoughToggle safeEnough={couple.me.safeEnough} />
                  <p className="checklist__detail">
                    <ReadinessLink itemKey={item.key} />
                  </p>
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
