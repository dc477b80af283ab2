import { z } from "zod";
import { AUDIT_ACTIONS, LINK_STATUSES, SHAREABLE_TYPES } from "../domain/therapist-links.ts";
import { Email, PublicKey, SignupBody } from "./account.ts";
import { Id, IdParam, ItemId, PersonName, PhaseSchema, Timestamp, text } from "./common.ts";
import { Grant } from "./couples.ts";
import { route } from "./route.ts";
import { Signal } from "./signals.ts";
import { sealedBody, words } from "./words.ts";

const Token = z.object({
  token: z.string().min(20, { error: "This link is incomplete." }).max(200),
});

export const TherapistSignupBody = SignupBody.extend({
  token: z.string({ error: "The invite link is incomplete." }).min(20).max(200),
});
export const TherapistInvitePreview = z.object({
  email: z.string().describe("the address the operator invited"),
  expiresAt: Timestamp,
});

const TherapistUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: z.literal("therapist"),
});
export const TherapistSignupReply = z.object({
  user: TherapistUser,
  totp: z.object({
    secret: z.string().describe("base32, for authenticator apps that cannot scan"),
    uri: z.string().describe("otpauth:// URI, shown as a QR code"),
    recoveryCodes: z.array(z.string()).describe("single-use, shown once"),
  }),
  unlockKey: z.string(),
});

export const TotpBody = z.strictObject({
  code: z
    .string({ error: "Enter the six-digit code, or one of your recovery codes." })
    .trim()
    .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/i, {
      error: "Enter the six-digit code, or one of your recovery codes (xxxx-xxxx-xxxx).",
    }),
});

const LinkTherapist = z.object({ id: Id, name: z.string(), publicKey: PublicKey });
export const TherapistLink = z.object({
  id: Id,
  status: z.enum(LINK_STATUSES),
  therapist: LinkTherapist,
  proposedBy: Id.nullable(),
  proposedAt: Timestamp,
  consentedBy: Id.nullable(),
  consentedAt: Timestamp.nullable(),
  acceptedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  grantedVersions: z.array(z.number().int()).describe("space-key versions granted to them"),
});
export type TherapistLink = z.infer<typeof TherapistLink>;

export const ProposeTherapistBody = z.strictObject({ email: Email });
export const LinkGrantBody = z.strictObject({
  version: z.number().int().min(1),
  grant: Grant,
  publicKey: PublicKey.optional().describe(
    "the therapist key the grant was sealed to, as the partner compared it; refused if stale",
  ),
});
export const RotateKeysBody = z.strictObject({
  version: z.number().int().min(2),
  grants: z
    .array(z.strictObject({ userId: Id, grant: Grant }))
    .min(1)
    .max(2),
});
export const ShareWithTherapistBody = z.strictObject({
  type: z.enum(SHAREABLE_TYPES, { error: `Name what to share: ${SHAREABLE_TYPES.join(", ")}.` }),
  id: Id,
  shared: z.boolean(),
});

const LinkParams = z.object({ linkId: IdParam });
const LinkReply = z.object({ link: TherapistLink });

const Trend = z.object({
  status: z.string().describe("low, easing, steady, rising or not-enough-data"),
  words: z.string(),
});
export const CaseloadCouple = z.object({
  id: Id,
  partners: z.array(z.object({ id: Id, name: z.string() })),
  phase: PhaseSchema,
  phaseSince: Timestamp,
  daysInPhase: z.number().int(),
  signals: z.array(Signal).describe("only those a partner chose to share"),
  intensityTrend: Trend.nullable().describe("from entries shared with the therapist"),
  checkinTrend: z
    .array(z.object({ week: z.string(), trust: z.number(), connection: z.number() }))
    .describe("shared check-ins, means per week, oldest first"),
  reliability: z.number().nullable().describe("couple-wide, from shared promises"),
  nextTalk: Timestamp.nullable(),
  lastNoteAt: Timestamp.nullable(),
  attention: z.number().int().describe("higher first: open signals, rising intensity, no talk"),
});
export type CaseloadCouple = z.infer<typeof CaseloadCouple>;

