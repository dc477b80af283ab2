import { accountRoutes } from "../contracts/account.ts";
import { accountabilityRoutes } from "../contracts/accountability.ts";
import { agreementRoutes } from "../contracts/agreements.ts";
import { calendarRoutes } from "../contracts/calendar.ts";
import { checkinRoutes } from "../contracts/checkins.ts";
import { circleRoutes } from "../contracts/circle.ts";
import { coupleRoutes } from "../contracts/couples.ts";
import { eventRoutes } from "../contracts/events.ts";
import { hurtRoutes } from "../contracts/hurt.ts";
import { intensityRoutes } from "../contracts/intensity.ts";
import { needsRoutes } from "../contracts/needs.ts";
import { promiseRoutes } from "../contracts/promises.ts";
import { questionRoutes } from "../contracts/questions.ts";
import { reflectionRoutes } from "../contracts/reflections.ts";
import { reminderRoutes } from "../contracts/reminders.ts";
import type { ReplyOf, Route } from "../contracts/route.ts";
import { safetyRoutes } from "../contracts/safety.ts";
import { milestoneRoutes, setbackRoutes } from "../contracts/setbacks.ts";
import { signalRoutes } from "../contracts/signals.ts";
import { storyRoutes } from "../contracts/story.ts";
import { stressorRoutes } from "../contracts/stressors.ts";
import { talkRoutes } from "../contracts/talks.ts";
import { therapistRoutes } from "../contracts/therapists.ts";
import type { Api } from "./api.ts";

/**
 * The reads a person's export leaves out, each with why: what is the same for everyone, key
 * material and links that are secrets rather than data, and the therapist's own workspace.
 * Every other read a partner may make is in the export; the export test fails for a read that
 * is in neither, so a new feature cannot be forgotten.
 */
export const NOT_PERSONAL_DATA: ReadonlyMap<Route, string> = new Map<Route, string>([
  [accountRoutes.config, "The instance's own settings, the same for everyone."],
  [accountRoutes.keys, "Sealed keys and this session's unlock key: secrets, not data."],
  [coupleRoutes.keys, "The space key's grants: secrets, not data."],
  [coupleRoutes.previewInvite, "Needs an invite link's secret; it shows who the link is from."],
  [eventRoutes.stream, "A live stream of which features changed, not data kept anywhere."],
  [needsRoutes.list, "What waits right now, worked out from items the export holds; never kept."],
  [reflectionRoutes.prompts, "Mend's own reflection prompts, the same for everyone."],
  [safetyRoutes.questions, "Mend's own safety-check questions, the same for everyone."],
  [safetyRoutes.resources, "Crisis resources, open to everyone."],
  [therapistRoutes.invitePreview, "Needs an operator's therapist invite; no partner has one."],
  [therapistRoutes.invitations, "A therapist's own workspace; a partner cannot read it."],
  [therapistRoutes.caseload, "A therapist's own workspace; a partner cannot read it."],
  [therapistRoutes.couple, "A therapist's own workspace; a partner cannot read it."],
  [therapistRoutes.notes, "A therapist's own notes, sealed with their key alone."],
]);

type Reply<R extends Route> = ReplyOf<R>;

export interface CoupleItems {
  accountability: Reply<typeof accountabilityRoutes.overview>;
  agreements: Array<Reply<typeof agreementRoutes.get>>;
  audit: Reply<typeof therapistRoutes.audit>;
  checkins: Reply<typeof checkinRoutes.list>;
  circle: Reply<typeof circleRoutes.list>;
  hurt: Reply<typeof hurtRoutes.list>;
  intensity: Reply<typeof intensityRoutes.overview>;
  milestones: Reply<typeof milestoneRoutes.list>;
  parkingLot: Reply<typeof talkRoutes.parkingLot>["items"];
  promises: Reply<typeof promiseRoutes.list>;
  questions: Reply<typeof questionRoutes.list>;
  reflections: Reply<typeof reflectionRoutes.list>;
  setbacks: Reply<typeof setbackRoutes.list>;
  signals: Reply<typeof signalRoutes.list>;
  story: Reply<typeof storyRoutes.read>;
  stressors: Reply<typeof stressorRoutes.list>;
  talkLogs: Reply<typeof talkRoutes.talkLogs>["logs"];
  talkTimes: Reply<typeof talkRoutes.talkTimes>;
  therapistLinks: Reply<typeof therapistRoutes.links>;
}

