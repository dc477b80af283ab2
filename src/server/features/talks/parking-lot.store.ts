import type { PagePosition } from "../../../domain/pages.ts";
import { readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { ParkingRow } from "../../platform/db-schema.ts";

export function parkingLotStore(db: Db, scope: Scope) {
  const readable = () =>
    db.selectFrom("parking_lot").selectAll().where(readableIn(scope, "parking_lot"));
  const openTopic = (id: string) =>
    db
      .updateTable("parking_lot")
      .where("id", "=", id)
      .where("couple_id", "=", scope.coupleId)
      .where("status", "=", "open");
  return {
    find(id: string): Promise<ParkingRow | undefined> {
      return readable().where("id", "=", id).executeTakeFirst();
    },

    open(): Promise<ParkingRow[]> {
      return readable().where("status", "=", "open").orderBy("created_at").orderBy("id").execute();
    },

    /** Discussed topics, newest first, before a position when given; one past the page. */
    discussed(before: PagePosition | null, limit: number): Promise<ParkingRow[]> {
      let query = readable().where("status", "=", "discussed");
      if (before) {
        query = query.where((eb) =>
          eb.or([
            eb("updated_at", "<", before.at),
            eb.and([eb("updated_at", "=", before.at), eb("id", "<", before.id)]),
          ]),
        );
      }
      return query.orderBy("updated_at", "desc").orderBy("id", "desc").limit(limit).execute();
    },

    async insert(row: ParkingRow): Promise<void> {
      await db
        .insertInto("parking_lot")
        .values({ ...row, couple_id: scope.coupleId, raised_by: scope.viewerId })
        .execute();
    },

    async setAgenda(id: string, on: boolean, now: string): Promise<boolean> {
      const result = await openTopic(id)
        .set({ on_agenda_at: on ? now : null })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markDiscussed(id: string, now: string): Promise<boolean> {
      const result = await openTopic(id)
        .set({ status: "discussed", updated_at: now, on_agenda_at: null })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** The author's own open topic only: a discussed one, or the partner's, is not touched. */
    async rewrite(id: string, topic: string, now: string): Promise<boolean> {
      const result = await openTopic(id)
        .where("raised_by", "=", scope.viewerId)
        .set({ topic, updated_at: now })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async withdraw(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom("parking_lot")
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("raised_by", "=", scope.viewerId)
        .where("status", "=", "open")
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async carryOver(id: string, now: string): Promise<boolean> {
      const result = await openTopic(id)
        .set((eb) => ({
          carried_over: eb("carried_over", "+", 1),
          updated_at: now,
          on_agenda_at: null,
        }))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
export type ParkingLotStore = ReturnType<typeof parkingLotStore>;
