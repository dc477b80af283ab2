import type { Transporter } from "nodemailer";
import type { Clock } from "../../platform/clock.ts";
import type { OutboxRow, OutboxStore } from "./outbox.store.ts";

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;
const BATCH = 20;
/** How long the outbox remembers a message it sent or gave up on: enough to answer "did it go?". */
export const KEPT_MS = 7 * 24 * 60 * 60_000;

/**
 * Longer than the transport's own time-outs added up (connection, greeting, a silent socket), so a
 * lease ends only when its holder has died or hangs; see ADR 0027 for what is left.
 */
export const LEASE_MS = 5 * 60_000;
export const TRANSPORT_TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
};

/** How long to wait after the given attempt failed: doubling from half a minute, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export interface SenderOptions {
  outbox: OutboxStore;
  transport: Transporter;
  clock: Clock;
  from: string;
  /** The host part of each Message-ID: this instance's own name. */
  messageIdHost: string;
  maxAttempts: number;
  /** Told of each failed attempt, for the log: the row's id and kind, never its address. */
  onFailure?: (failure: { id: string; kind: string; attempts: number; givenUp: boolean }) => void;
}

/** The id a row's message carries on every attempt, so a resend is recognisably the same one. */
export function messageIdOf(rowId: string, host: string): string {
  return `<${rowId}.outbox@${host}>`;
}

/** Sends what the outbox holds: claims a row, hands it to SMTP, marks it sent or schedules a retry. */
export function mailSender({
  outbox,
  transport,
  clock,
  from,
  messageIdHost,
  maxAttempts,
  onFailure,
}: SenderOptions) {
  async function deliver(row: OutboxRow): Promise<boolean> {
    try {
      await transport.sendMail({
        from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: messageIdOf(row.id, messageIdHost),
        headers: { "Auto-Submitted": "auto-generated" },
        ...(row.unsubscribeUrl ? { list: { unsubscribe: row.unsubscribeUrl } } : {}),
      });
    } catch (error) {
      const last = row.attempts >= maxAttempts;
      const next = last ? null : new Date(clock.now().getTime() + retryDelayMs(row.attempts));
      await outbox.markFailed(row.id, next, error instanceof Error ? error.message : String(error));
      onFailure?.({ id: row.id, kind: row.kind, attempts: row.attempts, givenUp: last });
      return false;
    }
    await outbox.markSent(row.id, clock.now());
    return true;
  }

  return {
    /** Sends every row due now; returns how many went out. */
    async runOnce(): Promise<number> {
      await outbox.forgetBefore(new Date(clock.now().getTime() - KEPT_MS));
      let sent = 0;
      for (;;) {
        const ids = await outbox.due(clock.now(), maxAttempts, BATCH);
        if (ids.length === 0) return sent;
        for (const id of ids) {
          const now = clock.now();
          const row = await outbox.claim(id, now, new Date(now.getTime() + LEASE_MS), maxAttempts);
          if (row && (await deliver(row))) sent++;
        }
      }
    },
  };
}
export type MailSender = ReturnType<typeof mailSender>;

/**
 * Runs the sender every interval, and at once when woken; one run at a time. Stopping waits for
 * the run in progress, so no row is left claimed by a process that is closing.
 */
export function mailPoller(sender: MailSender, intervalMs: number, onError: (e: unknown) => void) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  function schedule() {
    if (!stopped) timer = setTimeout(run, intervalMs);
  }
  function run() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = sender
      .runOnce()
      .then(
        () => undefined,
        (error) => onError(error),
      )
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          run();
        } else schedule();
      });
  }

  return {
    start() {
      stopped = false;
      run();
    },
    wake() {
      if (!stopped) run();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
