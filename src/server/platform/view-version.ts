import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Db } from "./db.ts";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

export function viewVersions(db: Db) {
  return {
    async of(coupleId: string): Promise<number | undefined> {
      const row = await db
        .selectFrom("couples")
        .select("view_version")
        .where("id", "=", coupleId)
        .executeTakeFirst();
      return row?.view_version;
    },

    async bump(coupleId: string): Promise<void> {
      await db
        .updateTable("couples")
        .set({ view_version: sql`view_version + 1` })
        .where("id", "=", coupleId)
        .execute();
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
