import { PHASES, type Phase, phaseIndex } from "../../../../domain/phases.ts";
import { PHASE_COPY } from "../copy.ts";

interface PhaseRoadMapProps {
  /** The couple's phase; without it the map is a plain introduction. */
  current?: Phase;
  headingLevel?: 3 | 4;
  /** Explain only the current phase; the others show their one-line summary. */
  compact?: boolean;
}

/** The three phases in order, with the couple's current one marked. */
export function PhaseRoadMap({ current, headingLevel = 3, compact = false }: PhaseRoadMapProps) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const currentIndex = current ? phaseIndex(current) : -1;
  return (
    <ol className={`road-map${compact ? " road-map--compact" : ""}`}>
      {PHASES.map((phase, index) => {
        const copy = PHASE_COPY[phase];
        const state =
          index === currentIndex ? "current" : index < currentIndex ? "before" : "ahead";
        return (
          <li
            key={phase}
            className={`road-map__step road-map__step--${current ? state : "intro"}`}
            aria-current={index === currentIndex ? "step" : undefined}
          >
            <span className="road-map__number" aria-hidden="true">
              {index + 1}
            </span>
            <div className="road-map__content">
              <div className="road-map__title-row">
                <Heading className="road-map__title">
                  <span className="visually-hidden">Phase {index + 1}: </span>
                  {copy.fullName}
                </Heading>
                {index === currentIndex ? (
                  <span className="badge badge--primary">You are here</span>
                ) : null}
              </div>
              <p className="road-map__tagline">{copy.tagline}</p>
              {compact && index !== currentIndex ? null : (
                <p className="road-map__about">{copy.about}</p>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
