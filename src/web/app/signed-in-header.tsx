import { useEffect, useRef, useState } from "react";
import { NavLink, useLocation } from "react-router";
import type { MeReply } from "../../contracts/account.ts";
import type { Phase } from "../../domain/phases.ts";
import { useCouple } from "../features/couples/api/couple.ts";
import { useCoupleEvents } from "../features/couples/api/events.ts";
import { PauseArea, PauseButton } from "../features/talks/components/pause.tsx";
import { HeaderBar, NavPlaceholder } from "./site-header.tsx";

interface NavItem {
  to: string;
  label: string;
  /** A shorter name where space is tight (phones). */
  short?: string;
  end?: boolean;
  /** Shown only on wide screens (on phones it lives under "More"), or only on phones. */
  only?: "wide" | "narrow";
}

const STABILIZE_NAV: NavItem[] = [
  { to: "/", label: "Home", end: true },
  { to: "/talks", label: "Talk times", short: "Talks" },
  { to: "/parking-lot", label: "Parking lot", only: "wide" },
  { to: "/intensity", label: "Intensity" },
  { to: "/agreements", label: "Agreements" },
];

const STABILIZE_MORE: NavItem[] = [
  { to: "/parking-lot", label: "Parking lot", only: "narrow" },
  { to: "/support", label: "Support" },
  { to: "/path", label: "Path" },
  { to: "/safety", label: "Your safety" },
  { to: "/account", label: "Account" },
];

/** Make meaning leads with its own tools; Stabilize's stay one tap away under "More". */
const MEANING_NAV: NavItem[] = [
  { to: "/", label: "Home", end: true },
  { to: "/reflections", label: "Reflections", short: "Reflect" },
  { to: "/questions", label: "Questions" },
  { to: "/story", label: "Our story", short: "Story" },
  { to: "/talks", label: "Talk times", only: "wide" },
];

const MEANING_MORE: NavItem[] = [
  { to: "/accountability", label: "Accountability statement" },
  { to: "/hurt", label: "Hurt and grief" },
  { to: "/talks", label: "Talk times", only: "narrow" },
  { to: "/parking-lot", label: "Parking lot" },
  { to: "/intensity", label: "Intensity" },
  { to: "/agreements", label: "Agreements" },
  { to: "/support", label: "Support" },
  { to: "/path", label: "Path" },
  { to: "/safety", label: "Your safety" },
  { to: "/account", label: "Account" },
];

/** Rebuild leads with promises and the weekly check-in; the earlier tools stay under "More". */
const REBUILD_NAV: NavItem[] = [
  { to: "/", label: "Home", end: true },
  { to: "/promises", label: "Promises" },
  { to: "/checkins", label: "Check-ins" },
  { to: "/setbacks", label: "Setbacks", only: "wide" },
  { to: "/talks", label: "Talk times", only: "wide" },
];

const REBUILD_MORE: NavItem[] = [
  { to: "/setbacks", label: "Setbacks and repair", only: "narrow" },
  { to: "/milestones", label: "Milestones" },
  { to: "/talks", label: "Talk times", only: "narrow" },
  { to: "/story", label: "Our story" },
  { to: "/questions", label: "Questions" },
  { to: "/reflections", label: "Reflections" },
  { to: "/accountability", label: "Accountability statement" },
  { to: "/hurt", label: "Hurt and grief" },
  { to: "/parking-lot", label: "Parking lot" },
  { to: "/intensity", label: "Intensity" },
  { to: "/agreements", label: "Agreements" },
  { to: "/support", label: "Support" },
  { to: "/path", label: "Path" },
  { to: "/safety", label: "Your safety" },
  { to: "/account", label: "Account" },
];

function coupleNav(phase: Phase | undefined): { links: NavItem[]; more: NavItem[] } {
  if (phase === "stabilize" || phase === undefined) {
    return { links: STABILIZE_NAV, more: STABILIZE_MORE };
  }
  if (phase === "rebuild") return { links: REBUILD_NAV, more: REBUILD_MORE };
  return { links: MEANING_NAV, more: MEANING_MORE };
}

/** A therapist's own small navigation: no couple's tools, no partner's Home. */
const THERAPIST_NAV: NavItem[] = [
  { to: "/therapist", label: "Caseload" },
  { to: "/account", label: "Account" },
];

const SOLO_NAV: NavItem[] = [
  { to: "/", label: "Home", end: true },
  { to: "/safety", label: "Your safety" },
  { to: "/account", label: "Account" },
];

function NavLabel({ item }: { item: NavItem }) {
  if (!item.short) return <>{item.label}</>;
  return (
    <>
      <span className="nav-label--long">{item.label}</span>
      <span className="nav-label--short">{item.short}</span>
    </>
  );
}

