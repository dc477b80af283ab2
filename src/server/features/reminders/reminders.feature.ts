import type { FastifyInstance } from "fastify";
import type { Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { scopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { Mailer } from "../mail/mail.feature.ts";
import { mailPoller } from "../mail/mail-sender.ts";
import { serveReminders } from "./reminders.routes.ts";
import { reminderService } from "./reminders.service.ts";
import { reminderFactsStore, reminderStore } from "./reminders.store.ts";

/**
 * Reminders as buildApp wires them: the settings and stop routes always (a person's choice is
 * theirs to read and keep whether or not this instance sends e-mail; the account page says when
 * it does not), and, with e-mail on, a scan every MEND_REMINDER_POLL_MS that starts when the
 * server is ready and stops, after its current run, when it closes.
 */
export function installReminders(
  app: FastifyInstance,
  db: Db,
  deps: ServiceDeps,
  mailer: Mailer,
  coupleTimeZone: (scope: Scope) => Promise<string>,
): void {
  const reminders = reminderService(
    deps,
    db,
    reminderStore(db),
    scopedStores(db, reminderFactsStore),
    coupleTimeZone,
    mailer,
  );
  serveReminders(app, reminders);
  if (!mailer.enabled) return;
  const scan = {
    runOnce: () =>
      reminders.runOnce((error, userId) =>
        app.log.error({ err: error, userId }, "A person's reminders could not be looked at."),
      ),
  };
  const poller = mailPoller(scan, deps.config.reminderPollMs, (error) =>
    app.log.error({ err: error }, "The reminder scan could not read who wants reminders."),
  );
  app.addHook("onReady", async () => poller.start());
  app.addHook("onClose", async () => poller.stop());
}
