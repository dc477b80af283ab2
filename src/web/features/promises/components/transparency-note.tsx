import { TRANSPARENCY_REVIEW_MAX_DAYS } from "../../../../domain/promises.ts";
import { Notice } from "../../../ui/status.tsx";

/** What a transparency routine is, and what it never is, said plainly wherever one is made. */
export function TransparencyNote() {
  return (
    <Notice title="What a transparency routine is, and what it is not">
      <p>
        A routine is something you choose to open up yourself, for a while: going through a
        statement together, or showing messages side by side. It is voluntary, agreed by you both,
        and time-limited, with a review day within {TRANSPARENCY_REVIEW_MAX_DAYS} days.
      </p>
      <p>
        It is never monitoring. No tracking, no location sharing and no access to the other's phone
        or computer, ever. Mend does none of these things.
      </p>
    </Notice>
  );
}
