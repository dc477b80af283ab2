import type { FastifyInstance } from "fastify";
import nodemailer from "nodemailer";
import type { Db } from "../../platform/db.ts";
import type { AccountService } from "../account/account.service.ts";
import type { ServiceDeps } from "../deps.ts";
import { serveEmailChange } from "./email-change.routes.ts";
import { emailChangeStore } from "./email-change.store.ts";
import { serveForgotPassword } from "./forgot.routes.ts";
import { mailPoller, mailSender, TRANSPORT_TIMEOUTS } from "./mail-sender.ts";
import { type Letter, outboxStore } from "./outbox.store.ts";
import { serveSignupVerification } from "./signup-verify.routes.ts";

/** What features see of e-mail: whether the operator turned it on, and the one way to send. */
export interface Mailer {
  enabled: boolean;
  /**
   * Writes the letter to the outbox; the sender delivers it, now or after retries. Within a
   * transaction, the letter is written or not with the rest of it; call `wake` once it commits.
   */
  send(letter: Letter, within?: Db): Promise<void>;
  /** Has the sender look at the outbox now rather than at its next turn. */
  wake(): void;
}

/**
 * E-mail as buildApp wires it: with MEND_SMTP_URL set, an outbox and a sender that starts when
 * the server is ready and stops, after its current run, when the server closes; and the routes
 * that write e-mail, which say so plainly when it is off (or, changing an address, change it at
 * once).
 */
export function installMail(
  app: FastifyInstance,
  db: Db,
  deps: ServiceDeps,
  account: Pick<AccountService, "createResetLink" | "createSignupLink" | "verifyAuthKey">,
): Mailer {
  const mailer = mailerFor(app, db, deps);
  serveForgotPassword(app, mailer, account, deps);
  serveSignupVerification(app, mailer, account, deps);
  serveEmailChange(app, mailer, account, emailChangeStore(db), deps);
  return mailer;
}

function mailerFor(app: FastifyInstance, db: Db, { clock, config }: ServiceDeps): Mailer {
  const outbox = outboxStore(db);
  if (!config.smtpUrl) {
    return {
      enabled: false,
      send: async () => {
        throw new Error("E-mail is off: MEND_SMTP_URL is not set.");
      },
      wake: () => undefined,
    };
  }
  const transport = nodemailer.createTransport({ url: config.smtpUrl, ...TRANSPORT_TIMEOUTS });
  const poller = mailPoller(
    mailSender({
      outbox,
      transport,
      clock,
      from: config.mailFrom,
      messageIdHost: new URL(config.publicUrl).hostname,
      maxAttempts: config.mailMaxAttempts,
      onFailure: (failure) =>
        app.log.warn(
          failure,
          failure.givenUp
            ? "An e-mail was given up on; its last error is in the outbox."
            : "An e-mail could not be sent yet; it will be tried again.",
        ),
    }),
    config.mailPollMs,
    (error) => app.log.error({ err: error }, "The e-mail sender could not read the outbox."),
  );
  app.addHook("onReady", async () => poller.start());
  app.addHook("onClose", async () => {
    await poller.stop();
    transport.close();
  });
  return {
    enabled: true,
    async send(letter, within) {
      if (within) {
        await outboxStore(within).enqueue(letter, clock.now());
        return;
      }
      await outbox.enqueue(letter, clock.now());
      poller.wake();
    },
    wake: () => poller.wake(),
  };
}
