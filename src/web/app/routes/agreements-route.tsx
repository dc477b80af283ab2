import { AgreementsPage } from "../../features/agreements/pages/agreements.tsx";
import { AgreedTalkTimesLine } from "../../features/talks/components/talk-summaries.tsx";

/** Agreements, with the agreed talk times shown under the "talk" category. */
export function AgreementsRoute() {
  return <AgreementsPage categoryExtras={{ talk: <AgreedTalkTimesLine /> }} />;
}
