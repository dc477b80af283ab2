import { isRouteErrorResponse, useRouteError } from "react-router";
import { Button, ButtonLink } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { NotFoundPage } from "./not-found.tsx";

/** Shown when a screen fails unexpectedly; the quick exit stays in the layout above it. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (error) console.error(error);
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
