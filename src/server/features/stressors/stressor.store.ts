import { readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { StressorRow } from "../../platform/db-schema.ts";

export function stressorStore(db: Db, scope: Scope) {
  const readable = () =>
    db.selectFrom("stressors").selectAll().where(readableIn(scope, "stressors"));
  return {
    find(id: string): Promise<StressorRow | undefined> {
      return readable().where("id", "=", id).executeTakeFirst();
    },
    list(): Promise<StressorRow[]> {
      return readable().orderBy("created_at").orderBy("id").execute();
    },
    async insert(row: StressorRow): Promise<void> {
      await db
        .insertInto("stressors")
        .values({ ...row, couple_id: scope.coupleId, author_id: scope.viewerId })
        .execute();
    },
    /** Only the viewer's own stressor changes; anyone else's is left as it is. */
    async setOwnPlan(id: string, plan: string, now: string): Promise<void> {
      await db
        .updateTable("stressors")
        .set({ plan, updated_at: now })
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "=", scope.viewerId)
        .execute();
    },
    async deleteOwn(id: string): Promise<void> {
      await db
        .deleteFrom("stressors")
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "=", scope.viewerId)
        .execute();
    },
  };
}
export type StressorStore = ReturnType<typeof stressorStore>;
