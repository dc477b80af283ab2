import type { Db } from "../../platform/db.ts";
import type { IntensityRow } from "../../platform/db-schema.ts";

export function intensityStore(db: Db) {
  return {
    async insert(row: IntensityRow): Promise<void> {
      await db.insertInto("intensity_entries").values(row).execute();
    },
    /** Entries since a moment, oldest first; the caller filters by what the viewer may read. */
    listForCouple(coupleId: string, since: string): Promise<IntensityRow[]> {
      return db
        .selectFrom("intensity_entries")
        .selectAll()
        .where("couple_id", "=", coupleId)
        .where("at", ">=", since)
        .orderBy("at")
        .orderBy("id")
        .execute();
    },
  };
}
