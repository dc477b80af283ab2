import { createHash } from "node:crypto";
import type { AuditAction } from "../../domain/therapist-links.ts";
import { lockCouple } from "./couple-lock.ts";
import type { Db } from "./db.ts";
import type { AuditEntryRow } from "./db-schema.ts";
import { newId } from "./ids.ts";

/**
 * The couple's audit chain: who linked, consented, granted, unlinked, changed the key, and every
 * read a therapist made of the couple's data. Append-only and hash-linked per couple, so a row
 * changed or removed afterwards breaks every hash after it. Ids and kinds only, never words,
 * and never a partner's sign-ins or activity times.
 */
export interface AuditActor {
  id: string;
  role: "partner" | "therapist" | "operator";
}

/** api.md: `b64(SHA-256(prev | at | actor.id | action | target))`, the first `prev` empty. */
export function auditHash(
  entry: Pick<AuditEntryRow, "prev" | "at" | "actor_id" | "action" | "target">,
): string {
  return createHash("sha256")
    .update([entry.prev, entry.at, entry.actor_id, entry.action, entry.target].join("|"), "utf8")
    .digest("base64url");
}

/**
 * Appends entries to a couple's chain, inside the caller's transaction when given one, so an
 * action and its entry commit together. The couple's lock first makes concurrent appends for one
 * couple wait for each other, so each reads the end of the chain the one before it wrote.
 */
export async function appendAudit(
  db: Db,
  coupleId: string,
  actor: AuditActor,
  entries: ReadonlyArray<{ action: AuditAction; target: string }>,
  at: Date,
): Promise<void> {
  if (entries.length === 0) return;
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => appendAudit(trx, coupleId, actor, entries, at));
    return;
  }
  await lockCouple(db, coupleId);
  const last = await db
    .selectFrom("audit_entries")
    .select(["seq", "hash"])
    .where("couple_id", "=", coupleId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? "";
  const rows = entries.map(({ action, target }) => {
    seq += 1;
    const row = {
      id: newId(),
      couple_id: coupleId,
      seq,
      at: at.toISOString(),
      actor_id: actor.id,
      actor_role: actor.role,
      action,
      target,
      prev,
    };
    prev = auditHash(row);
    return { ...row, hash: prev };
  });
  await db.insertInto("audit_entries").values(rows).execute();
}

/** The problems with one couple's chain, in order: none when every link and hash holds. */
export function chainProblems(rows: readonly AuditEntryRow[]): string[] {
  const problems: string[] = [];
  let prev = "";
  rows.forEach((row, i) => {
    if (row.seq !== i + 1) problems.push(`entry ${row.id} is number ${row.seq}, expected ${i + 1}`);
    if (row.prev !== prev) problems.push(`entry ${row.id} does not follow the one before it`);
    if (auditHash(row) !== row.hash)
      problems.push(`entry ${row.id} was changed after it was written`);
    prev = row.hash;
  });
  return problems;
}

/**
 * Checks every couple's chain; Mend refuses to start on a broken one, as an audit that can be
 * rewritten unnoticed is worse than none.
 */
export async function verifyAuditChains(db: Db): Promise<void> {
  const rows = await db
    .selectFrom("audit_entries")
    .selectAll()
    .orderBy("couple_id")
    .orderBy("seq")
    .execute();
  const byCouple = new Map<string, AuditEntryRow[]>();
  for (const row of rows)
    byCouple.set(row.couple_id, [...(byCouple.get(row.couple_id) ?? []), row]);
  for (const [coupleId, chain] of byCouple) {
    const problems = chainProblems(chain);
    if (problems.length > 0) {
      throw new Error(
        `Mend cannot start: the audit chain of couple ${coupleId} is broken (${problems[0]}). ` +
          "Restore the database from a backup taken before the change, or investigate who changed it.",
      );
    }
  }
}

/** A couple's chain, oldest first, for the couple to read. */
export function auditOf(db: Db, coupleId: string): Promise<AuditEntryRow[]> {
  return db
    .selectFrom("audit_entries")
    .selectAll()
    .where("couple_id", "=", coupleId)
    .orderBy("seq")
    .execute();
}
