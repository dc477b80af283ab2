import type { FastifyInstance } from "fastify";
import { accountRoutes as routes } from "../../../contracts/account.ts";
import { AppError, errors } from "../../platform/errors.ts";
import { hashSecret, newId, newSecret } from "../../platform/ids.ts";
import { serve } from "../../platform/serve.ts";
import { requireActor } from "../../platform/sessions.ts";
import type { AccountService } from "../account/account.service.ts";
import type { ServiceDeps } from "../deps.ts";
import type { EmailChangeStore } from "./email-change.store.ts";
import {
  addressChangedLetter,
  addressInUseLetter,
  confirmAddressLetter,
} from "./email-change-letters.ts";
import type { Mailer } from "./mail.feature.ts";

const ONE_HOUR = 60 * 60_000;
const LINK_MS = 24 * ONE_HOUR;
/** Changes one account may ask for in an hour, and letters one address may be sent. */
const PER_ACCOUNT = 5;
const PER_ADDRESS = 3;

const taken = () =>
  errors.conflict("email_taken", "An account with this e-mail address already exists.");

/**
 * Changing the address one signs in with, proved by the password. Without e-mail it changes at
 * once (and says when the address is taken, as sign-up does then). With e-mail the new address
 * must take a link first: the answer is 202 whatever the address, and which letter it gets is
 * decided after the answer is out, so only that mailbox's owner learns whether it has an account.
 * Once moved, the old address is told, the one way its owner hears of a change they did not make.
 */
export function serveEmailChange(
  app: FastifyInstance,
  mailer: Mailer,
  account: Pick<AccountService, "verifyAuthKey">,
  store: EmailChangeStore,
  { clock, config, limits }: ServiceDeps,
): void {
  async function mailLink(userId: string, email: string): Promise<void> {
    if (await store.addressTaken(email)) {
      await mailer.send(
        addressInUseLetter(email, config.instanceName, `${config.publicUrl}/signin`),
      );
      return;
    }
    const token = newSecret();
    const now = clock.now();
    await store.addLink({
      id: newId(),
      userId,
      email,
      tokenHash: hashSecret(token),
      now,
      expiresAt: new Date(now.getTime() + LINK_MS),
    });
    await mailer.send(
      confirmAddressLetter(email, config.instanceName, `${config.publicUrl}/email/${token}`),
    );
  }

  serve(app, routes.changeEmail, async ({ request, body, answerWith }) => {
    const actor = requireActor(request);
    const now = clock.now();
    await limits.hit(`email-change:user:${actor.userId}`, PER_ACCOUNT, ONE_HOUR, now);
    const user = await account.verifyAuthKey(actor, body.authKey);
    if (body.email === user.email) throw errors.invalid({ email: "This is your address already." });
    if (!mailer.enabled) {
      const result = await store.setEmail(actor.userId, body.email);
      if (result === "taken") throw taken();
      if (result === "gone") throw errors.unauthenticated();
      return { user: { ...user, email: body.email } };
    }
    // Counted by the address asked for whether or not it has an account, so a refusal says nothing.
    await limits.hit(`email-change:addr:${hashSecret(body.email)}`, PER_ADDRESS, ONE_HOUR, now);
    mailLink(actor.userId, body.email).catch((error) =>
      request.log.error({ err: error }, "An address change could not be written to the outbox."),
    );
    answerWith(202);
  });

  serve(app, routes.confirmEmail, async ({ request, body }) => {
    const now = clock.now();
    await limits.hit(`email-confirm:ip:${request.ip}`, config.authRateLimit * 5, ONE_HOUR, now);
    const spent = await store.spend(hashSecret(body.token), now);
    if (!spent || spent.result === "gone") {
      throw new AppError(
        404,
        "not_found",
        "This link no longer works: a link works once, for a day. Ask for a new one on your account page.",
      );
    }
    if (spent.result === "taken") throw taken();
    if (mailer.enabled) {
      await mailer.send(
        addressChangedLetter(
          spent.before,
          config.instanceName,
          spent.email,
          `${config.publicUrl}/recover`,
        ),
      );
    }
    return { email: spent.email };
  });
}
