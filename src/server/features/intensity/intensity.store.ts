import { readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { IntensityRow } from "../../platform/db-schema.ts";

export function intensityStore(db: Db, scope: Scope) {
  return {
    async insert(row: IntensityRow): Promise<void> {
      await db
        .insertInto("intensity_entries")
        .values({ ...row, couple_id: scope.coupleId })
        .execute();
    },
    /** The entries the viewer may read since a moment, oldest first. */
    since(since: string): Promise<IntensityRow[]> {
      return db
        .selectFrom("intensity_entries")
        .selectAll()
        .where(readableIn(scope, "intensity_entries"))
        .where("at", ">=", since)
        .orderBy("at")
        .orderBy("id")
        .execute();
    },
  };
}
export type IntensityStore = ReturnType<typeof intensityStore>;
