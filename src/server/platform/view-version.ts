import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { DatabaseHandle, Db } from "./db.ts";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Where PostgreSQL announces each change of a version (migration 2026-12-02T0700). */
const ANNOUNCED_ON = "mend_view_version";
const VERSIONS_KEPT = 10_000;

/**
 * Couples' view versions, kept by a process so a polling screen's unchanged view costs no
 * query. On PostgreSQL a version is kept for as long as the process hears the database's
 * announcements: a change anywhere, by any process, is announced and forgotten here; while not
 * listening (the connection lost and not yet back), every read asks. On SQLite a version is
 * kept while the database's change mark stands (`changeMark`: no commit by another process, no
 * write on this connection); reading it cost a kept home read less than half of what the query
 * through Kysely did.
 */
export function viewVersions(
  db: Db,
  listen: DatabaseHandle["listen"],
  changeMark: DatabaseHandle["changeMark"] = null,
) {
  const known = new Map<string, number>();
  let listening = false;
  let markSeen: string | undefined;
  /** Counts what could make a version being read stale before it is kept. */
  let announcements = 0;
  const forget = (coupleId: string) => {
    announcements += 1;
    known.delete(coupleId);
  };
  const stop = listen?.(ANNOUNCED_ON, {
    message: forget,
    heard() {
      announcements += 1;
      known.clear();
      listening = true;
    },
    lost() {
      announcements += 1;
      listening = false;
      known.clear();
    },
  });

  return {
    async of(coupleId: string): Promise<number | undefined> {
      const mark = changeMark?.();
      if (mark !== markSeen) {
        known.clear();
        markSeen = mark;
      }
      const kept = listening || mark !== undefined ? known.get(coupleId) : undefined;
      if (kept !== undefined) return kept;
      const before = announcements;
      const row = await db
        .selectFrom("couples")
        .select("view_version")
        .where("id", "=", coupleId)
        .executeTakeFirst();
      // Kept only if nothing could have changed it while it was being read.
      const unchanged = changeMark ? changeMark() === mark : listening;
      if (row && unchanged && announcements === before) {
        if (known.size >= VERSIONS_KEPT) known.clear();
        known.set(coupleId, row.view_version);
      }
      return row?.view_version;
    },

    async bump(coupleId: string): Promise<void> {
      await db
        .updateTable("couples")
        .set({ view_version: sql`view_version + 1` })
        .where("id", "=", coupleId)
        .execute();
      forget(coupleId);
    },

    async close(): Promise<void> {
      await stop?.();
    },
  };
}
export type ViewVersions = ReturnType<typeof viewVersions>;

/**
 * Every change a signed-in person makes, once it has committed and before its answer leaves,
 * bumps their couple's view version: one hook, so no route can forget it. A person who has just
 * joined or started a couple is found by their membership.
 */
export function installViewVersions(
  app: FastifyInstance,
  versions: ViewVersions,
  coupleOf: (userId: string) => Promise<string | null>,
): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (READS.has(request.method) || reply.statusCode >= 400 || !request.actor) return payload;
    const coupleId = request.actor.coupleId ?? (await coupleOf(request.actor.userId));
    if (coupleId) await versions.bump(coupleId);
    return payload;
  });
}
