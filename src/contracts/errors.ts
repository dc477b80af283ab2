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

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

/**
 * The status each code is answered with, as the API description names them; a 409 is exactly a
 * conflict. A new code does not compile until it has its status here.
 */
export const ERROR_STATUS: {
  readonly [C in ErrorCode]: C extends ConflictCode ? 409 : Exclude<ErrorStatus, 409>;
} = {
  invalid_input: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  too_large: 413,
  bad_request: 400,
  unauthenticated: 401,
  forbidden_origin: 403,
  not_found: 404,
  rate_limited: 429,
  busy: 503,
  internal: 500,
  id_taken: 409,
  wrong_credentials: 401,
  wrong_password: 400,
  email_taken: 409,
  already_in_couple: 409,
  couple_full: 409,
  invite_used: 409,
  own_invite: 409,
  same_phase: 409,
  partner_not_joined: 409,
  already_proposed: 409,
  proposal_gone: 409,
  changed_meanwhile: 409,
  agreement_state: 409,
  talk_time_state: 409,
  already_logged: 409,
  topic_closed: 409,
  pause_running: 409,
  own_person: 409,
  already_granted: 409,
  reflection_shared: 409,
  reflection_private: 409,
  prompt_answered: 409,
  statement_state: 409,
  question_state: 409,
  story_not_coherent: 409,
  promise_state: 409,
  excusal_state: 409,
  checkin_closed: 409,
  setback_state: 409,
  second_factor_required: 401,
  wrong_code: 401,
  link_state: 409,
  wrong_key: 409,
};
