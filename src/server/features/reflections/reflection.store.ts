import { readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { ReflectionCommentRow, ReflectionRow } from "../../platform/db-schema.ts";

export function reflectionStore(db: Db, scope: Scope) {
  const readable = () =>
    db.selectFrom("reflections").selectAll().where(readableIn(scope, "reflections"));
  return {
    find(id: string): Promise<ReflectionRow | undefined> {
      return readable().where("id", "=", id).executeTakeFirst();
    },
    ownOn(promptKey: string): Promise<ReflectionRow | undefined> {
      return readable()
        .where("author_id", "=", scope.viewerId)
        .where("prompt_key", "=", promptKey)
        .executeTakeFirst();
    },
    list(): Promise<ReflectionRow[]> {
      return readable().orderBy("created_at").orderBy("id").execute();
    },
    async insert(row: ReflectionRow): Promise<void> {
      await db
        .insertInto("reflections")
        .values({ ...row, couple_id: scope.coupleId, author_id: scope.viewerId })
        .execute();
    },
    /** Only the viewer's own reflection, and only while it is still private, is rewritten. */
    async rewriteOwnDraft(
      id: string,
      change: Pick<ReflectionRow, "body" | "visibility" | "updated_at" | "shared_at">,
    ): Promise<boolean> {
      const result = await db
        .updateTable("reflections")
        .set(change)
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "=", scope.viewerId)
        .where("visibility", "=", "private")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    comments(reflectionIds: readonly string[]): Promise<ReflectionCommentRow[]> {
      if (reflectionIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("reflection_comments")
        .selectAll()
        .where(readableIn(scope, "reflection_comments"))
        .where("reflection_id", "in", reflectionIds)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async insertComment(row: ReflectionCommentRow): Promise<void> {
      await db
        .insertInto("reflection_comments")
        .values({ ...row, couple_id: scope.coupleId, author_id: scope.viewerId })
        .execute();
    },
  };
}
export type ReflectionStore = ReturnType<typeof reflectionStore>;
