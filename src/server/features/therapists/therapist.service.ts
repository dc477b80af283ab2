import type { z } from "zod";
import type { Signal } from "../../../contracts/signals.ts";
import type {
  CaseloadCouple,
  LinkGrantBody,
  RotateKeysBody,
  SharedItem,
  ShareWithTherapistBody,
  TherapistLink,
  TherapistNoteBody,
} from "../../../contracts/therapists.ts";
import { PHASES } from "../../../domain/phases.ts";
import { evidenceForTherapist } from "../../../domain/support-signals.ts";
import { LINK_STATUSES, type LinkMove, linkMoveProblem } from "../../../domain/therapist-links.ts";
import type { Actor, Scope, TherapistDoor } from "../../platform/access.ts";
import { requireTherapist } from "../../platform/access.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores, Stores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type {
  CoupleLinkStore,
  LinkWithTherapist,
  SharedStore,
  TherapistStore,
} from "./therapist.store.ts";

const DAY_MS = 86_400_000;

/** What the caseload's numbers come from: other features' own rules, given a caseload scope. */
export interface CaseloadSources {
  signalsOf(scope: Scope): Promise<Signal[]>;
  intensity(scope: Scope): Promise<Array<{ status: string; sentence: string }>>;
  reliability(scope: Scope): Promise<number | null>;
  nextTalk(scope: Scope): Promise<string | null>;
  /** Tells the couple's open screens that their therapist link changed. */
  announce(scope: Scope): Promise<void>;
}

/** Higher first: how much a couple's card asks for the therapist's attention. */
const TREND_WEIGHT: Record<string, number> = { rising: 3, steady: 1 };

/**
 * Linking a couples therapist, by both partners' consent, and the therapist's workspace: the
 * caseload, the couple view of what was shared with them, their own sealed notes. The couple's
 * side takes a partner's scope; the therapist's side enters a couple only through the therapist
 * door (active link, second factor, an audit entry per read).
 */