const Base = { id: Id, by: Id, at: Timestamp, visibility: z.literal("therapist") };
const Scale = z.number().int();
export const SharedItem = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("reflection"),
    ...Base,
    promptKey: z.string(),
    body: words("reflection", "body", z.string()),
  }),
  z.object({
    type: z.literal("statement"),
    ...Base,
    n: z.number().int(),
    whatIDid: words("accountability", "whatIDid", z.string()),
    impact: words("accountability", "impact", z.string()),
    whyNotSooner: words("accountability", "whyNotSooner", z.string()),
  }),
  z.object({
    type: z.literal("addendum"),
    ...Base,
    afterVersion: z.number().int(),
    text: words("addendum", "text", z.string()),
  }),
  z.object({
    type: z.literal("paragraph"),
    ...Base,
    section: z.string(),
    text: words("paragraph", "text", z.string()),
  }),
  z.object({
    type: z.literal("promise"),
    ...Base,
    status: z.string(),
    text: words("promise", "text", z.string()),
    noticeHow: words("promise", "noticeHow", z.string()),
  }),
  z.object({
    type: z.literal("checkin"),
    ...Base,
    week: z.string(),
    safety: Scale,
    connection: Scale,
    trust: Scale,
    intensity: Scale,
    appreciation: words("checkin", "appreciation", z.string()),
    concern: words("checkin", "concern", z.string()),
    wish: words("checkin", "wish", z.string()),
  }),
  z.object({
    type: z.literal("hurt"),
    ...Base,
    repairPossible: Scale,
    words: words("hurt", "words", z.array(z.string()), {
      defaultVisibility: "private",
      maxChars: 1200,
    }),
    broken: words("hurt", "broken", z.string(), { defaultVisibility: "private" }).nullable(),
  }),
  z.object({
    type: z.literal("intensity"),
    ...Base,
    value: Scale,
    note: words("intensity", "note", z.string()).nullable(),
  }),
]);
export type SharedItem = z.infer<typeof SharedItem>;

export const TherapistCoupleView = z.object({
  id: Id,
  phase: PhaseSchema,
  phaseSince: Timestamp,
  partners: z.array(z.object({ id: Id, name: z.string() })),
  keys: z.object({
    coupleId: Id,
    version: z.number().int(),
    grants: z.array(z.object({ version: z.number().int(), grant: z.string() })),
  }),
  items: z.array(SharedItem).describe("only items the couple shared with their therapist"),
  signals: z.array(Signal),
  lastNoteAt: Timestamp.nullable(),
});

export const TherapistNoteBody = sealedBody(
  z.strictObject({
    id: ItemId,
    text: words("therapist-note", "text", text(8000), { space: "person" }),
  }),
);
export const TherapistNote = z.object({
  id: Id,
  at: Timestamp,
  text: words("therapist-note", "text", z.string(), { space: "person" }),
});

