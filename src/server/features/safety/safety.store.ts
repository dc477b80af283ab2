import type { Db } from "../../platform/db.ts";
import type { SafetyCheckRow } from "../../platform/db-schema.ts";

/** A person's own safety checks; every query is keyed by the author, never by the couple. */
export function safetyStore(db: Db) {
  return {
    async insert(row: SafetyCheckRow): Promise<void> {
      await db.insertInto("safety_checks").values(row).execute();
    },
    listOwn(userId: string): Promise<SafetyCheckRow[]> {
      return db
        .selectFrom("safety_checks")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("at", "desc")
        .execute();
    },
  };
}
export type SafetyStore = ReturnType<typeof safetyStore>;
