import { Suspense, useEffect } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { useMe } from "../features/account/api/me.ts";
import { useAnythingPending } from "../ui/pending.ts";
import { Loading } from "../ui/query-state.tsx";
import { ToastProvider } from "../ui/toast.tsx";
import { QuickExit } from "./quick-exit.tsx";
import { screens } from "./screens.ts";
import { SignedInHeaderPlaceholder, SignedOutHeader } from "./site-header.tsx";

function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

function SiteHeader() {
  const me = useMe();
  const location = useLocation();
  const onAuthPage = location.pathname === "/signin" || location.pathname === "/signup";
  if (me.data) {
    return (
      <Suspense fallback={<SignedInHeaderPlaceholder />}>
        <screens.SignedInHeader me={me.data} />
      </Suspense>
    );
  }
  if (me.isPending) return <SignedInHeaderPlaceholder />;
  return <SignedOutHeader offerSignIn={!onAuthPage} />;
}

/**
 * The frame of every screen, drawn at once: quick exit, header and the screen (loaded when
 * first shown, a calm "Loading…" meanwhile), then the footer once the screen has its content.
 */
export function RootLayout() {
  const me = useMe();
  const location = useLocation();
  const signedIn = Boolean(me.data);
  // The footer comes with the screen's content, not before it, so it never moves once drawn.
  const loading = useAnythingPending();

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
      <SiteHeader />
      <main id="main" className="site-main" tabIndex={-1}>
        <ToastProvider>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ToastProvider>
      </main>
      <footer className="site-footer" hidden={loading}>
        <div className="site-footer__inner">
          <p>
            <strong>Quick exit</strong> (the button at the top, or Shift three times) leaves Mend at
            once. Your browser still keeps its history of visited pages; a private window keeps
            less.
          </p>
          <p className="site-footer__links">
            {signedIn && me.data?.user.role !== "therapist" ? (
              <Link to="/safety">Your safety</Link>
            ) : (
              <Link to="/help">Where to find help</Link>
            )}
          </p>
        </div>
      </footer>
    </>
  );
}
