import { Link } from "react-router";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { Notice } from "../../../ui/status.tsx";
import { Resources } from "../components/resources.tsx";

/** Places to turn to, for anyone, signed in or not. */
export function HelpPage() {
  return (
    <Page
      heading="Where to find help"
      width="narrow"
      intro={
        <p>
          If you or someone else is in danger, or you feel you can't go on, please reach out now.
          You don't need an account for any of this.
        </p>
      }
    >
      <Card>
        <Resources />
      </Card>
      <Notice>
        <p>
          Your browser keeps a history of the pages you visit. If someone else uses this device, a
          private browsing window leaves less behind. <strong>Quick exit</strong>, at the top of the
          page or Shift pressed three times, leaves at once.
        </p>
      </Notice>
      <p>
        With an account, there's also a <Link to="/safety">private safety check</Link> that only you
        see.
      </p>
    </Page>
  );
}