export interface PersonalItems {
  calendar: Reply<typeof calendarRoutes.settings>;
  reminders: Reply<typeof reminderRoutes.settings>;
  safetyChecks: Reply<typeof safetyRoutes.list>;
  sessions: Reply<typeof accountRoutes.sessions>["sessions"];
}

export interface ExportDocument {
  exportedAt: string;
  person: Reply<typeof accountRoutes.me>["user"];
  /** The couple as the person sees it, without the space key's grants (secrets, not data). */
  couple: Omit<Reply<typeof coupleRoutes.view>, "keys"> | null;
  items: PersonalItems & Partial<CoupleItems>;
}

/** Every page of a list that comes in pages (newest first), each item once. */
async function everyPage<K extends string, T extends { id: string }>(
  key: K,
  read: (before: string | undefined) => Promise<Record<K, T[]> & { earlier: string | null }>,
): Promise<T[]> {
  const items = new Map<string, T>();
  let before: string | undefined;
  do {
    const page = await read(before);
    for (const item of page[key]) items.set(item.id, item);
    before = page.earlier ?? undefined;
  } while (before);
  return [...items.values()];
}

const paging = (before: string | undefined) => (before ? { query: { before } } : {});

/** Every call of a record made at once, answered under the same names. */
async function allOf<T extends Record<string, Promise<unknown>>>(
  calls: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const answered = await Promise.all(
    Object.entries(calls).map(async ([name, call]) => [name, await call] as const),
  );
  return Object.fromEntries(answered) as { [K in keyof T]: Awaited<T[K]> };
}

async function coupleItems(api: Api, timeZone: string): Promise<CoupleItems> {
  const agreements = await everyPage("agreements", (before) =>
    api.call(agreementRoutes.list, paging(before)),
  );
  return allOf({
    accountability: api.call(accountabilityRoutes.overview),
    agreements: Promise.all(
      agreements.map((agreement) =>
        api.call(agreementRoutes.get, { params: { id: agreement.id } }),
      ),
    ),
    audit: api.call(therapistRoutes.audit),
    checkins: api.call(checkinRoutes.list),
    circle: api.call(circleRoutes.list),
    hurt: api.call(hurtRoutes.list),
    intensity: api.call(intensityRoutes.overview, { query: { timeZone } }),
    milestones: api.call(milestoneRoutes.list),
    parkingLot: everyPage("items", (before) => api.call(talkRoutes.parkingLot, paging(before))),
    promises: api.call(promiseRoutes.list),
    questions: api.call(questionRoutes.list),
    reflections: api.call(reflectionRoutes.list),
    setbacks: api.call(setbackRoutes.list),
    signals: api.call(signalRoutes.list),
    story: api.call(storyRoutes.read),
    stressors: api.call(stressorRoutes.list),
    talkLogs: everyPage("logs", (before) => api.call(talkRoutes.talkLogs, paging(before))),
    talkTimes: api.call(talkRoutes.talkTimes),
    therapistLinks: api.call(therapistRoutes.links),
  });
}

/**
 * Everything the signed-in person may read, as the one client answers it: their words opened by
 * their own keyring, the partner's shared words opened with the space key, and nothing the
 * server keeps from them (the partner's private items never reach this browser). Built in the
 * browser, so the opened words never travel anywhere but into the file the person saves.
 */
export async function exportEverything(
  api: Api,
  { now, timeZone }: { now: Date; timeZone: string },
): Promise<ExportDocument> {
  const me = await api.call(accountRoutes.me);
  const [calendar, reminders, safetyChecks, { sessions }] = await Promise.all([
    api.call(calendarRoutes.settings),
    api.call(reminderRoutes.settings),
    api.call(safetyRoutes.list),
    api.call(accountRoutes.sessions),
  ]);
  const personal: PersonalItems = { calendar, reminders, safetyChecks, sessions };
  if (!me.couple) {
    return { exportedAt: now.toISOString(), person: me.user, couple: null, items: personal };
  }
  const [{ keys: _grants, ...couple }, items] = await Promise.all([
    api.call(coupleRoutes.view),
    coupleItems(api, timeZone),
  ]);
  return {
    exportedAt: now.toISOString(),
    person: me.user,
    couple,
    items: { ...personal, ...items },
  };
}

/** The file name a download gets: the day it was made, nothing about who made it. */
export function exportFileName(document: ExportDocument): string {
  return `mend-export-${document.exportedAt.slice(0, 10)}.json`;
}
