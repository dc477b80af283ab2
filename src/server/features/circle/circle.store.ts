import { readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { CirclePersonRow } from "../../platform/db-schema.ts";

export function circleStore(db: Db, scope: Scope) {
  const readable = () =>
    db.selectFrom("circle_people").selectAll().where(readableIn(scope, "circle_people"));
  return {
    find(id: string): Promise<CirclePersonRow | undefined> {
      return readable().where("id", "=", id).executeTakeFirst();
    },
    list(): Promise<CirclePersonRow[]> {
      return readable().orderBy("created_at").orderBy("id").execute();
    },
    async insert(row: CirclePersonRow): Promise<void> {
      await db
        .insertInto("circle_people")
        .values({ ...row, couple_id: scope.coupleId, author_id: scope.viewerId })
        .execute();
    },
    /** The other partner's answer to a name: never one's own. */
    async answer(
      id: string,
      status: string,
      concern: string | null,
      now: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable("circle_people")
        .set({ status, concern, updated_at: now })
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "<>", scope.viewerId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async deleteOwn(id: string): Promise<void> {
      await db
        .deleteFrom("circle_people")
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "=", scope.viewerId)
        .execute();
    },
  };
}
export type CircleStore = ReturnType<typeof circleStore>;
