import { inCouple, type Scope } from "./access.ts";
import type { Db } from "./db.ts";

/** The ids of the scope's couple's partners, in a stable order: who "both" means. */
export function partnerIdsOf(db: Db, scope: Scope): Promise<string[]> {
  return db
    .selectFrom("couple_members")
    .select("user_id")
    .where(inCouple(scope, "couple_members"))
    .orderBy("user_id")
    .execute()
    .then((rows) => rows.map((r) => r.user_id));
}
