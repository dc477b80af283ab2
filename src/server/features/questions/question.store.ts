import { readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type {
  ParkingRow,
  QuestionAnswerRow,
  QuestionAskingRow,
  QuestionRow,
} from "../../platform/db-schema.ts";

export function questionStore(db: Db, scope: Scope) {
  const own = { couple_id: scope.coupleId, author_id: scope.viewerId };
  const readable = () =>
    db.selectFrom("questions").selectAll().where(readableIn(scope, "questions"));
  return {
    find(id: string): Promise<QuestionRow | undefined> {
      return readable().where("id", "=", id).executeTakeFirst();
    },
    list(): Promise<QuestionRow[]> {
      return readable().orderBy("created_at").orderBy("id").execute();
    },
    /** The partner's questions still waiting for the viewer's written answer: a few, not the ledger. */
    awaitingAnswer(): Promise<Pick<QuestionRow, "author_id" | "state" | "deferred_to">[]> {
      return db
        .selectFrom("questions")
        .select(["author_id", "state", "deferred_to"])
        .where(readableIn(scope, "questions"))
        .where("author_id", "<>", scope.viewerId)
        .where("state", "in", ["open", "asked-again"])
        .where("deferred_to", "is", null)
        .execute();
    },
    answers(): Promise<QuestionAnswerRow[]> {
      return db
        .selectFrom("question_answers")
        .selectAll()
        .where(readableIn(scope, "question_answers"))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    askings(): Promise<QuestionAskingRow[]> {
      return db
        .selectFrom("question_askings")
        .selectAll()
        .where(readableIn(scope, "question_askings"))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async insert(row: QuestionRow): Promise<void> {
      await db
        .insertInto("questions")
        .values({ ...row, ...own })
        .execute();
    },
    /**
     * Moves the question on only from the state the move was checked against: of two answers
     * racing, one finds the state changed and is refused.
     */
    async move(
      id: string,
      from: string,
      change: Partial<Pick<QuestionRow, "state" | "times_asked" | "deferred_to" | "let_go_at">> & {
        updated_at: string;
      },
    ): Promise<boolean> {
      const result = await db
        .updateTable("questions")
        .set(change)
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("state", "=", from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async insertAnswer(row: QuestionAnswerRow): Promise<void> {
      await db
        .insertInto("question_answers")
        .values({ ...row, ...own })
        .execute();
    },
    async insertAsking(row: QuestionAskingRow): Promise<void> {
      await db
        .insertInto("question_askings")
        .values({ ...row, ...own })
        .execute();
    },
    /** A deferred question waits in the parking lot as a topic of the deferring partner's. */
    async insertTopic(row: ParkingRow): Promise<void> {
      await db
        .insertInto("parking_lot")
        .values({ ...row, couple_id: scope.coupleId, raised_by: scope.viewerId })
        .execute();
    },
  };
}
export type QuestionStore = ReturnType<typeof questionStore>;
