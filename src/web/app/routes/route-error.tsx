import { Component, type ReactNode } from "react";
import { Outlet, useLocation } from "react-router";
import { Button, ButtonLink } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";

/** Shown when a screen fails unexpectedly; the quick exit stays in the layout above it. */
export function RouteErrorPage() {
  return (
    <Page heading="Something went wrong" title="Something went wrong" width="narrow">
      <p>This screen ran into a problem. Reloading the page usually helps.</p>
      <div className="actions">
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
        <ButtonLink to="/" variant="secondary">
          Go to the home page
        </ButtonLink>
      </div>
    </Page>
  );
}

interface BoundaryProps {
  /** What shows instead of whatever below failed. */
  fallback: ReactNode;
  /** A new value tries again (a navigation): what is below is not remounted for it. */
  resetKey: unknown;
  children: ReactNode;
}

/** Catches what fails while rendering below it, and shows `fallback` in its place. */
export class ErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) {
      this.setState({ failed: false });
    }
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The screens' boundary, inside the layout: a failing screen keeps the header, navigation and
 * quick exit, and any navigation (the same page again too) leaves the failure behind.
 */
export function ScreenErrorBoundary() {
  const { key } = useLocation();
  return (
    <ErrorBoundary resetKey={key} fallback={<RouteErrorPage />}>
      <Outlet />
    </ErrorBoundary>
  );
}
