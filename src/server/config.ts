import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Referral } from "../contracts/signals.ts";
import {
  type CrisisResource,
  DEFAULT_CRISIS_RESOURCES,
  isCrisisResourceList,
} from "../domain/safety-check.ts";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, {
      error: "Use sqlite:<path> or postgres://user@host:port/db",
    })
    .default("sqlite:./data/mend.sqlite"),
  MEND_PUBLIC_URL: z.url({ error: "Use a full URL such as https://mend.example.org" }).optional(),
  MEND_TRUST_PROXY: z
    .string()
    .optional()
    .describe("addresses or CIDRs of reverse proxies whose X-Forwarded-For is believed"),
  MEND_QUICK_EXIT_URL: z.url().default("https://duckduckgo.com/?q=weather+today"),
  MEND_INSTANCE_NAME: z.string().min(1).max(60).default("Mend"),
  MEND_AUTH_RATE_LIMIT: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe("sign-in attempts per account, and five times that per address, every 10 minutes"),
  MEND_SESSION_IDLE_DAYS: z.coerce.number().min(0.01).max(90).default(14),
  MEND_SESSION_MAX_DAYS: z.coerce.number().min(0.01).max(365).default(60),
  // A therapist's account opens many couples' words: shorter sessions.
  MEND_THERAPIST_SESSION_IDLE_HOURS: z.coerce.number().min(0.1).max(72).default(8),
  MEND_THERAPIST_SESSION_MAX_DAYS: z.coerce.number().min(0.01).max(30).default(7),
  MEND_WEB_DIR: z.string().default("dist/web"),
  MEND_CRISIS_RESOURCES_FILE: z
    .string()
    .optional()
    .describe("a JSON file listing crisis resources [{name, contact, description}]"),
  MEND_THERAPIST_REFERRALS_FILE: z
    .string()
    .optional()
    .describe("a JSON file listing couples therapists to suggest [{name, detail?, url?, phone?}]"),
  MEND_EVENT_POLL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(2_000)
    .describe("how often live screens look for changes (a pause starting or ending)"),
  MEND_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
  MEND_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "Use smtp://user:password@host:587 or smtps://…:465" })
    .optional()
    .describe("the SMTP server Mend sends e-mail through; unset, Mend sends none"),
  MEND_MAIL_FROM: z
    .string()
    .min(3)
    .optional()
    .describe('the sender of every e-mail, such as "Mend <mend@example.org>"'),
  MEND_MAIL_POLL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(5_000)
    .describe("how often the sender looks for e-mail waiting in the outbox"),
  MEND_MAIL_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(8)
    .describe("how many times one e-mail is tried before the sender gives up on it"),
  MEND_REMINDER_POLL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(60_000)
    .describe("how often, with e-mail on, Mend looks for reminders that have come due"),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  publicUrl: string;
  secureCookies: boolean;
  trustProxy: string | false;
  quickExitUrl: string;
  instanceName: string;
  authRateLimit: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
  therapistSessionIdleMs: number;
  therapistSessionMaxMs: number;
  webDir: string | null;
  logLevel: string;
  crisisResources: CrisisResource[];
  /** Couples therapists the operator suggests on the signal cards; empty: how to find one. */
  therapistReferrals: Referral[];
  eventPollMs: number;
  /** Where e-mail goes out; null: Mend sends no e-mail. */
  smtpUrl: string | null;
  mailFrom: string;
  mailPollMs: number;
  mailMaxAttempts: number;
  reminderPollMs: number;
}

const DAY_MS = 86_400_000;

export class ConfigError extends Error {}

/** Parses the environment once at start-up; a wrong setting stops the process with a list. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Mend cannot start; fix these settings:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const publicUrl = (e.MEND_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    trustProxy: e.MEND_TRUST_PROXY ?? false,
    quickExitUrl: e.MEND_QUICK_EXIT_URL,
    instanceName: e.MEND_INSTANCE_NAME,
    authRateLimit: e.MEND_AUTH_RATE_LIMIT,
    sessionIdleMs: e.MEND_SESSION_IDLE_DAYS * DAY_MS,
    sessionMaxMs: e.MEND_SESSION_MAX_DAYS * DAY_MS,
    therapistSessionIdleMs: e.MEND_THERAPIST_SESSION_IDLE_HOURS * 3_600_000,
    therapistSessionMaxMs: e.MEND_THERAPIST_SESSION_MAX_DAYS * DAY_MS,
    webDir: e.MEND_WEB_DIR,
    logLevel: e.MEND_LOG_LEVEL,
    crisisResources: loadCrisisResources(e.MEND_CRISIS_RESOURCES_FILE),
    therapistReferrals: loadReferrals(e.MEND_THERAPIST_REFERRALS_FILE),
    eventPollMs: e.MEND_EVENT_POLL_MS,
    smtpUrl: e.MEND_SMTP_URL ?? null,
    mailFrom: e.MEND_MAIL_FROM ?? `${e.MEND_INSTANCE_NAME} <mend@${new URL(publicUrl).hostname}>`,
    mailPollMs: e.MEND_MAIL_POLL_MS,
    mailMaxAttempts: e.MEND_MAIL_MAX_ATTEMPTS,
    reminderPollMs: e.MEND_REMINDER_POLL_MS,
  };
}

/** The operator's list of crisis resources, or a default that does not pretend to know the country. */
function loadCrisisResources(file: string | undefined): CrisisResource[] {
  if (!file) return DEFAULT_CRISIS_RESOURCES.map((r) => ({ ...r }));
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(
      `Mend cannot start; MEND_CRISIS_RESOURCES_FILE (${file}) could not be read as JSON: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  if (!isCrisisResourceList(parsed)) {
    throw new ConfigError(
      `Mend cannot start; MEND_CRISIS_RESOURCES_FILE must hold a non-empty list of {"name", "contact", "description"}.`,
    );
  }
  return parsed;
}

const ReferralFile = z
  .array(
    z.strictObject({
      name: z.string().trim().min(1),
      detail: z.string().trim().min(1).optional(),
      url: z.url({ protocol: /^https?$/ }).optional(),
      phone: z.string().trim().min(1).optional(),
    }),
  )
  .min(1);

/** The operator's couples therapists to suggest; none when unset, so no card pretends to know. */
function loadReferrals(file: string | undefined): Referral[] {
  if (!file) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(
      `Mend cannot start; MEND_THERAPIST_REFERRALS_FILE (${file}) could not be read as JSON: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  const list = ReferralFile.safeParse(parsed);
  if (!list.success) {
    throw new ConfigError(
      `Mend cannot start; MEND_THERAPIST_REFERRALS_FILE must hold a non-empty list of {"name", "detail"?, "url"?, "phone"?}.`,
    );
  }
  return list.data.map((r) => ({
    name: r.name,
    detail: r.detail ?? null,
    url: r.url ?? null,
    phone: r.phone ?? null,
  }));
}