export function therapistService(
  { clock }: ServiceDeps,
  links: ScopedStores<CoupleLinkStore>,
  therapists: Stores<TherapistStore>,
  shared: (scope: Scope) => SharedStore,
  door: TherapistDoor,
  sources: CaseloadSources,
) {
  async function presentLink(store: CoupleLinkStore, row: LinkWithTherapist) {
    const versions = await store.grantedVersions(row.therapist_id);
    const link: TherapistLink = {
      id: row.id,
      status: storedEnum(LINK_STATUSES, row.status),
      therapist: {
        id: row.therapist_id,
        name: row.therapist_name,
        publicKey: row.therapist_public_key,
      },
      proposedBy: row.proposed_by,
      proposedAt: row.proposed_at,
      consentedBy: row.consented_by,
      consentedAt: row.consented_at,
      acceptedAt: row.accepted_at,
      endedAt: row.ended_at,
      grantedVersions: versions.map((v) => Number(v.version)),
    };
    return link;
  }

  async function requireLink(store: CoupleLinkStore, scope: Scope, id: string, move: LinkMove) {
    const link = await store.link(id);
    if (!link) throw errors.notFound("That therapist link");
    const problem = linkMoveProblem(
      { status: storedEnum(LINK_STATUSES, link.status), proposedBy: link.proposed_by },
      move,
      scope.viewerId,
    );
    if (problem) throw errors.conflict("link_state", problem);
    return link;
  }

  return {
    // The couple's side

    async links(scope: Scope) {
      const store = links.at(scope);
      const [rows, chain] = await Promise.all([store.links(), store.auditChain()]);
      return {
        links: await Promise.all(rows.map((row) => presentLink(store, row))),
        keyChangeOwed: keyChangeOwed(chain),
      };
    },

    async propose(scope: Scope, email: string) {
      return links.transaction(scope, async (store) => {
        const therapist = await store.therapistByEmail(email);
        if (!therapist) throw errors.notFound("A therapist with that e-mail address");
        const id = newId();
        const now = clock.now();
        const made = await store.insertLink({
          id,
          therapist_id: therapist.id,
          proposed_by: scope.viewerId,
          proposed_at: now.toISOString(),
        });
        if (!made) {
          throw errors.conflict(
            "link_state",
            "You already have a therapist link. End it first to propose someone else.",
          );
        }
        await store.audit("therapist-proposed", `link:${id}`, now);
        const row = await store.link(id);
        if (!row) throw errors.notFound("That therapist link");
        return { link: await presentLink(store, row) };
      });
    },

    async consent(scope: Scope, linkId: string) {
      return links.transaction(scope, async (store) => {
        await requireLink(store, scope, linkId, "consent");
        const now = clock.now();
        const moved = await store.move(linkId, "proposed", {
          status: "consented",
          consented_by: scope.viewerId,
          consented_at: now.toISOString(),
        });
        if (!moved)
          throw errors.conflict("link_state", "This link changed meanwhile. Have a look.");
        await store.audit("therapist-consented", `link:${linkId}`, now);
        const row = await store.link(linkId);
        if (!row) throw errors.notFound("That therapist link");
        return { link: await presentLink(store, row) };
      });
    },

    async grant(scope: Scope, linkId: string, input: z.infer<typeof LinkGrantBody>) {
      await links.transaction(scope, async (store) => {
        const link = await requireLink(store, scope, linkId, "grant");
        if (input.publicKey !== undefined && input.publicKey !== link.therapist_public_key) {
          throw errors.conflict(
            "wrong_key",
            "This was sealed to a key that is not the therapist's. Compare the fingerprint again.",
          );
        }
        if (input.version > (await store.keyVersion())) {
          throw errors.invalid({ version: "Your couple has no key of this version." });
        }
        const now = clock.now();
        const added = await store.insertGrant({
          user_id: link.therapist_id,
          version: input.version,
          grant_box: input.grant,
          at: now.toISOString(),
        });
        if (!added) {
          throw errors.conflict("already_granted", "The therapist already holds this key.");
        }
        await store.audit("key-granted", `link:${linkId}:v${input.version}`, now);
      });
    },

    /** Ends a link at once, in any state; the therapist's grants go with it. */
    async unlink(scope: Scope, linkId: string) {
      await links.transaction(scope, async (store) => {
        const link = await store.link(linkId);
        if (!link) throw errors.notFound("That therapist link");
        const now = clock.now();
        // Ended from any state; one that ended meanwhile is simply ended.
        if (!(await store.end(linkId, now.toISOString()))) return;
        await store.dropGrants(link.therapist_id);
        await store.unshareAll();
        await store.stopSharingSignals();
        await store.audit("therapist-unlinked", `link:${linkId}`, now);
      });
    },

    /** A new space key, granted to the couple's partners alone. */
    async rotateKeys(scope: Scope, input: z.infer<typeof RotateKeysBody>) {
      await links.transaction(scope, async (store) => {
        const members = (await store.memberIds()).map((m) => m.user_id);
        const given = input.grants.map((g) => g.userId);
        if (
          new Set(given).size !== given.length ||
          given.length !== members.length ||
          given.some((id) => !members.includes(id))
        ) {
          throw errors.invalid({
            grants: "Grant the new key to yourself and your partner, and to nobody else.",
          });
        }
        const from = await store.keyVersion();
        if (input.version !== from + 1 || !(await store.bumpKeyVersion(from, input.version))) {
          throw errors.conflict(
            "changed_meanwhile",
            "Your couple's key changed meanwhile. Reload and try again.",
          );
        }
        const at = clock.now();
        for (const grant of input.grants) {
          await store.insertGrant({
            user_id: grant.userId,
            version: input.version,
            grant_box: grant.grant,
            at: at.toISOString(),
          });
        }
        await store.audit("key-rotated", `v${input.version}`, at);
      });
    },

    async share(scope: Scope, input: z.infer<typeof ShareWithTherapistBody>) {
      await links.transaction(scope, async (store) => {
        if (input.shared) {
          const live = (await store.links()).find((l) => l.status === "active" && !l.ended_at);
          if (!live) {
            throw errors.conflict(
              "link_state",
              "You can share with a therapist once one is linked.",
            );
          }
        }
        if (!(await store.setShared(input.type, input.id, input.shared))) {
          throw errors.notFound("That item of yours");
        }
        const action = input.shared ? "shared-with-therapist" : "unshared-from-therapist";
        await store.audit(action, `${input.type}:${input.id}`, clock.now());
      });
    },

    async audit(scope: Scope) {
      const rows = await links.at(scope).auditChain();
      return {
        entries: rows.map((row) => ({
          id: row.id,
          at: row.at,
          actor: {
            id: row.actor_id,
            role: storedEnum(["partner", "therapist", "operator"] as const, row.actor_role),
          },
          action: row.action as never,
          target: row.target,
          prev: row.prev,
          hash: row.hash,
        })),
      };
    },

    // The therapist's side

    async invitations(actor: Actor) {
      const therapistId = requireTherapist(actor);
      const waiting = await therapists.store.linksOf(therapistId, "consented");
      const names = await therapists.store.partnerNames(waiting.map((l) => l.couple_id));
      return {
        invitations: waiting.map((link) => ({
          linkId: link.id,
          coupleId: link.couple_id,
          partners: names
            .filter((n) => n.couple_id === link.couple_id)
            .map((n) => ({ name: n.name })),
          consentedAt: link.consented_at ?? link.proposed_at,
        })),
      };
    },

    async answer(actor: Actor, linkId: string, move: "accept" | "decline") {
      const therapistId = requireTherapist(actor);
      const coupleId = await therapists.transaction(async (store) => {
        const found = await store.linkOf(therapistId, linkId);
        if (!found) throw errors.notFound("That invitation");
        // The couple's row first, as every change to the couple's links takes it: taken in
        // another order, an unlink at the same moment would deadlock with this on PostgreSQL.
        await store.lockCouple(found.couple_id);
        const now = clock.now();
        const moved = await store.move(
          therapistId,
          linkId,
          "consented",
          move === "accept"
            ? { status: "active", accepted_at: now.toISOString() }
            : { status: "ended", ended_at: now.toISOString() },
        );
        if (!moved) {
          throw errors.conflict(
            "link_state",
            "Both partners need to consent before you can answer, and the link must still stand.",
          );
        }
        const action = move === "accept" ? "therapist-accepted" : "therapist-declined";
        await store.audit(moved.couple_id, therapistId, action, `link:${linkId}`, now);
        return moved.couple_id;
      });
      // The couple's open screens learn that their therapist said yes.
      if (move === "accept") {
        // Announcing is a courtesy to open screens; a link ended meanwhile has nothing to tell.
        await door
          .enter(actor, coupleId, [])
          .then(sources.announce)
          .catch(() => undefined);
      }
    },

    async caseload(actor: Actor): Promise<{ couples: CaseloadCouple[] }> {
      const therapistId = requireTherapist(actor);
      const active = await therapists.store.linksOf(therapistId, "active");
      const names = await therapists.store.partnerNames(active.map((l) => l.couple_id));
      const now = clock.now();
      const couples = await Promise.all(
        active.map(async (link): Promise<CaseloadCouple | null> => {
          // A link that ended since the list was read is simply no longer in the caseload.
          const scope = await door.caseload(actor, link.couple_id).catch((error: unknown) => {
            if (error instanceof AppError && error.status === 404) return null;
            throw error;
          });
          if (!scope) return null;
          const [couple, checkins, signals, intensity, reliability, nextTalk, lastNoteAt] =
            await Promise.all([
              shared(scope).couple(),
              shared(scope).checkins(),
              sharedSignals(scope),
              sources.intensity(scope),
              sources.reliability(scope),
              sources.nextTalk(scope),
              therapists.store.lastNoteAt(therapistId, link.couple_id),
            ]);
          const worst = [...intensity].sort(
            (a, b) => (TREND_WEIGHT[b.status] ?? 0) - (TREND_WEIGHT[a.status] ?? 0),
          )[0];
          const open = signals.filter((s) => s.snoozedUntil === null);
          return {
            id: link.couple_id,
            partners: names
              .filter((n) => n.couple_id === link.couple_id)
              .map((n) => ({ id: n.id, name: n.name })),
            phase: storedEnum(PHASES, couple.phase),
            phaseSince: couple.phase_since,
            daysInPhase: Math.max(
              0,
              Math.floor((now.getTime() - Date.parse(couple.phase_since)) / DAY_MS),
            ),
            signals: open,
            intensityTrend: worst ? { status: worst.status, words: worst.sentence } : null,
            checkinTrend: weeklyMeans(checkins),
            reliability,
            nextTalk,
            lastNoteAt,
            attention:
              open.length * 10 + (TREND_WEIGHT[worst?.status ?? ""] ?? 0) + (nextTalk ? 0 : 2),
          };
        }),
      );
      return {
        couples: couples
          .filter((c): c is CaseloadCouple => c !== null)
          .sort((a, b) => b.attention - a.attention),
      };
    },

    async couple(actor: Actor, coupleId: string) {
      const { scope, record } = await door.open(actor, coupleId);
      const store = shared(scope);
      const [couple, grants, items, signals, lastNoteAt] = await Promise.all([
        store.couple(),
        store.grants(),
        itemsOf(store),
        sharedSignals(scope),
        therapists.store.lastNoteAt(scope.viewerId, coupleId),
      ]);
      await record(["summary", ...new Set(items.map((item) => item.type))]);
      const names = await therapists.store.partnerNames([coupleId]);
      return {
        id: coupleId,
        phase: storedEnum(PHASES, couple.phase),
        phaseSince: couple.phase_since,
        partners: names.map((n) => ({ id: n.id, name: n.name })),
        keys: {
          coupleId,
          version: grants.reduce((max, g) => Math.max(max, Number(g.version)), 0),
          grants: grants.map((g) => ({ version: Number(g.version), grant: g.grant_box })),
        },
        items,
        signals: signals.filter((s) => s.snoozedUntil === null),
        lastNoteAt,
      };
    },

    async notes(actor: Actor, coupleId: string) {
      const scope = await door.enter(actor, coupleId, []);
      const rows = await therapists.store.notes(scope.viewerId, coupleId);
      return { notes: rows.map((row) => ({ id: row.id, at: row.created_at, text: row.text })) };
    },

    async addNote(actor: Actor, coupleId: string, input: z.infer<typeof TherapistNoteBody>) {
      const scope = await door.enter(actor, coupleId, []);
      const at = clock.now().toISOString();
      const added = await therapists.store.insertNote({
        id: input.id,
        therapist_id: scope.viewerId,
        couple_id: coupleId,
        text: input.text,
        created_at: at,
      });
      if (!added) throw errors.conflict("id_taken", "A note with this id exists already.");
      return { note: { id: input.id, at, text: input.text } };
    },
  };

  /**
   * Each sharing partner's view of the signals, as their therapist reads it: one card per signal
   * (the earliest since), its evidence from both views, each fact once.
   */
  async function sharedSignals(scope: Scope): Promise<Signal[]> {
    const [views, names] = await Promise.all([
      door.sharedSignalViews(scope),
      therapists.store.partnerNames([scope.coupleId]),
    ]);
    const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? "A partner";
    const partnerOf = (id: string) => names.find((n) => n.id !== id)?.name ?? "their partner";
    const byKey = new Map<string, Signal>();
    for (const view of views) {
      const who = { viewer: nameOf(view.viewerId), partner: partnerOf(view.viewerId) };
      for (const signal of await sources.signalsOf(view)) {
        // What the other partner said reaches the therapist only through their own sharing.
        const evidence = signal.evidence
          .filter((e) => !e.what.endsWith("-partner"))
          .map((e) => evidenceForTherapist(e, who));
        if (evidence.length === 0) continue;
        const known = byKey.get(signal.key);
        const merged = [...(known?.evidence ?? []), ...evidence].filter(
          (e, i, all) => all.findIndex((f) => f.words === e.words) === i,
        );
        byKey.set(signal.key, {
          ...(known && known.since <= signal.since ? known : signal),
          evidence: merged,
          snoozedUntil: null,
          sharedWithTherapist: true,
        });
      }
    }
    return [...byKey.values()];
  }
}
export type TherapistService = ReturnType<typeof therapistService>;

