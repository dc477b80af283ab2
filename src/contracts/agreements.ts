import { z } from "zod";
import {
  AGREEMENT_CATEGORIES,
  AGREEMENT_EVENT_KINDS,
  AGREEMENT_STATUSES,
} from "../domain/agreements.ts";
import { LIMITS } from "../domain/limits.ts";
import { CURSOR_PATTERN } from "../domain/pages.ts";
import { Day, Id, IdParam, ItemId, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

export const AgreementCategorySchema = z.enum(AGREEMENT_CATEGORIES, {
  error: `Choose one of: ${AGREEMENT_CATEGORIES.join(", ")}.`,
});

export const Agreement = z.object({
  id: Id,
  category: AgreementCategorySchema,
  text: words("agreement", "text", z.string()),
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
  id: Id,
  kind: z.enum(AGREEMENT_EVENT_KINDS),
  by: Id.nullable().describe("null when that partner has since deleted their account"),
  note: words("agreement-event", "note", z.string()).nullable(),
  at: Timestamp,
});

export const ProposeAgreementBody = sealedBody(
  z.strictObject({
    id: ItemId,
    category: AgreementCategorySchema,
    text: words("agreement", "text", text(LIMITS.agreementTextMax)),
    reviewOn: Day.optional(),
  }),
);
export const CounterAgreementBody = sealedBody(
  z.strictObject({
    id: ItemId.describe("the new proposal's id"),
    text: words("agreement", "text", text(LIMITS.agreementTextMax)),
    reviewOn: Day.optional(),
  }),
);
export const ReviewAgreementBody = z.discriminatedUnion(
  "outcome",
  [
    sealedBody(
      z.strictObject({
        id: ItemId.describe("the review's own id"),
        outcome: z.literal("keep"),
        reviewOn: Day.optional(),
        note: words("agreement-event", "note", text(LIMITS.reviewNoteMax)).optional(),
      }),
    ),
    sealedBody(
      z.strictObject({
        id: ItemId.describe("the review's own id"),
        outcome: z.literal("retire"),
        note: words("agreement-event", "note", text(LIMITS.reviewNoteMax)).optional(),
      }),
    ),
    sealedBody(
      z.strictObject({
        id: ItemId.describe("the new wording's id"),
        outcome: z.literal("change"),
        text: words("agreement", "text", text(LIMITS.agreementTextMax)),
        reviewOn: Day.optional(),
      }),
    ),
  ],
  { error: "Choose an outcome: keep, change or retire." },
);

export const AgreementReply = z.object({ agreement: Agreement });
export const AgreementsReply = z.object({
  agreements: z
    .array(Agreement)
    .describe("every agreement still in play, then the newest settled ones (a page of them)"),
  earlier: z
    .string()
    .nullable()
    .describe("the cursor for the settled agreements before these, or null when there are none"),
});
export const AgreementsQuery = z.object({
  before: z
    .string()
    .regex(CURSOR_PATTERN, { error: "This is not a cursor this list gave out." })
    .optional()
    .describe("a cursor from `earlier`: the page of settled agreements before it"),
});
export const AgreementDetailReply = z.object({
  agreement: Agreement,
  history: z.array(AgreementEvent),
});
export const AgreementIdParams = z.object({ id: IdParam });

const tags = ["agreements"];
const params = AgreementIdParams;
const answer = (action: "accept" | "decline" | "withdraw", summary: string) =>
  route({
    method: "POST",
    path: `/api/agreements/:id/${action}`,
    tags,
    summary,
    params,
    replies: { 200: AgreementReply },
    errors: ["agreement_state"],
  });

export const agreementRoutes = {
  propose: route({
    method: "POST",
    path: "/api/agreements",
    tags,
    summary: "Propose an agreement",
    body: ProposeAgreementBody,
    replies: { 201: AgreementReply },
    errors: [],
  }),
  list: route({
    method: "GET",
    path: "/api/agreements",
    tags,
    summary: "The agreements the caller may see",
    query: AgreementsQuery,
    replies: { 200: AgreementsReply },
    errors: [],
    paged: true,
  }),
  get: route({
    method: "GET",
    path: "/api/agreements/:id",
    tags,
    summary: "One agreement and its history",
    params,
    replies: { 200: AgreementDetailReply },
    errors: [],
  }),
  accept: answer("accept", "The other partner says yes; the review clock starts"),
  decline: answer("decline", "The other partner says no"),
  withdraw: answer("withdraw", "The proposer takes it back"),
  counter: route({
    method: "POST",
    path: "/api/agreements/:id/counter",
    tags,
    summary: "Answer with other words; the new wording is the caller's proposal",
    params,
    body: CounterAgreementBody,
    replies: { 200: AgreementReply },
    errors: ["agreement_state"],
  }),
  review: route({
    method: "POST",
    path: "/api/agreements/:id/review",
    tags,
    summary: "At review: keep (new date), retire, or change the wording",
    params,
    body: ReviewAgreementBody,
    replies: { 200: AgreementReply },
    errors: ["agreement_state"],
  }),
};
