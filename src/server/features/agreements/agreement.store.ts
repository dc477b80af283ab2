import { OPEN_AGREEMENT_STATUSES } from "../../../domain/agreements.ts";
import type { PagePosition } from "../../../domain/pages.ts";
import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { AgreementRow } from "../../platform/db-schema.ts";

const OPEN_STATUSES = [...OPEN_AGREEMENT_STATUSES];

export function agreementStore(db: Db, scope: Scope) {
  const readable = () =>
    db.selectFrom("agreements").selectAll().where(readableIn(scope, "agreements"));
  return {
    find(id: string): Promise<AgreementRow | undefined> {
      return readable().where("id", "=", id).executeTakeFirst();
    },

    /** Agreements still in play: proposed, countered or in place. */
    open(): Promise<AgreementRow[]> {
      return readable()
        .where("status", "in", OPEN_STATUSES)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
    },

    /** Settled agreements, last settled first, before a position when given; `limit` of them. */
    settled(before: PagePosition | null, limit: number): Promise<AgreementRow[]> {
      let query = readable().where("status", "not in", OPEN_STATUSES);
      if (before) {
        query = query.where((eb) =>
          eb.or([
            eb("updated_at", "<", before.at),
            eb.and([eb("updated_at", "=", before.at), eb("id", "<", before.id)]),
          ]),
        );
      }
      return query.orderBy("updated_at", "desc").orderBy("id", "desc").limit(limit).execute();
    },

    async insert(row: AgreementRow): Promise<void> {
      await db
        .insertInto("agreements")
        .values({ ...row, couple_id: scope.coupleId })
        .execute();
    },

    /** Changes the status only if it is still `from`; false means someone else got there first. */
    async transition(
      id: string,
      from: string,
      to: string,
      now: string,
      reviewOn?: string | null,
    ): Promise<boolean> {
      const result = await db
        .updateTable("agreements")
        .set({
          status: to,
          updated_at: now,
          ...(reviewOn !== undefined ? { review_on: reviewOn } : {}),
        })
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("status", "=", from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async addEvent(row: {
      id: string;
      agreement_id: string;
      couple_id: string;
      actor_id: string;
      kind: string;
      note: string | null;
      at: string;
    }): Promise<void> {
      await db
        .insertInto("agreement_events")
        .values({ ...row, couple_id: scope.coupleId })
        .execute();
    },

    findEvent(id: string) {
      return db
        .selectFrom("agreement_events")
        .selectAll()
        .where(inCouple(scope, "agreement_events"))
        .where("id", "=", id)
        .executeTakeFirst();
    },

    events(agreementId: string) {
      return db
        .selectFrom("agreement_events")
        .selectAll()
        .where(inCouple(scope, "agreement_events"))
        .where("agreement_id", "=", agreementId)
        .orderBy("at")
        .execute();
    },

    /**
     * Counts for the readiness checklist; shared agreements only. Only accepted ones are read,
     * found by the (couple, status) index: a long history of retired ones costs nothing here.
     */
    async facts(today: string) {
      const row = await db
        .selectFrom("agreements")
        .select((eb) => [
          eb.fn.countAll<number | string>().as("accepted"),
          eb.fn
            .sum<number>(eb.case().when("review_on", "<=", today).then(1).else(0).end())
            .as("overdue"),
        ])
        .where(readableIn(scope, "agreements"))
        .where("status", "=", "accepted")
        .where("visibility", "!=", "private")
        .executeTakeFirstOrThrow();
      return { accepted: Number(row.accepted ?? 0), overdue: Number(row.overdue ?? 0) };
    },
  };
}
export type AgreementStore = ReturnType<typeof agreementStore>;
