import { ButtonLink } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";

export function NotFoundPage() {
  return (
    <Page heading="We couldn't find that page" title="Not found" width="narrow">
      <p>
        The address may be mistyped, or the page may have moved. Nothing is lost: everything you
        wrote is still where it was.
      </p>
      <div className="actions">
        <ButtonLink to="/">Go to the home page</ButtonLink>
      </div>
    </Page>
  );
}
