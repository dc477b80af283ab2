import type { FastifyInstance } from "fastify";
import { accountRoutes as routes } from "../../../contracts/account.ts";
import { AppError } from "../../platform/errors.ts";
import { hashSecret } from "../../platform/ids.ts";
import { serve } from "../../platform/serve.ts";
import type { AccountService } from "../account/account.service.ts";
import type { ServiceDeps } from "../deps.ts";
import { alreadySignedUpLetter, signupLetter } from "./letters.ts";
import type { Mailer } from "./mail.feature.ts";

const ONE_HOUR = 60 * 60_000;
/** Sign-up e-mails one address can be sent in an hour, whoever asks. */
const PER_ADDRESS = 3;

/**
 * The first step of signing up with e-mail on: the same 202 whether or not the address has an
 * account. Which letter it gets is decided after the answer is out, so timing says nothing either;
 * only the mailbox's owner learns which.
 */
export function serveSignupVerification(
  app: FastifyInstance,
  mailer: Mailer,
  account: Pick<AccountService, "createSignupLink">,
  { clock, config, limits }: ServiceDeps,
): void {
  async function mailSignupLink(email: string, next: string | undefined): Promise<void> {
    const link = await account.createSignupLink(email, next);
    await mailer.send(
      link
        ? signupLetter(email, config.instanceName, link)
        : alreadySignedUpLetter(
            email,
            config.instanceName,
            `${config.publicUrl}/signin`,
            `${config.publicUrl}/forgot`,
          ),
    );
  }

  serve(app, routes.signupVerify, async ({ request, body }) => {
    if (!mailer.enabled) {
      throw new AppError(404, "not_found", "This instance sends no e-mail: sign up directly.");
    }
    const now = clock.now();
    await limits.hit(`signup-verify:ip:${request.ip}`, config.authRateLimit * 5, ONE_HOUR, now);
    // Counted by address whether or not it has an account, so refusing says nothing either.
    await limits.hit(`signup-verify:acct:${hashSecret(body.email)}`, PER_ADDRESS, ONE_HOUR, now);
    mailSignupLink(body.email, body.next).catch((error) =>
      request.log.error({ err: error }, "A sign-up letter could not be written to the outbox."),
    );
  });
}