/**
 * Whether a partner's browser still owes the couple a new space key: a therapist who had been
 * granted a key was unlinked, or a partner left, after the last key change. Read from the chain, so a reload or the
 * other partner's screen knows it too.
 */
function keyChangeOwed(chain: ReadonlyArray<{ action: string; target: string }>): boolean {
  const granted = new Set(
    chain.filter((e) => e.action === "key-granted").map((e) => e.target.split(":")[1]),
  );
  let owed = false;
  for (const entry of chain) {
    if (entry.action === "key-rotated") owed = false;
    if (entry.action === "therapist-unlinked" && granted.has(entry.target.split(":")[1])) {
      owed = true;
    }
    // A partner who left held every key so far, as a therapist who was let in did.
    if (entry.action === "partner-left") owed = true;
  }
  return owed;
}

/** Every item shared with the therapist, newest first, as the couple view lists them. */
async function itemsOf(store: SharedStore): Promise<SharedItem[]> {
  const base = (row: { id: string; author_id: string }, at: string) => ({
    id: row.id,
    by: row.author_id,
    at,
    visibility: "therapist" as const,
  });
  const [reflections, statements, addenda, paragraphs, promises, checkins, hurt, intensity] =
    await Promise.all([
      store.reflections(),
      store.statements(),
      store.addenda(),
      store.paragraphs(),
      store.promises(),
      store.checkins(),
      store.hurt(),
      store.intensity(),
    ]);
  const items: SharedItem[] = [
    ...reflections.map((r) => ({
      type: "reflection" as const,
      ...base(r, r.shared_at ?? r.created_at),
      promptKey: r.prompt_key,
      body: r.body,
    })),
    ...statements.map((s) => ({
      type: "statement" as const,
      ...base(s, s.created_at),
      n: Number(s.n),
      whatIDid: s.what_i_did,
      impact: s.impact,
      whyNotSooner: s.why_not_sooner,
    })),
    ...addenda.map((a) => ({
      type: "addendum" as const,
      ...base(a, a.created_at),
      afterVersion: Number(a.after_version),
      text: a.text,
    })),
    ...paragraphs.map((p) => ({
      type: "paragraph" as const,
      ...base(p, p.updated_at),
      section: p.section,
      text: p.text,
    })),
    ...promises.map((p) => ({
      type: "promise" as const,
      ...base(p, p.created_at),
      status: p.status,
      text: p.text,
      noticeHow: p.notice_how,
    })),
    ...checkins.map((c) => ({
      type: "checkin" as const,
      ...base(c, c.updated_at),
      week: c.week,
      safety: Number(c.safety),
      connection: Number(c.connection),
      trust: Number(c.trust),
      intensity: Number(c.intensity),
      appreciation: c.appreciation,
      concern: c.concern,
      wish: c.wish,
    })),
    ...hurt.map((h) => ({
      type: "hurt" as const,
      ...base(h, h.created_at),
      repairPossible: Number(h.repair_possible),
      words: h.words as unknown as string[],
      broken: h.broken,
    })),
    ...intensity.map((i) => ({
      type: "intensity" as const,
      ...base(i, i.at),
      value: Number(i.value),
      note: i.note,
    })),
  ];
  return items.sort((a, b) => b.at.localeCompare(a.at));
}

/** Shared check-ins' trust and connection, the mean of each week's, oldest first. */
function weeklyMeans(
  rows: ReadonlyArray<{ week: string; trust: number; connection: number }>,
): CaseloadCouple["checkinTrend"] {
  const weeks = new Map<string, Array<{ trust: number; connection: number }>>();
  for (const row of rows) {
    weeks.set(row.week, [
      ...(weeks.get(row.week) ?? []),
      { trust: Number(row.trust), connection: Number(row.connection) },
    ]);
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, entries]) => ({
      week,
      trust: mean(entries.map((e) => e.trust)),
      connection: mean(entries.map((e) => e.connection)),
    }));
}
