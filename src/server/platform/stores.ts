import type { Scope } from "./access.ts";
import { lockCouple } from "./couple-lock.ts";
import type { Db } from "./db.ts";

/**
 * Services never hold the database: they get stores, made here for one scope, either on their
 * own (single reads and single writes) or bound to one transaction (work that writes more than
 * one row commits together or not at all, and the answer is sent after COMMIT). A transaction
 * takes the couple's lock before anything else, so what it checks still holds when it writes.
 */
export interface ScopedStores<S> {
  at(scope: Scope): S;
  transaction<T>(scope: Scope, work: (store: S) => Promise<T>): Promise<T>;
}

export function scopedStores<S>(db: Db, make: (db: Db, scope: Scope) => S): ScopedStores<S> {
  return {
    at: (scope) => make(db, scope),
    transaction: (scope, work) =>
      db.transaction().execute(async (trx) => {
        await lockCouple(trx, scope.coupleId);
        return work(make(trx, scope));
      }),
  };
}

/**
 * Stores not bound to one scope, alone or in a transaction: joining a couple, where the scope
 * exists only once the person is in it (the couples feature opens scoped stores inside).
 */
export interface Stores<S> {
  store: S;
  transaction<T>(work: (store: S) => Promise<T>): Promise<T>;
}

export function stores<S>(db: Db, make: (db: Db) => S): Stores<S> {
  return {
    store: make(db),
    transaction: (work) => db.transaction().execute((trx) => work(make(trx))),
  };
}
