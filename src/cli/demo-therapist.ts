import type { FastifyInstance } from "fastify";
import { type Api, createApi } from "../client/api.ts";
import { newItemId } from "../client/crypto/account-keys.ts";
import { passwordKeys } from "../client/crypto/keys.ts";
import type { Keyring } from "../client/sealing.ts";
import {
  grantTherapist,
  keyringFor,
  readSharedCouple,
  signIn,
  signUpTherapist,
} from "../client/session.ts";
import { accountabilityRoutes as accountability } from "../contracts/accountability.ts";
import { checkinRoutes as checkins } from "../contracts/checkins.ts";
import { hurtRoutes as hurt } from "../contracts/hurt.ts";
import { reflectionRoutes as reflections } from "../contracts/reflections.ts";
import { signalRoutes as signals } from "../contracts/signals.ts";
import { storyRoutes as story } from "../contracts/story.ts";
import { therapistRoutes as therapists } from "../contracts/therapists.ts";
import type { Config } from "../server/config.ts";
import { accountStore } from "../server/features/account/account.store.ts";
import { totpCodeAt } from "../server/features/therapists/second-factor.ts";
import { therapistAccountService } from "../server/features/therapists/therapist-account.service.ts";
import { injectTransport } from "../server/inject-transport.ts";
import type { Clock } from "../server/platform/clock.ts";
import type { DatabaseHandle } from "../server/platform/db.ts";
import { rateLimits } from "../server/platform/rate-limit.ts";
import { sessionStore } from "../server/platform/session.store.ts";
import type { DemoCaller } from "./demo-meaning.ts";

export const DEMO_THERAPIST = {
  name: "Dr. Lee",
  email: "lee@demo.mend.example",
  password: "demo password for dr lee",
} as const;

/** What the operator's `mend invite-therapist` does, for the seed: a one-time link's token. */
export type TherapistInviter = (email: string) => Promise<string>;

export function therapistInviter(
  database: DatabaseHandle,
  config: Config,
  clock: Clock,
): TherapistInviter {
  const { db } = database;
  const service = therapistAccountService(
    { clock, config, limits: rateLimits(db) },
    accountStore(db),
    sessionStore(db),
  );
  return async (email) => (await service.createInvite(email)).split("/").pop() ?? "";
}

interface Partner extends DemoCaller {
  api: Api;
  keyring: Keyring;
}

/**
 * The couple's therapist in the demo: invited by the operator, linked by both partners early in
 * Stabilize (when couples therapy starts), let in after the first session, and sharing grows
 * from there: a hurt entry, reflections and the statement in Make meaning, story paragraphs and
 * check-ins in Rebuild. Dr. Lee reads what was shared and keeps notes, so the caseload, the
 * couple view and the audit page all have something true to show. Keyed by the day of the
 * demo, like the other scripts.
 */
export async function therapistScript(
  app: FastifyInstance,
  clock: Clock,
  invite: TherapistInviter,
  robin: Partner,
  kai: Partner,
  days: { start: number; meaning: number; rebuild: number; last: number },
) {
  let keyring: Keyring | null = null;
  const api = createApi(injectTransport(app), { keyring: () => keyring });
  const token = await invite(DEMO_THERAPIST.email);
  const made = await signUpTherapist(api, { token, ...DEMO_THERAPIST }, passwordKeys);
  keyring = keyringFor(api, made.opened);
  await api.call(therapists.totp, { body: { code: totpCodeAt(made.totp.secret, clock.now()) } });
  const lee = { call: api.call, opened: made.opened, totpSecret: made.totp.secret };
  /** A therapist's session ends after hours idle: Dr. Lee signs in anew for each visit. */
  const visit = async () => {
    const again = await signIn(api, DEMO_THERAPIST, passwordKeys);
    keyring = keyringFor(api, again.opened);
    lee.opened = again.opened;
    await api.call(therapists.totp, { body: { code: totpCodeAt(lee.totpSecret, clock.now()) } });
  };
  let coupleId = "";
  let linkId = "";

  const note = (text: string) =>
    lee.call(therapists.addNote, { params: { id: coupleId }, body: { id: newItemId(), text } });
  const read = async () => {
    await visit();
    return readSharedCouple(api, lee.opened, coupleId);
  };
  const share = (who: DemoCaller, type: "statement" | "paragraph" | "checkin", id: string) =>
    who.call(therapists.share, { body: { type, id, shared: true } });

  const script: Record<number, () => Promise<void>> = {
    [days.start]: async () => {
      const { link } = await kai.call(therapists.propose, {
        body: { email: DEMO_THERAPIST.email },
      });
      linkId = link.id;
      await robin.call(therapists.consent, { params: { linkId } });
    },
    [days.start + 1]: async () => {
      await visit();
      const { invitations } = await lee.call(therapists.invitations);
      coupleId = invitations[0]?.coupleId ?? "";
      await lee.call(therapists.accept, { params: { linkId } });
    },
    [days.start + 2]: async () => {
      // After the first session, where both compared Dr. Lee's key fingerprint in person.
      const { links } = await robin.call(therapists.links);
      const link = links.find((l) => l.id === linkId);
      if (link) await grantTherapist(robin.api, robin.keyring, link);
      await robin.call(signals.share, { body: { shared: true } });
      await kai.call(signals.share, { body: { shared: true } });
      await robin.call(hurt.record, {
        body: {
          id: newItemId(),
          words: ["betrayed", "grief"],
          broken: "The feeling that I knew what our evenings were.",
          repairPossible: 4,
          visibility: "therapist",
        },
      });
      await read();
      await note(
        "First session. Robin is flooded most evenings; Kai answers quickly and then goes quiet. Agreed: talk times only, pauses when it gets heated.",
      );
    },
    [days.meaning + 4]: async () => {
      await robin.call(reflections.write, {
        params: { id: newItemId() },
        body: {
          promptKey: "fears-misread",
          body: "That if I stop being angry, you'll think it didn't matter.",
          visibility: "therapist",
        },
      });
      await kai.call(reflections.write, {
        params: { id: newItemId() },
        body: {
          promptKey: "fears-misread",
          body: "That being sorry out loud sounds like asking to be let off.",
          visibility: "therapist",
        },
      });
    },
    [days.meaning + 20]: async () => {
      const { statements } = await kai.call(accountability.overview);
      for (const version of statements.find((s) => s.mine)?.versions ?? []) {
        await share(kai, "statement", version.id);
      }
      await read();
      await note(
        "Kai's statement reads plainer with each version, and Robin has started to answer it. Next: the shared story.",
      );
    },
    [days.rebuild + 3]: async () => {
      const { paragraphs } = await robin.call(story.read);
      for (const paragraph of paragraphs.filter((p) => p.section === "learned")) {
        await share(paragraph.mine ? robin : kai, "paragraph", paragraph.id);
      }
    },
    [days.last - 8]: async () => {
      for (const who of [robin, kai]) {
        const { weeks } = await who.call(checkins.list);
        for (const week of weeks.slice(0, 3)) {
          if (week.mine) await share(who, "checkin", week.mine.id);
        }
      }
    },
    [days.last - 6]: async () => {
      await read();
      await note(
        "Check-ins steady; trust up a point over three weeks. The topic about Jordan keeps coming back: bring it to the next session.",
      );
    },
  };
  return { script, lee };
}
