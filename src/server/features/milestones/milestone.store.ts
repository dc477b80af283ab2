import { inCouple, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";

export function milestoneStore(db: Db, scope: Scope) {
  return {
    seenKeys(): Promise<string[]> {
      return db
        .selectFrom("milestone_sightings")
        .select("key")
        .where(inCouple(scope, "milestone_sightings"))
        .where("user_id", "=", scope.viewerId)
        .execute()
        .then((rows) => rows.map((r) => r.key));
    },
    async see(key: string, at: string): Promise<void> {
      await db
        .insertInto("milestone_sightings")
        .values({ couple_id: scope.coupleId, user_id: scope.viewerId, key, seen_at: at })
        .onConflict((c) => c.columns(["couple_id", "user_id", "key"]).doNothing())
        .execute();
    },
  };
}
export type MilestoneStore = ReturnType<typeof milestoneStore>;
