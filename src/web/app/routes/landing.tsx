import { useLocation } from "react-router";
import { PhaseRoadMap } from "../../features/couples/components/phase-road-map.tsx";
import { ButtonLink } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { useDocumentTitle } from "../../ui/page.tsx";
import { Notice } from "../../ui/status.tsx";

const NOTICES: Record<string, string> = {
  "signed-out": "You're signed out. Take care.",
  deleted: "Your account has been deleted. Take good care of yourself.",
};

/** The signed-out front page: what Mend is, how it treats privacy, and the way in. */
export function LandingPage() {
  useDocumentTitle();
  const location = useLocation();
  const state = location.state as { notice?: string } | null;
  const notice = state?.notice ? NOTICES[state.notice] : undefined;

  return (
    <div className="landing">
      {notice ? (
        <div role="status" className="landing__notice">
          <Notice tone="success">
            <p>{notice}</p>
          </Notice>
        </div>
      ) : null}
      <section className="hero" aria-labelledby="landing-title">
        <h1 id="landing-title" className="hero__title" tabIndex={-1}>
          Rebuild trust, one small step at a time
        </h1>
        <p className="hero__lead">
          Mend is a calm, private space for two people finding their way after trust was broken,
          whatever form that took. It guides you through three phases, at your own pace, side by
          side.
        </p>
        <div className="actions">
          <ButtonLink to="/signup">Create an account</ButtonLink>
          <ButtonLink to="/signin" variant="secondary">
            Sign in
          </ButtonLink>
        </div>
      </section>

      <section className="landing__section" aria-labelledby="landing-phases">
        <h2 id="landing-phases">Three phases, in your own time</h2>
        <p className="muted landing__section-intro">
          There's no schedule to keep up with. You move forward when you both feel ready, and either
          of you can step back whenever you need to.
        </p>
        <PhaseRoadMap />
      </section>

      <div className="grid-2">
        <Card title="Private stays private">
          <ul className="bullets">
            <li>Each of you has your own account and signs in on your own.</li>
            <li>What you keep private is never shown to your partner.</li>
            <li>
              Mend never tells your partner when you were last here, and it never tracks devices or
              locations.
            </li>
          </ul>
        </Card>
        <Card title="On a shared device" tone="quiet">
          <p>
            The <strong>Quick exit</strong> button at the top of every page, or pressing{" "}
            <kbd>Shift</kbd> three times, leaves Mend at once for a neutral website.
          </p>
          <p>
            Your browser still remembers the pages you visit. If someone else uses this device, a
            private browsing window leaves less behind.
          </p>
        </Card>
      </div>
    </div>
  );
}
