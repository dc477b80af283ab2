import { sql } from "kysely";
import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import { partnerIdsOf } from "../../platform/couple-members.ts";
import type { Db } from "../../platform/db.ts";
import type { StoryMarkRow, StoryParagraphRow } from "../../platform/db-schema.ts";

export function storyStore(db: Db, scope: Scope) {
  const own = { couple_id: scope.coupleId, author_id: scope.viewerId };
  const paragraphs = () =>
    db.selectFrom("story_paragraphs").selectAll().where(readableIn(scope, "story_paragraphs"));
  return {
    paragraphs(): Promise<StoryParagraphRow[]> {
      return paragraphs().orderBy("created_at").orderBy("id").execute();
    },
    find(id: string): Promise<StoryParagraphRow | undefined> {
      return paragraphs().where("id", "=", id).executeTakeFirst();
    },
    marks(): Promise<StoryMarkRow[]> {
      return db
        .selectFrom("story_marks")
        .selectAll()
        .where(readableIn(scope, "story_marks"))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async insertParagraph(row: StoryParagraphRow): Promise<void> {
      await db
        .insertInto("story_paragraphs")
        .values({ ...row, ...own })
        .execute();
    },
    /** A new version only over the one the writer read: of two rewrites racing, one is refused. */
    async rewrite(id: string, fromVersion: number, text: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("story_paragraphs")
        .set({ text, version: fromVersion + 1, edited_by: scope.viewerId, updated_at: now })
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("version", "=", fromVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async insertMark(row: StoryMarkRow): Promise<void> {
      await db
        .insertInto("story_marks")
        .values({ ...row, ...own })
        .execute();
    },
    partnerIds: () => partnerIdsOf(db, scope),
    async revision(): Promise<number> {
      const row = await db
        .selectFrom("couples")
        .select("story_revision")
        .where(inCouple(scope, "couples"))
        .executeTakeFirst();
      return Number(row?.story_revision ?? 0);
    },
    /** Every change to the story names a new revision; signatures of earlier ones stop counting. */
    async bumpRevision(): Promise<void> {
      await db
        .updateTable("couples")
        .set({ story_revision: sql`story_revision + 1` })
        .where(inCouple(scope, "couples"))
        .execute();
    },
    signatures(): Promise<Array<{ user_id: string; revision: number; signed_at: string }>> {
      return db
        .selectFrom("story_signatures")
        .select(["user_id", "revision", "signed_at"])
        .where(inCouple(scope, "story_signatures"))
        .execute();
    },
    async sign(revision: number, now: string): Promise<void> {
      await db
        .insertInto("story_signatures")
        .values({ couple_id: scope.coupleId, user_id: scope.viewerId, revision, signed_at: now })
        .onConflict((oc) =>
          oc.columns(["couple_id", "user_id"]).doUpdateSet({ revision, signed_at: now }),
        )
        .execute();
    },
  };
}
export type StoryStore = ReturnType<typeof storyStore>;
