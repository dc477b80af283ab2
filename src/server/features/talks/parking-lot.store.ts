import type { Db } from "../../platform/db.ts";
import type { ParkingRow } from "../../platform/db-schema.ts";

export function parkingLotStore(db: Db) {
  return {
    find(id: string): Promise<ParkingRow | undefined> {
      return db.selectFrom("parking_lot").selectAll().where("id", "=", id).executeTakeFirst();
    },

    listForCouple(coupleId: string): Promise<ParkingRow[]> {
      return db
        .selectFrom("parking_lot")
        .selectAll()
        .where("couple_id", "=", coupleId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },

    async insert(row: ParkingRow): Promise<void> {
      await db.insertInto("parking_lot").values(row).execute();
    },

    async markDiscussed(id: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("parking_lot")
        .set({ status: "discussed", updated_at: now })
        .where("id", "=", id)
        .where("status", "=", "open")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async carryOver(id: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("parking_lot")
        .set((eb) => ({ carried_over: eb("carried_over", "+", 1), updated_at: now }))
        .where("id", "=", id)
        .where("status", "=", "open")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
