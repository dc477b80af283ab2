import { readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type {
  AccountabilityAddendumRow,
  AccountabilityDraftRow,
  AccountabilityResponseRow,
  AccountabilityVersionRow,
} from "../../platform/db-schema.ts";

export function accountabilityStore(db: Db, scope: Scope) {
  const own = { couple_id: scope.coupleId, author_id: scope.viewerId };
  return {
    /** The scope lets a private draft through to its author alone. */
    draft(): Promise<AccountabilityDraftRow | undefined> {
      return db
        .selectFrom("accountability_drafts")
        .selectAll()
        .where(readableIn(scope, "accountability_drafts"))
        .where("author_id", "=", scope.viewerId)
        .executeTakeFirst();
    },
    async saveDraft(row: AccountabilityDraftRow): Promise<void> {
      const values = { ...row, ...own, visibility: "private" };
      await db
        .insertInto("accountability_drafts")
        .values(values)
        .onConflict((oc) =>
          oc.columns(["couple_id", "author_id"]).doUpdateSet({
            id: values.id,
            what_i_did: values.what_i_did,
            impact: values.impact,
            why_not_sooner: values.why_not_sooner,
            updated_at: values.updated_at,
          }),
        )
        .execute();
    },
    async discardDraft(): Promise<void> {
      await db
        .deleteFrom("accountability_drafts")
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "=", scope.viewerId)
        .execute();
    },
    versions(): Promise<AccountabilityVersionRow[]> {
      return db
        .selectFrom("accountability_versions")
        .selectAll()
        .where(readableIn(scope, "accountability_versions"))
        .orderBy("author_id")
        .orderBy("n")
        .execute();
    },
    findVersion(id: string): Promise<AccountabilityVersionRow | undefined> {
      return db
        .selectFrom("accountability_versions")
        .selectAll()
        .where(readableIn(scope, "accountability_versions"))
        .where("id", "=", id)
        .executeTakeFirst();
    },
    async newestOwnVersion(): Promise<number> {
      const row = await db
        .selectFrom("accountability_versions")
        .select((eb) => eb.fn.max("n").as("n"))
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "=", scope.viewerId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async insertVersion(row: AccountabilityVersionRow): Promise<void> {
      await db
        .insertInto("accountability_versions")
        .values({ ...row, ...own })
        .execute();
    },
    addenda(): Promise<AccountabilityAddendumRow[]> {
      return db
        .selectFrom("accountability_addenda")
        .selectAll()
        .where(readableIn(scope, "accountability_addenda"))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async insertAddendum(row: AccountabilityAddendumRow): Promise<void> {
      await db
        .insertInto("accountability_addenda")
        .values({ ...row, ...own })
        .execute();
    },
    responses(): Promise<AccountabilityResponseRow[]> {
      return db
        .selectFrom("accountability_responses")
        .selectAll()
        .where(readableIn(scope, "accountability_responses"))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async insertResponse(row: AccountabilityResponseRow): Promise<void> {
      await db
        .insertInto("accountability_responses")
        .values({ ...row, ...own })
        .execute();
    },
  };
}
export type AccountabilityStore = ReturnType<typeof accountabilityStore>;
