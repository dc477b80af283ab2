import { Link } from "react-router";
import { Button } from "../../../ui/button.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useDownloadExport } from "../api/export.ts";

/** "Download all my data": made in this browser, from what this person may read. */
export function ExportData() {
  const download = useDownloadExport();
  const status = download.isSuccess
    ? "Your file is ready. Keep it somewhere only you can open: it holds your words, unsealed."
    : "";
  return (
    <div className="stack-sm">
      <p>
        Everything you can read in Mend, in one file: your own words, private ones too, and what
        your partner shared with you. Your partner's private words are never in it. The file is put
        together here in your browser, so your words are opened only on this device.
      </p>
      <div className="actions">
        <Button variant="secondary" busy={download.isPending} onClick={() => download.mutate()}>
          Download all my data
        </Button>
        <Link to="/account/export">Printable summary</Link>
      </div>
      {download.isError ? <ErrorState title="The file wasn't made" error={download.error} /> : null}
      <LiveStatus message={status} />
    </div>
  );
}
