import { useEffect } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { useMe } from "../features/account/api/me.ts";
import { ToastProvider } from "../ui/toast.tsx";
import { QuickExit } from "./quick-exit.tsx";

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

function SiteNav({ inCouple }: { inCouple: boolean }) {
  const links = inCouple
    ? [
        { to: "/", label: "Home", end: true },
        { to: "/path", label: "Path", end: false },
        { to: "/agreements", label: "Agreements", end: false },
        { to: "/account", label: "Account", end: false },
      ]
    : [
        { to: "/", label: "Home", end: true },
        { to: "/account", label: "Account", end: false },
      ];
  return (
    <nav className="site-nav" aria-label="Main">
      <ul className="site-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="site-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

export function RootLayout() {
  const me = useMe();
  const location = useLocation();
  const signedIn = Boolean(me.data);
  const onAuthPage = location.pathname === "/signin" || location.pathname === "/signup";

  // Each screen starts at the top, unless the link points into the page ("#propose").
  const hasHash = location.hash !== "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    if (!hasHash) window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <>
      <QuickExit />
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <div className="site-header__bar">
            <Link to="/" className="brand" aria-label="Mend, home">
              <BrandMark />
              <span>Mend</span>
            </Link>
            {!signedIn && !me.isPending && !onAuthPage ? (
              <div className="signed-out-links">
                <Link to="/signin">Sign in</Link>
              </div>
            ) : null}
          </div>
          {me.data ? <SiteNav inCouple={Boolean(me.data.couple)} /> : null}
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <ToastProvider>
          <Outlet />
        </ToastProvider>
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>
            <strong>Quick exit</strong> (the button at the top, or Shift three times) leaves Mend at
            once. Your browser still keeps its history of visited pages.
          </p>
        </div>
      </footer>
    </>
  );
}
