import { z } from "zod";
import {
  AGREEMENT_CATEGORIES,
  AGREEMENT_EVENT_KINDS,
  AGREEMENT_STATUSES,
} from "../domain/agreements.ts";
import { LIMITS } from "../domain/limits.ts";
import { Day, Id, Timestamp, text } from "./common.ts";

export const AgreementCategorySchema = z.enum(AGREEMENT_CATEGORIES, {
  error: `Choose one of: ${AGREEMENT_CATEGORIES.join(", ")}.`,
});

export const Agreement = z.object({
  id: Id,
  category: AgreementCategorySchema,
  text: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  proposedBy: Id,
  reviewOn: Day.nullable(),
  dueForReview: z.boolean(),
  replacesId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Agreement = z.infer<typeof Agreement>;

export const AgreementEvent = z.object({
  kind: z.enum(AGREEMENT_EVENT_KINDS),
  by: Id.nullable().describe("null when that partner has since deleted their account"),
  note: z.string().nullable(),
  at: Timestamp,
});

export const ProposeAgreementBody = z.strictObject({
  category: AgreementCategorySchema,
  text: text(LIMITS.agreementTextMax),
  reviewOn: Day.optional(),
});
export const CounterAgreementBody = z.strictObject({
  text: text(LIMITS.agreementTextMax),
  reviewOn: Day.optional(),
});
export const ReviewAgreementBody = z.discriminatedUnion(
  "outcome",
  [
    z.strictObject({
      outcome: z.literal("keep"),
      reviewOn: Day.optional(),
      note: text(LIMITS.reviewNoteMax).optional(),
    }),
    z.strictObject({ outcome: z.literal("retire"), note: text(LIMITS.reviewNoteMax).optional() }),
    z.strictObject({
      outcome: z.literal("change"),
      text: text(LIMITS.agreementTextMax),
      reviewOn: Day.optional(),
    }),
  ],
  { error: "Choose an outcome: keep, change or retire." },
);

export const AgreementReply = z.object({ agreement: Agreement });
export const AgreementsReply = z.object({ agreements: z.array(Agreement) });
export const AgreementDetailReply = z.object({
  agreement: Agreement,
  history: z.array(AgreementEvent),
});
export const AgreementIdParams = z.object({ id: Id });
