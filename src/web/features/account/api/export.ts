import { useMutation, useQuery } from "@tanstack/react-query";
import {
  type ExportDocument,
  exportEverything,
  exportFileName,
} from "../../../../client/export.ts";
import { api } from "../../../ui/api-client.ts";
import { browserTimeZone } from "../../../ui/format.ts";

function buildExport(): Promise<ExportDocument> {
  return exportEverything(api, { now: new Date(), timeZone: browserTimeZone() });
}

/** Hands the file to the browser's own download: the opened words go nowhere but this file. */
function saveAsFile(document: ExportDocument): void {
  const blob = new Blob([JSON.stringify(document, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement("a");
  link.href = url;
  link.download = exportFileName(document);
  link.hidden = true;
  window.document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file over; the object URL would keep the words in memory.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function useDownloadExport() {
  return useMutation({
    mutationFn: async () => {
      const document = await buildExport();
      saveAsFile(document);
      return document;
    },
  });
}

/** The printable summary's data; kept nowhere once the page is left. */
export function useExportSummary() {
  return useQuery({
    queryKey: ["account", "export"],
    queryFn: buildExport,
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}
