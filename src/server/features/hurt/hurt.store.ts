import { readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { HurtEntryRow } from "../../platform/db-schema.ts";

export function hurtStore(db: Db, scope: Scope) {
  return {
    list(): Promise<HurtEntryRow[]> {
      return db
        .selectFrom("hurt_entries")
        .selectAll()
        .where(readableIn(scope, "hurt_entries"))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async insert(row: HurtEntryRow): Promise<void> {
      await db
        .insertInto("hurt_entries")
        .values({ ...row, couple_id: scope.coupleId, author_id: scope.viewerId })
        .execute();
    },
  };
}
export type HurtStore = ReturnType<typeof hurtStore>;