export const AuditEntry = z.object({
  id: Id,
  at: Timestamp,
  actor: z.object({ id: Id, role: z.enum(["partner", "therapist", "operator"]) }),
  action: z.enum(AUDIT_ACTIONS),
  target: z.string().describe("ids and kinds only, never words"),
  prev: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const CoupleParams = z.object({ id: IdParam });

export const therapistRoutes = {
  invitePreview: route({
    method: "GET",
    path: "/api/therapists/invites/:token",
    tags: ["therapists"],
    summary: "The address an operator's therapist invite is for, while it is unused",
    params: Token,
    replies: { 200: TherapistInvitePreview },
    errors: [],
  }),
  signup: route({
    method: "POST",
    path: "/api/therapists/signup",
    tags: ["therapists"],
    summary: "A therapist account from the operator's one-time link, with its TOTP secret",
    body: TherapistSignupBody,
    replies: { 201: TherapistSignupReply },
    errors: ["email_taken", "rate_limited"],
  }),
  totp: route({
    method: "POST",
    path: "/api/auth/totp",
    tags: ["therapists"],
    summary: "Give this session its second factor: a TOTP code or a single-use recovery code",
    body: TotpBody,
    replies: { 204: null },
    errors: ["wrong_code", "rate_limited"],
  }),
  links: route({
    method: "GET",
    path: "/api/couple/therapists",
    tags: ["therapists"],
    summary: "The couple's therapist link, as it stands, and earlier ones",
    replies: {
      200: z.object({
        links: z.array(TherapistLink),
        keyChangeOwed: z
          .boolean()
          .describe("a therapist who held the key was unlinked and no new key was made since"),
      }),
    },
    errors: [],
  }),
  propose: route({
    method: "POST",
    path: "/api/couple/therapists",
    tags: ["therapists"],
    summary: "Propose a therapist by their e-mail; the partner consents, the therapist accepts",
    body: ProposeTherapistBody,
    replies: { 201: LinkReply },
    errors: ["link_state"],
  }),
  consent: route({
    method: "POST",
    path: "/api/couple/therapists/:linkId/consent",
    tags: ["therapists"],
    summary: "The other partner consents to the proposed therapist",
    params: LinkParams,
    replies: { 200: LinkReply },
    errors: ["link_state"],
  }),
  grant: route({
    method: "POST",
    path: "/api/couple/therapists/:linkId/grant",
    tags: ["therapists"],
    summary: "Seal a space-key version to the linked therapist, after comparing fingerprints",
    params: LinkParams,
    body: LinkGrantBody,
    replies: { 204: null },
    errors: ["link_state", "wrong_key", "already_granted"],
  }),
  unlink: route({
    method: "DELETE",
    path: "/api/couple/therapists/:linkId",
    tags: ["therapists"],
    summary: "End the link at once (either partner, any state); then rotate the space key",
    params: LinkParams,
    replies: { 204: null },
    errors: [],
  }),
  rotateKeys: route({
    method: "POST",
    path: "/api/couple/keys",
    tags: ["therapists"],
    summary: "A new space key for the partners alone, after a therapist was unlinked",
    body: RotateKeysBody,
    replies: { 204: null },
    errors: ["changed_meanwhile"],
  }),
  share: route({
    method: "PUT",
    path: "/api/couple/therapist-sharing",
    // What is shared shows on the items themselves.
    tags: ["therapists", "reflections", "accountability", "story", "promises", "checkins"],
    summary: "Share one's own item with the linked therapist, or stop sharing it",
    body: ShareWithTherapistBody,
    replies: { 204: null },
    errors: ["link_state"],
  }),
  invitations: route({
    method: "GET",
    path: "/api/therapist/invitations",
    tags: ["therapist"],
    summary: "Couples whose partners both consented, waiting for this therapist",
    replies: {
      200: z.object({
        invitations: z.array(
          z.object({
            linkId: Id,
            coupleId: Id,
            partners: z.array(z.object({ name: PersonName })),
            consentedAt: Timestamp,
          }),
        ),
      }),
    },
    errors: [],
  }),
  accept: route({
    method: "POST",
    path: "/api/therapist/invitations/:linkId/accept",
    tags: ["therapist"],
    summary: "Accept a couple's invitation; the link becomes active",
    params: LinkParams,
    replies: { 200: z.object({ status: z.literal("active") }) },
    errors: ["link_state"],
  }),
  decline: route({
    method: "POST",
    path: "/api/therapist/invitations/:linkId/decline",
    tags: ["therapist"],
    summary: "Decline a couple's invitation",
    params: LinkParams,
    replies: { 204: null },
    errors: ["link_state"],
  }),
  caseload: route({
    method: "GET",
    path: "/api/therapist/couples",
    tags: ["therapist"],
    summary: "The caseload: each linked couple's phase, trends, reliability, signals, next talk",
    replies: { 200: z.object({ couples: z.array(CaseloadCouple) }) },
    errors: [],
  }),
  couple: route({
    method: "GET",
    path: "/api/therapist/couples/:id",
    tags: ["therapist"],
    summary: "What one couple shared with their therapist, and the grants to open it",
    params: CoupleParams,
    replies: { 200: TherapistCoupleView },
    errors: [],
  }),
  notes: route({
    method: "GET",
    path: "/api/therapist/couples/:id/notes",
    tags: ["therapist"],
    summary: "The therapist's own notes on a couple, sealed with their own key",
    params: CoupleParams,
    replies: { 200: z.object({ notes: z.array(TherapistNote) }) },
    errors: [],
  }),
  addNote: route({
    method: "POST",
    path: "/api/therapist/couples/:id/notes",
    tags: ["therapist"],
    summary: "Add a private note (partners never see it)",
    params: CoupleParams,
    body: TherapistNoteBody,
    replies: { 201: z.object({ note: TherapistNote }) },
    errors: ["id_taken"],
  }),
  audit: route({
    method: "GET",
    path: "/api/audit",
    tags: ["audit"],
    summary: "The couple's own audit chain: links, consents, grants, key changes, therapist reads",
    replies: { 200: z.object({ entries: z.array(AuditEntry) }) },
    errors: [],
  }),
};
