import type { Db } from "../../platform/db.ts";
import type { CirclePersonRow } from "../../platform/db-schema.ts";

export function circleStore(db: Db) {
  return {
    find(id: string): Promise<CirclePersonRow | undefined> {
      return db.selectFrom("circle_people").selectAll().where("id", "=", id).executeTakeFirst();
    },
    listForCouple(coupleId: string): Promise<CirclePersonRow[]> {
      return db
        .selectFrom("circle_people")
        .selectAll()
        .where("couple_id", "=", coupleId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async insert(row: CirclePersonRow): Promise<void> {
      await db.insertInto("circle_people").values(row).execute();
    },
    async setStatus(
      id: string,
      status: string,
      concern: string | null,
      now: string,
    ): Promise<void> {
      await db
        .updateTable("circle_people")
        .set({ status, concern, updated_at: now })
        .where("id", "=", id)
        .execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom("circle_people").where("id", "=", id).execute();
    },
  };
}
