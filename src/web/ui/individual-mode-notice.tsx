import { Link } from "react-router";
import { Notice } from "./status.tsx";

/**
 * Said kindly wherever a couple feature is paused for the viewer. Only the viewer ever sees
 * it; nothing changes on the partner's screens.
 */
export function IndividualModeNotice({ what }: { what?: string }) {
  return (
    <Notice title="Paused for you, for now">
      <p>
        {what ?? "This part of Mend"} is paused while you use Mend on your own. Your partner isn't
        told, and their screens look the same as before. You can turn couple features back on at any
        time from <Link to="/safety">Your safety</Link>.
      </p>
    </Notice>
  );
}
