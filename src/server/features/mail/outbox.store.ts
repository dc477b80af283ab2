import type { Generated } from "kysely";
import type { Db } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";

interface OutboxTable {
  id: string;
  to_address: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  created_at: string;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  lease_until: string | null;
  sent_at: string | null;
  last_error: string | null;
  unsubscribe_url: string | null;
}

/** One e-mail as Mend writes it: in Mend's words, a plain and an HTML part of the same text. */
export interface Letter {
  to: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  /** A reminder's "stop this kind" link, for the List-Unsubscribe header. */
  unsubscribeUrl?: string | null;
}

export interface OutboxRow extends Letter {
  id: string;
  attempts: number;
}

/** The outbox as the sender and the features that write e-mail see it. */
export function outboxStore(database: Db) {
  // The table is this feature's alone, so its shape is declared here.
  const db = database.withTables<{ outbox: OutboxTable }>();
  return {
    async enqueue(letter: Letter, now: Date): Promise<string> {
      const id = newId();
      await db
        .insertInto("outbox")
        .values({
          id,
          to_address: letter.to,
          kind: letter.kind,
          subject: letter.subject,
          text: letter.text,
          html: letter.html,
          unsubscribe_url: letter.unsubscribeUrl ?? null,
          created_at: now.toISOString(),
          next_attempt_at: now.toISOString(),
        })
        .execute();
      return id;
    },

    /** Rows whose turn has come and that nobody holds; the sender still has to claim each. */
    async due(now: Date, maxAttempts: number, limit: number): Promise<string[]> {
      const at = now.toISOString();
      const rows = await db
        .selectFrom("outbox")
        .select("id")
        .where("sent_at", "is", null)
        .where("next_attempt_at", "<=", at)
        .where("attempts", "<", maxAttempts)
        .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", at)]))
        .orderBy("next_attempt_at")
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    /**
     * Takes one row until the lease ends, or nothing if another sender took it first: a single
     * conditional update, which both SQLite (one writer at a time) and PostgreSQL (the second
     * writer re-reads the row and no longer matches) let only one process win.
     */
    async claim(
      id: string,
      now: Date,
      leaseUntil: Date,
      maxAttempts: number,
    ): Promise<OutboxRow | null> {
      const at = now.toISOString();
      const won = await db
        .updateTable("outbox")
        .set((eb) => ({ lease_until: leaseUntil.toISOString(), attempts: eb("attempts", "+", 1) }))
        .where("id", "=", id)
        .where("sent_at", "is", null)
        .where("next_attempt_at", "<=", at)
        .where("attempts", "<", maxAttempts)
        .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", at)]))
        .executeTakeFirst();
      if (Number(won.numUpdatedRows) !== 1) return null;
      const row = await db
        .selectFrom("outbox")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return {
        id: row.id,
        to: row.to_address,
        kind: row.kind,
        subject: row.subject,
        text: row.text,
        html: row.html,
        unsubscribeUrl: row.unsubscribe_url,
        attempts: Number(row.attempts),
      };
    },

    /**
     * Once sent, the bodies go: a reset letter carries a live link, which the database must not
     * hold any longer than it takes to send (the link's own record keeps only its hash).
     */
    async markSent(id: string, now: Date): Promise<void> {
      await db
        .updateTable("outbox")
        .set({
          sent_at: now.toISOString(),
          lease_until: null,
          last_error: null,
          text: "",
          html: "",
          unsubscribe_url: null,
        })
        .where("id", "=", id)
        .where("sent_at", "is", null)
        .execute();
    },

    /**
     * Gives the row back with its next turn; with none (the last attempt), it stays unsent, for
     * the operator to see why, without its bodies.
     */
    async markFailed(id: string, nextAttemptAt: Date | null, error: string): Promise<void> {
      await db
        .updateTable("outbox")
        .set({
          lease_until: null,
          next_attempt_at: nextAttemptAt?.toISOString() ?? null,
          last_error: error.slice(0, 500),
          ...(nextAttemptAt ? {} : { text: "", html: "", unsubscribe_url: null }),
        })
        .where("id", "=", id)
        .where("sent_at", "is", null)
        .execute();
    },

    /** Rows sent, or given up, before the cut-off: their address is kept no longer than that. */
    async forgetBefore(cutoff: Date): Promise<void> {
      const at = cutoff.toISOString();
      await db
        .deleteFrom("outbox")
        .where((eb) =>
          eb.or([
            eb("sent_at", "<", at),
            eb.and([eb("next_attempt_at", "is", null), eb("created_at", "<", at)]),
          ]),
        )
        .execute();
    },
  };
}
export type OutboxStore = ReturnType<typeof outboxStore>;
