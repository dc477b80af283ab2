import type { Migration, MigrationProvider } from "kysely";
import * as foundation from "./2026-11-28T2000-foundation.ts";
import * as stabilize from "./2026-11-28T2100-stabilize.ts";
import * as talkTimeAcceptedAt from "./2026-11-28T2200-talk-time-accepted-at.ts";
import * as phaseReasonBy from "./2026-12-01T0900-phase-reason-by.ts";
import * as sealedWords from "./2026-12-01T1100-sealed-words.ts";
import * as makeMeaning from "./2026-12-01T1500-make-meaning.ts";
import * as rebuild from "./2026-12-01T1900-rebuild.ts";
import * as supportAndTherapists from "./2026-12-01T2100-support-and-therapists.ts";
import * as atMostOne from "./2026-12-02T0100-at-most-one.ts";
import * as knownDevices from "./2026-12-02T0200-known-devices.ts";
import * as viewVersion from "./2026-12-02T0300-view-version.ts";
import * as historyIndexes from "./2026-12-02T0400-history-indexes.ts";
import * as calendarFeeds from "./2026-12-02T0500-calendar-feeds.ts";
import * as outbox from "./2026-12-02T0600-outbox.ts";
import * as viewVersionNotify from "./2026-12-02T0700-view-version-notify.ts";
import * as historyPages from "./2026-12-02T0800-history-pages.ts";
import * as signupVerifications from "./2026-12-02T0900-signup-verifications.ts";
import * as reminders from "./2026-12-02T1000-reminders.ts";
import * as emailChanges from "./2026-12-02T1100-email-changes.ts";

/** Every migration, by its timestamped name. Listed by hand so bundling never misses one. */
const migrations: Record<string, Migration> = {
  "2026-11-28T2000-foundation": foundation,
  "2026-11-28T2100-stabilize": stabilize,
  "2026-11-28T2200-talk-time-accepted-at": talkTimeAcceptedAt,
  "2026-12-01T0900-phase-reason-by": phaseReasonBy,
  "2026-12-01T1100-sealed-words": sealedWords,
  "2026-12-01T1500-make-meaning": makeMeaning,
  "2026-12-01T1900-rebuild": rebuild,
  "2026-12-01T2100-support-and-therapists": supportAndTherapists,
  "2026-12-02T0100-at-most-one": atMostOne,
  "2026-12-02T0200-known-devices": knownDevices,
  "2026-12-02T0300-view-version": viewVersion,
  "2026-12-02T0400-history-indexes": historyIndexes,
  "2026-12-02T0500-calendar-feeds": calendarFeeds,
  "2026-12-02T0600-outbox": outbox,
  "2026-12-02T0700-view-version-notify": viewVersionNotify,
  "2026-12-02T0800-history-pages": historyPages,
  "2026-12-02T0900-signup-verifications": signupVerifications,
  "2026-12-02T1000-reminders": reminders,
  "2026-12-02T1100-email-changes": emailChanges,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
