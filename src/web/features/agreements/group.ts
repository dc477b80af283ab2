import type { Agreement } from "../../../contracts/agreements.ts";

export interface GroupedAgreements {
  myAnswer: Agreement[];
  partnerAnswer: Agreement[];
  inPlace: Agreement[];
  past: Agreement[];
}

/** Sorts agreements into what the viewer should do with them. */
export function groupAgreements(agreements: Agreement[], meId: string): GroupedAgreements {
  const byNewest = (a: Agreement, b: Agreement) => b.updatedAt.localeCompare(a.updatedAt);
  const proposed = agreements.filter((a) => a.status === "proposed");
  return {
    myAnswer: proposed.filter((a) => a.proposedBy !== meId).sort(byNewest),
    partnerAnswer: proposed.filter((a) => a.proposedBy === meId).sort(byNewest),
    inPlace: agreements
      .filter((a) => a.status === "accepted")
      .sort(
        (a, b) =>
          Number(b.dueForReview) - Number(a.dueForReview) ||
          (a.reviewOn ?? "9999").localeCompare(b.reviewOn ?? "9999"),
      ),
    past: agreements
      .filter((a) => a.status !== "proposed" && a.status !== "accepted")
      .sort(byNewest),
  };
}
