import type { ReactNode } from "react";
import { Link } from "react-router";

function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="var(--color-primary)" />
      <path
        d="M16 44V22l16 14 16-14v22"
        fill="none"
        stroke="var(--color-on-primary)"
        strokeWidth="6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The header's first row: the name leading home, then whatever this person is offered. */
export function HeaderBar({ pause = false, children }: { pause?: boolean; children?: ReactNode }) {
  return (
    <div className={`site-header__bar${pause ? " site-header__bar--pause" : ""}`}>
      <Link to="/" className="brand" aria-label="Mend, home">
        <BrandMark />
        <span className="brand__name">Mend</span>
      </Link>
      {children}
    </div>
  );
}

/** The navigation's row, held at its height while what goes in it is not known yet. */
export function NavPlaceholder() {
  return (
    <div className="site-nav" aria-hidden="true">
      <ul className="site-nav__list">
        <li>
          <span className="site-nav__link">&nbsp;</span>
        </li>
      </ul>
    </div>
  );
}

export function SignedOutHeader({ offerSignIn }: { offerSignIn: boolean }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <HeaderBar>
          {offerSignIn ? (
            <div className="signed-out-links">
              <Link to="/signin">Sign in</Link>
            </div>
          ) : null}
        </HeaderBar>
      </div>
    </header>
  );
}

/**
 * While a device that holds someone's keys asks who is here, or while their header's code
 * arrives: the header of a partner in a couple (the likeliest answer), without its links, so
 * what follows does not move when they appear.
 */
export function SignedInHeaderPlaceholder() {
  return (
    <header className="site-header">
      <div className="site-header__inner site-header__inner--stacked">
        <HeaderBar />
        <NavPlaceholder />
      </div>
    </header>
  );
}
