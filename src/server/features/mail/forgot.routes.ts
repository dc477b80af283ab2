import type { FastifyInstance } from "fastify";
import { accountRoutes as routes } from "../../../contracts/account.ts";
import { AppError } from "../../platform/errors.ts";
import { hashSecret } from "../../platform/ids.ts";
import { serve } from "../../platform/serve.ts";
import type { AccountService } from "../account/account.service.ts";
import type { ServiceDeps } from "../deps.ts";
import { resetLetter } from "./letters.ts";
import type { Mailer } from "./mail.feature.ts";

const ONE_HOUR = 60 * 60_000;
/** Reset e-mails one address can be sent in an hour, whoever asks. */
const PER_ACCOUNT = 3;

/**
 * "Forgot your password": the same 202 whether or not the address has an account. The lookup
 * and the letter happen after the answer is out, so its timing says nothing either.
 */
export function serveForgotPassword(
  app: FastifyInstance,
  mailer: Mailer,
  account: Pick<AccountService, "createResetLink">,
  { clock, config, limits }: ServiceDeps,
): void {
  async function mailResetLink(email: string): Promise<void> {
    let link: string;
    try {
      link = await account.createResetLink(email);
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") return;
      throw error;
    }
    await mailer.send(resetLetter(email, config.instanceName, link, `${config.publicUrl}/recover`));
  }

  serve(app, routes.forgot, async ({ request, body }) => {
    if (!mailer.enabled) {
      throw new AppError(
        404,
        "not_found",
        "This instance sends no e-mail. Use your recovery code, or ask whoever runs it for a reset link.",
      );
    }
    const now = clock.now();
    await limits.hit(`forgot:ip:${request.ip}`, config.authRateLimit * 5, ONE_HOUR, now);
    // Counted by address whether or not it has an account, so refusing says nothing either.
    await limits.hit(`forgot:acct:${hashSecret(body.email)}`, PER_ACCOUNT, ONE_HOUR, now);
    mailResetLink(body.email).catch((error) =>
      request.log.error({ err: error }, "A reset link could not be written to the outbox."),
    );
  });
}
