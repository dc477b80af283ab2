/** Text and input limits shared by the server's validation and the web forms. */
export const LIMITS = {
  nameMax: 80,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 128,
  agreementTextMax: 500,
  reasonMax: 500,
  reviewNoteMax: 500,
} as const;

/** Days an accepted agreement runs before it is due for review, unless the couple picks a date. */
export const DEFAULT_REVIEW_DAYS = 14;

/** Longest review horizon: short-term agreements are meant to be looked at again. */
export const MAX_REVIEW_DAYS = 180;

/** Days an invite link stays valid. */
export const INVITE_TTL_DAYS = 7;

/** Phase one texts: short on purpose, these are notes, not essays. */
export const STABILIZE_LIMITS = {
  topicMax: 300,
  noteMax: 500,
  stressorMax: 200,
  circleNameMax: 80,
  circleRelationMax: 80,
  concernMax: 300,
} as const;

/** A pause lasts at least this long: long enough for a body to calm down. */
export const PAUSE_MIN_MINUTES = 20;
export const PAUSE_MAX_MINUTES = 180;

/** Make meaning: room for the long, careful writing this phase asks for, still bounded. */
export const MEANING_LIMITS = {
  reflectionMax: 6000,
  commentMax: 2000,
  sectionMax: 6000,
  addendumMax: 4000,
  missingMax: 2000,
  hurtWordsMax: 24,
  hurtWordMax: 40,
  brokenMax: 2000,
  questionMax: 500,
  answerMax: 4000,
  askAgainNoteMax: 500,
  paragraphMax: 3000,
  markNoteMax: 1000,
} as const;

/** Rebuild: a promise is one short sentence; notes and check-in words stay brief too. */
export const REBUILD_LIMITS = {
  promiseMax: 280,
  noticeHowMax: 280,
  repairNoteMax: 1000,
  excusalReasonMax: 280,
  checkinWordsMax: 1000,
  setbackMax: 3000,
  stepMax: 1000,
} as const;
