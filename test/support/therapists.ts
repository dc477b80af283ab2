import { TOTP } from "otpauth";
import { keyringFor, signUpTherapist } from "../../src/client/session.ts";
import { therapistRoutes } from "../../src/contracts/therapists.ts";
import { accountStore } from "../../src/server/features/account/account.store.ts";
import { therapistAccountService } from "../../src/server/features/therapists/therapist-account.service.ts";
import { rateLimits } from "../../src/server/platform/rate-limit.ts";
import { sessionStore } from "../../src/server/platform/session.store.ts";
import { deriveOnce, PASSWORD, type Person, TEST_KDF } from "./factories.ts";
import { Client, type TestApp } from "./test-app.ts";

let counter = 0;

export interface Therapist extends Person {
  totpSecret: string;
  recoveryCodes: string[];
}

/** What `mend invite-therapist` prints: the one-time link's token. */
export async function inviteTherapist(t: TestApp, email: string): Promise<string> {
  const { db } = t.database;
  const service = therapistAccountService(
    { clock: t.clock, config: t.config, limits: rateLimits(db) },
    accountStore(db),
    sessionStore(db),
  );
  return (await service.createInvite(email)).split("/").pop() ?? "";
}

/** The code an authenticator app shows at the test clock's time. */
export function totpCode(secret: string, at: Date): string {
  return new TOTP({ secret, algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  });
}

/**
 * A therapist invited by the operator, signed up through the sealing client, and (unless told
 * otherwise) past the second factor.
 */
export async function makeTherapist(
  t: TestApp,
  name = "Dr. Lee",
  { secondFactor = true } = {},
): Promise<Therapist> {
  counter += 1;
  const email = `therapist.${counter}.${process.pid}@example.org`;
  const token = await inviteTherapist(t, email);
  const client = new Client(t.app);
  const made = await signUpTherapist(
    client.api,
    { token, email, name, password: PASSWORD },
    deriveOnce,
    TEST_KDF,
  );
  client.keyring = keyringFor(client.api, made.opened);
  if (secondFactor) {
    await client.api.call(therapistRoutes.totp, {
      body: { code: totpCode(made.totp.secret, t.clock.now()) },
    });
  }
  return {
    client,
    id: made.user.id,
    email,
    name,
    opened: made.opened,
    recoveryCode: made.recoveryCode,
    totpSecret: made.totp.secret,
    recoveryCodes: made.totp.recoveryCodes,
  };
}
