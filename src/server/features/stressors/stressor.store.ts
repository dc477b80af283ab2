import type { Db } from "../../platform/db.ts";
import type { StressorRow } from "../../platform/db-schema.ts";

export function stressorStore(db: Db) {
  return {
    find(id: string): Promise<StressorRow | undefined> {
      return db.selectFrom("stressors").selectAll().where("id", "=", id).executeTakeFirst();
    },
    listForCouple(coupleId: string): Promise<StressorRow[]> {
      return db
        .selectFrom("stressors")
        .selectAll()
        .where("couple_id", "=", coupleId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async insert(row: StressorRow): Promise<void> {
      await db.insertInto("stressors").values(row).execute();
    },
    async setPlan(id: string, plan: string, now: string): Promise<void> {
      await db
        .updateTable("stressors")
        .set({ plan, updated_at: now })
        .where("id", "=", id)
        .execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom("stressors").where("id", "=", id).execute();
    },
  };
}
