/**
 * Every error code the API answers with, and nothing else: the server can raise only these, and
 * clients can switch on them exhaustively. The error shape itself is `ErrorBody` (common.ts).
 */
export const ERROR_CODES = [
  // Any route
  "invalid_input",
  "invalid_json",
  "unsupported_media_type",
  "too_large",
  "bad_request",
  "unauthenticated",
  "forbidden_origin",
  "not_found",
  "rate_limited",
  "busy",
  "internal",
  "id_taken",
  // Account
  "wrong_credentials",
  "wrong_password",
  "email_taken",
  // Couples, invites, phases
  "already_in_couple",
  "couple_full",
  "invite_used",
  "own_invite",
  "same_phase",
  "partner_not_joined",
  "already_proposed",
  "proposal_gone",
  "changed_meanwhile",
  // Agreements and talks
  "agreement_state",
  "talk_time_state",
  "already_logged",
  "topic_closed",
  "pause_running",
  // Circle
  "own_person",
  // Sealed words
  "already_granted",
  // Make meaning
  "reflection_shared",
  "reflection_private",
  "prompt_answered",
  "statement_state",
  "question_state",
  "story_not_coherent",
  // Rebuild
  "promise_state",
  "excusal_state",
  "checkin_closed",
  "setback_state",
  // Support and the therapist workspace
  "second_factor_required",
  "wrong_code",
  "link_state",
  "wrong_key",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes of a 409: the request was fine, but the state it met does not allow it. */
export type ConflictCode = Extract<
  ErrorCode,
  | "email_taken"
  | "id_taken"
  | "already_in_couple"
  | "couple_full"
  | "invite_used"
  | "own_invite"
  | "same_phase"
  | "partner_not_joined"
  | "already_proposed"
  | "proposal_gone"
  | "changed_meanwhile"
  | "agreement_state"
  | "talk_time_state"
  | "already_logged"
  | "topic_closed"
  | "pause_running"
  | "own_person"
  | "already_granted"
  | "reflection_shared"
  | "reflection_private"
  | "prompt_answered"
  | "statement_state"
  | "question_state"
  | "story_not_coherent"
  | "promise_state"
  | "excusal_state"
  | "checkin_closed"
  | "setback_state"
  | "link_state"
  | "wrong_key"
>;
