import type { Generated, Insertable, Selectable } from "kysely";

/**
 * Table shapes as the stores see them. Timestamps are ISO-8601 UTC text and booleans are 0/1 in
 * both dialects, so one query returns the same values on SQLite and PostgreSQL.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  known_devices: KnownDevicesTable;
  couples: CouplesTable;
  couple_members: CoupleMembersTable;
  invites: InvitesTable;
  phase_proposals: PhaseProposalsTable;
  phase_history: PhaseHistoryTable;
  agreements: AgreementsTable;
  agreement_events: AgreementEventsTable;
  rate_limits: RateLimitsTable;
  talk_times: TalkTimesTable;
  talk_logs: TalkLogsTable;
  parking_lot: ParkingLotTable;
  pauses: PausesTable;
  intensity_entries: IntensityEntriesTable;
  safety_checks: SafetyChecksTable;
  stressors: StressorsTable;
  circle_people: CirclePeopleTable;
  space_grants: SpaceGrantsTable;
  server_secrets: ServerSecretsTable;
  account_resets: AccountResetsTable;
  couple_changes: CoupleChangesTable;
  reflections: ReflectionsTable;
  reflection_comments: ReflectionCommentsTable;
  accountability_drafts: AccountabilityDraftsTable;
  accountability_versions: AccountabilityVersionsTable;
  accountability_addenda: AccountabilityAddendaTable;
  accountability_responses: AccountabilityResponsesTable;
  hurt_entries: HurtEntriesTable;
  questions: QuestionsTable;
  question_answers: QuestionAnswersTable;
  question_askings: QuestionAskingsTable;
  story_paragraphs: StoryParagraphsTable;
  story_marks: StoryMarksTable;
  story_signatures: StorySignaturesTable;
  promises: PromisesTable;
  promise_marks: PromiseMarksTable;
  promise_views: PromiseViewsTable;
  promise_excusals: PromiseExcusalsTable;
  checkins: CheckinsTable;
  setbacks: SetbacksTable;
  setback_steps: SetbackStepsTable;
  setback_repairs: SetbackRepairsTable;
  milestone_sightings: MilestoneSightingsTable;
  support_answers: SupportAnswersTable;
  signal_snoozes: SignalSnoozesTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  therapist_invites: TherapistInvitesTable;
  therapist_links: TherapistLinksTable;
  therapist_notes: TherapistNotesTable;
  audit_entries: AuditEntriesTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  /** The server's own argon2id hash of the authKey (the password never reaches the server). */
  password_hash: string;
  role: string;
  created_at: string;
  /** The key-derivation parameters the browser chose at sign-up, as JSON. */
  kdf: string;
  public_key: string;
  /** The identity and personal keys, sealed with the master key (kid `m`). */
  identity_box: string;
  personal_box: string;
  /** The same two sealed with the recovery key (kid `r`), and a hash of the recovery auth key. */
  recovery_identity_box: string;
  recovery_personal_box: string;
  recovery_auth_hash: string;
  /** A therapist's TOTP secret (base32); the server must read it to check a code. */
  totp_secret: string | null;
  totp_last_step: number | null;
}

export interface KnownDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  device: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** What a browser's sealed copy of its opened keys opens with; gone with the session. */
  unlock_key: string;
  /** When this session passed the second factor (therapists); null: not yet. */
  second_factor_at: string | null;
}

export interface CouplesTable {
  id: string;
  phase: string;
  phase_since: string;
  created_at: string;
  couples_therapy: string | null;
  key_version: Generated<number>;
  /** Counts shared changes, so open screens learn within seconds that something changed. */
  revision: Generated<number>;
  /** Bumped by every change to the shared story; a signature counts for its revision only. */
  story_revision: Generated<number>;
  /** Bumped by every acknowledged change to the couple, private ones too; never sent out. */
  view_version: Generated<number>;
  /** The weekday the couple check in on (Rebuild), for the reminder; and who chose it. */
  checkin_weekday: string | null;
  checkin_day_set_by: string | null;
}

/** Which feature a shared change touched, by revision; kept for an hour, for open streams. */
export interface CoupleChangesTable {
  couple_id: string;
  revision: number;
  feature: string;
  at: string;
}

/** A couple's space key, version by version, sealed to each member's identity. */
export interface SpaceGrantsTable {
  couple_id: string;
  user_id: string;
  version: number;
  grant_box: string;
  granted_by: string | null;
  at: string;
}

/** A one-time link an operator made (`mend reset-account`) for someone without their code. */
export interface AccountResetsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A secret of this instance (the decoy salt key), the same in every process and restart. */
export interface ServerSecretsTable {
  name: string;
  value: string;
}

export interface CoupleMembersTable {
  couple_id: string;
  user_id: string;
  stance: string;
  safe_enough: Generated<number>;
  /** When the person last answered "safe enough to go on"; null: never asked, never assumed. */
  safe_enough_at: string | null;
  individual_mode: Generated<number>;
  joined_at: string;
  /** Whether this partner shares their view of the support signals with a linked therapist. */
  signals_shared: Generated<number>;
}