const onlyClass = (item: NavItem) => (item.only ? ` only-${item.only}` : "");

/** "More" opens a short list in place under the navigation; it never covers the quick exit. */
function MoreMenu({ items }: { items: NavItem[] }) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const matches = (item: NavItem) =>
    location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);
  // A link that sits under "More" only on narrow screens marks "More" only there.
  const current = items.some((item) => matches(item) && !item.only);
  const currentNarrow = items.some((item) => matches(item) && item.only === "narrow");

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes whenever the screen changes
  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);

  // Closes on a click or focus elsewhere, and on Escape (back to the button).
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", outside);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", outside);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div className="more-menu" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`site-nav__link more-menu__button${current ? " is-current" : ""}${
          currentNarrow ? " is-current-narrow" : ""
        }`}
        aria-expanded={open}
        aria-controls="more-menu-list"
        onClick={() => setOpen((value) => !value)}
      >
        More
        <svg className="more-menu__chevron" viewBox="0 0 12 12" aria-hidden="true">
          <path
            d="M2.5 4.5 6 8l3.5-3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      <ul className="more-menu__list" id="more-menu-list" hidden={!open}>
        {items.map((item) => (
          <li key={item.to + (item.only ?? "")} className={onlyClass(item).trim() || undefined}>
            <NavLink to={item.to} end={item.end} className="more-menu__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SiteNav({
  inCouple,
  phase,
  therapist,
}: {
  inCouple: boolean;
  phase: Phase | undefined;
  therapist: boolean;
}) {
  const { links: coupleLinks, more } = coupleNav(phase);
  const links = therapist ? THERAPIST_NAV : inCouple ? coupleLinks : SOLO_NAV;
  return (
    <nav className="site-nav" aria-label="Main">
      <ul className="site-nav__list">
        {links.map((link) => (
          <li key={link.to} className={onlyClass(link).trim() || undefined}>
            <NavLink to={link.to} end={link.end} className="site-nav__link">
              <NavLabel item={link} />
            </NavLink>
          </li>
        ))}
      </ul>
      {inCouple ? <MoreMenu items={more} /> : null}
    </nav>
  );
}

/** The pause, live on every couple screen: the button, the panel, and the banners. */
function useCoupleChrome(inCouple: boolean) {
  const couple = useCouple(inCouple);
  useCoupleEvents(inCouple);
  const data = inCouple ? couple.data : undefined;
  const meId = data?.me.id;
  const partnerName = data?.partners.find((p) => p.id !== meId)?.name ?? "Your partner";
  return {
    ready: Boolean(data),
    // The phase is known, or will not be (the couple did not load): the links can be drawn.
    phaseSettled: !inCouple || !couple.isPending,
    activePause: data?.activePause ?? null,
    canPause: Boolean(data && !data.me.individualMode),
    partnerName,
    phase: data?.phase,
  };
}

/**
 * The header of someone signed in: their navigation and, in a couple, the pause. Loaded with
 * the API client, which only someone signed in needs. A couple's navigation depends on their
 * phase, so until the couple is known its row is held at its height, empty, rather than
 * showing the wrong links and then moving them.
 */
export function SignedInHeader({ me }: { me: MeReply }) {
  const inCouple = Boolean(me.couple);
  const chrome = useCoupleChrome(inCouple);
  const [pauseOpen, setPauseOpen] = useState(false);
  const pauseButtonRef = useRef<HTMLButtonElement>(null);
  const pauseRunning =
    chrome.activePause !== null && new Date(chrome.activePause.endsAt).getTime() > Date.now();
  const showPause = chrome.ready && chrome.canPause && !pauseRunning;
  // Before a therapist's second factor nothing is reachable, so nothing is offered.
  const navigable = !me.needsSecondFactor;

  return (
    <header className="site-header">
      <div className={`site-header__inner${inCouple ? " site-header__inner--stacked" : ""}`}>
        <HeaderBar pause={showPause}>
          {showPause ? (
            <PauseButton
              ref={pauseButtonRef}
              open={pauseOpen}
              onToggle={() => setPauseOpen((open) => !open)}
            />
          ) : null}
        </HeaderBar>
        {navigable && !chrome.phaseSettled ? <NavPlaceholder /> : null}
        {navigable && chrome.phaseSettled ? (
          <SiteNav
            inCouple={inCouple}
            phase={chrome.phase}
            therapist={me.user.role === "therapist"}
          />
        ) : null}
      </div>
      {chrome.ready ? (
        <PauseArea
          activePause={chrome.activePause}
          open={pauseOpen}
          onClose={() => setPauseOpen(false)}
          partnerName={chrome.partnerName}
          canPause={chrome.canPause}
          onEnded={() => window.requestAnimationFrame(() => pauseButtonRef.current?.focus())}
        />
      ) : null}
    </header>
  );
}