export interface InvitesTable {
  id: string;
  couple_id: string;
  created_by: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  revoked_at: string | null;
  /** The space key sealed under the link's fragment secret (kid `i`); deleted once used. */
  invite_box: string | null;
  key_version: number | null;
}

export interface PhaseProposalsTable {
  id: string;
  couple_id: string;
  to_phase: string;
  proposed_by: string;
  reason: string | null;
  /** The id the reason's envelope is sealed under. */
  reason_id: string | null;
  created_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

export interface PhaseHistoryTable {
  id: string;
  couple_id: string;
  from_phase: string | null;
  to_phase: string;
  direction: string;
  by_user: string | null;
  confirmed_by: string | null;
  reason: string | null;
  /** Who wrote the reason: the proposer or, when they gave none, the partner who confirmed. */
  reason_by: string | null;
  reason_id: string | null;
  at: string;
}

export interface AgreementsTable {
  id: string;
  couple_id: string;
  proposed_by: string;
  category: string;
  text: string;
  status: string;
  visibility: string;
  review_on: string | null;
  replaces_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgreementEventsTable {
  id: string;
  agreement_id: string;
  couple_id: string;
  actor_id: string | null;
  kind: string;
  note: string | null;
  at: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface TalkTimesTable {
  id: string;
  couple_id: string;
  proposed_by: string;
  weekday: string;
  start: string;
  minutes: number;
  time_zone: string;
  status: string;
  visibility: string;
  replaces_id: string | null;
  accepted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TalkLogsTable {
  id: string;
  couple_id: string;
  author_id: string;
  talk_time_id: string | null;
  window_start: string;
  went: string;
  intensity_before: number;
  intensity_after: number;
  note: string | null;
  visibility: string;
  at: string;
}

export interface ParkingLotTable {
  id: string;
  couple_id: string;
  raised_by: string;
  topic: string;
  status: string;
  carried_over: number;
  /** When it was put on the agenda of the talk under way; null when it is not on it. */
  on_agenda_at: string | null;
  visibility: string;
  created_at: string;
  updated_at: string;
}

export interface PausesTable {
  id: string;
  couple_id: string;
  started_by: string;
  started_at: string;
  ends_at: string;
  ended_at: string | null;
}

export interface IntensityEntriesTable {
  id: string;
  couple_id: string;
  author_id: string;
  value: number;
  note: string | null;
  visibility: string;
  at: string;
}

export interface SafetyChecksTable {
  id: string;
  user_id: string;
  answers: string;
  at: string;
}

export interface StressorsTable {
  id: string;
  couple_id: string;
  author_id: string;
  text: string;
  plan: string;
  visibility: string;
  created_at: string;
  updated_at: string;
}

export interface CirclePeopleTable {
  id: string;
  couple_id: string;
  author_id: string;
  name: string;
  relation: string;
  status: string;
  concern: string | null;
  visibility: string;
  created_at: string;
  updated_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type CoupleRow = Selectable<CouplesTable>;
export type MemberRow = Selectable<CoupleMembersTable>;
export type InviteRow = Selectable<InvitesTable>;
export type AgreementRow = Selectable<AgreementsTable>;
export type NewAgreementRow = Insertable<AgreementsTable>;
export type TalkTimeRow = Selectable<TalkTimesTable>;
export type TalkLogRow = Selectable<TalkLogsTable>;
export type ParkingRow = Selectable<ParkingLotTable>;
export type PauseRow = Selectable<PausesTable>;
export type IntensityRow = Selectable<IntensityEntriesTable>;
export type SafetyCheckRow = Selectable<SafetyChecksTable>;
export type StressorRow = Selectable<StressorsTable>;
export type CirclePersonRow = Selectable<CirclePeopleTable>;

/** What every Make-meaning item carries: read through the access scope by these columns. */
interface ItemColumns {
  id: string;
  couple_id: string;
  author_id: string;
  visibility: string;
  created_at: string;
}

export interface ReflectionsTable extends ItemColumns {
  prompt_key: string;
  body: string;
  updated_at: string;
  shared_at: string | null;
}

export interface ReflectionCommentsTable extends ItemColumns {
  reflection_id: string;
  text: string;
}

export interface AccountabilityDraftsTable extends ItemColumns {
  what_i_did: string | null;
  impact: string | null;
  why_not_sooner: string | null;
  updated_at: string;
}

export interface AccountabilityVersionsTable extends ItemColumns {
  n: number;
  what_i_did: string;
  impact: string;
  why_not_sooner: string;
}

export interface AccountabilityAddendaTable extends ItemColumns {
  text: string;
  after_version: number;
}

export interface AccountabilityResponsesTable extends ItemColumns {
  version_id: string;
  heard: string;
  missing: string | null;
}

export interface HurtEntriesTable extends ItemColumns {
  /** The envelope of the chosen words, as JSON. */
  words: string;
  broken: string | null;
  repair_possible: number;
}

export interface QuestionsTable extends ItemColumns {
  text: string;
  state: string;
  repeat_of: string | null;
  times_asked: number;
  deferred_to: string | null;
  updated_at: string;
  let_go_at: string | null;
}

export interface QuestionAnswersTable extends ItemColumns {
  question_id: string;
  text: string;
}

export interface QuestionAskingsTable extends ItemColumns {
  question_id: string;
  note: string | null;
}

export interface StoryParagraphsTable extends ItemColumns {
  section: string;
  text: string;
  version: number;
  edited_by: string | null;
  updated_at: string;
}

export interface StoryMarksTable extends ItemColumns {
  paragraph_id: string;
  version: number;
  mark: string;
  note: string | null;
}

export interface StorySignaturesTable {
  couple_id: string;
  user_id: string;
  revision: number;
  signed_at: string;
}

export interface PromisesTable extends ItemColumns {
  text: string;
  notice_how: string;
  /** The cadence as JSON: `{"kind":"weekdays","days":["mon","thu"]}`. */
  cadence: string;
  kind: string;
  area: string | null;
  review_on: string | null;
  replaces: string | null;
  status: string;
  accepted_at: string | null;
  /** The acceptance day in the couple's zone: the first day the promise falls due. */
  started_on: string | null;
  ended_at: string | null;
  updated_at: string;
}

export interface PromiseMarksTable extends ItemColumns {
  promise_id: string;
  on_day: string;
  mark: string;
  repair_note: string | null;
}

export interface PromiseViewsTable {
  couple_id: string;
  promise_id: string;
  on_day: string;
  view: string;
  by_id: string;
  at: string;
}

export interface PromiseExcusalsTable extends ItemColumns {
  promise_id: string;
  from_day: string;
  to_day: string;
  reason: string | null;
  status: string;
  answered_at: string | null;
}

export interface CheckinsTable extends ItemColumns {
  week: string;
  safety: number;
  connection: number;
  trust: number;
  intensity: number;
  appreciation: string;
  concern: string;
  wish: string;
  updated_at: string;
  same_concern: Generated<number>;
  pushed_to_move_on: Generated<number>;
  dont_know_where_to_start: Generated<number>;
}

export interface SetbacksTable extends ItemColumns {
  kind: string;
  text: string;
}

export interface SetbackStepsTable extends ItemColumns {
  setback_id: string;
  text: string;
}

export interface SetbackRepairsTable {
  couple_id: string;
  setback_id: string;
  user_id: string;
  at: string;
}

export interface MilestoneSightingsTable {
  couple_id: string;
  user_id: string;
  key: string;
  seen_at: string;
}

export type PromiseRow = Selectable<PromisesTable>;
export type PromiseMarkRow = Selectable<PromiseMarksTable>;
export type PromiseViewRow = Selectable<PromiseViewsTable>;
export type PromiseExcusalRow = Selectable<PromiseExcusalsTable>;
export type CheckinRow = Selectable<CheckinsTable>;
export type SetbackRow = Selectable<SetbacksTable>;
export type SetbackStepRow = Selectable<SetbackStepsTable>;
export type ReflectionRow = Selectable<ReflectionsTable>;
export type ReflectionCommentRow = Selectable<ReflectionCommentsTable>;
export type AccountabilityDraftRow = Selectable<AccountabilityDraftsTable>;
export type AccountabilityVersionRow = Selectable<AccountabilityVersionsTable>;
export type AccountabilityAddendumRow = Selectable<AccountabilityAddendaTable>;
export type AccountabilityResponseRow = Selectable<AccountabilityResponsesTable>;
export type HurtEntryRow = Selectable<HurtEntriesTable>;
export type QuestionRow = Selectable<QuestionsTable>;
export type QuestionAnswerRow = Selectable<QuestionAnswersTable>;
export type QuestionAskingRow = Selectable<QuestionAskingsTable>;
export type StoryParagraphRow = Selectable<StoryParagraphsTable>;
export type StoryMarkRow = Selectable<StoryMarksTable>;

/** "I feel pushed to move on", "we don't know where to start": a person's quick answer. */
export interface SupportAnswersTable extends ItemColumns {
  kind: string;
}

export interface SignalSnoozesTable {
  user_id: string;
  couple_id: string;
  key: string;
  until: string;
}

export interface TotpRecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

/** A one-time link an operator made (`mend invite-therapist`) for a therapist's sign-up. */
export interface TherapistInvitesTable {
  id: string;
  email: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface TherapistLinksTable {
  id: string;
  couple_id: string;
  therapist_id: string;
  status: string;
  proposed_by: string | null;
  proposed_at: string;
  consented_by: string | null;
  consented_at: string | null;
  accepted_at: string | null;
  ended_by: string | null;
  ended_at: string | null;
}
export type TherapistLinkRow = Selectable<TherapistLinksTable>;

export interface TherapistNotesTable {
  id: string;
  therapist_id: string;
  couple_id: string;
  text: string;
  created_at: string;
}

export interface AuditEntriesTable {
  id: string;
  couple_id: string;
  seq: number;
  at: string;
  actor_id: string;
  actor_role: string;
  action: string;
  target: string;
  prev: string;
  hash: string;
}
export type AuditEntryRow = Selectable<AuditEntriesTable>;
