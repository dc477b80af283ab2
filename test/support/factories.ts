import type { FastifyInstance } from "fastify";
import { newItemId, type OpenedKeys } from "../../src/client/crypto/account-keys.ts";
import { b64 } from "../../src/client/crypto/encoding.ts";
import { type KdfParams, passwordKeys } from "../../src/client/crypto/keys.ts";
import {
  joinCouple,
  keyringFor,
  openInviteLink,
  secretFromFragment,
  signIn,
  signUp,
  startCouple,
} from "../../src/client/session.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import type { AgreementCategory } from "../../src/domain/agreements.ts";
import { KDF_DEFAULTS } from "../../src/domain/kdf.ts";
import { Client } from "./test-app.ts";

let counter = 0;

export const PASSWORD = "a long and quiet evening";

/**
 * Argon2id at the protocol's floor costs a real fraction of a second. Test people share one salt
 * (the server has no reason to care), so each password is derived once per test process; that
 * one account's authKey cannot open another's is tested with people of their own.
 */
export const TEST_KDF: KdfParams = { ...KDF_DEFAULTS, salt: b64(new Uint8Array(16).fill(7)) };
const derived = new Map<string, ReturnType<typeof passwordKeys>>();
export const deriveOnce = (password: string, kdf: KdfParams) => {
  const key = `${kdf.salt}|${kdf.memoryKiB}|${kdf.iterations}|${password}`;
  let keys = derived.get(key);
  if (!keys) {
    keys = passwordKeys(password, kdf);
    derived.set(key, keys);
  }
  return keys;
};

export interface Person {
  client: Client;
  id: string;
  email: string;
  name: string;
  opened: OpenedKeys;
  recoveryCode: string;
}

/** Signs a new person up through the sealing client and returns a client holding their session. */
export async function makePerson(app: FastifyInstance, name = "Sam"): Promise<Person> {
  counter += 1;
  const email = `${name.toLowerCase()}.${counter}.${process.pid}@example.org`;
  const client = new Client(app);
  const { user, opened, recoveryCode } = await signUp(
    client.api,
    { email, name, password: PASSWORD },
    deriveOnce,
    TEST_KDF,
  );
  client.keyring = keyringFor(client.api, opened);
  return { client, id: user.id, email, name, opened, recoveryCode };
}

/** Signs an existing person in on a new client (another device). */
export async function signInAgain(app: FastifyInstance, person: Person, password = PASSWORD) {
  const client = new Client(app);
  const { opened } = await signIn(client.api, { email: person.email, password }, deriveOnce);
  client.keyring = keyringFor(client.api, opened);
  return client;
}

export interface Couple {
  a: Person;
  b: Person;
  coupleId: string;
}

/** `person` starts a couple; the invite link carries the space key's secret after `#k=`. */
export async function startSpace(person: Person, stance: "hurt" | "broke-trust" | "both" = "hurt") {
  const started = await startCouple(person.client.api, person.opened, stance);
  person.client.keyring?.forgetSpace();
  return started;
}

/** Joins by a link as the partner's browser would: reads the preview, opens the box, grants. */
export async function joinSpace(
  person: Person,
  link: string,
  stance: "hurt" | "broke-trust" | "both" = "broke-trust",
) {
  const url = new URL(link);
  const token = url.pathname.split("/").pop() ?? "";
  const preview = await person.client.api.call(coupleRoutes.previewInvite, { params: { token } });
  const spaceKey = await openInviteLink(preview, secretFromFragment(url.hash));
  if (!spaceKey) throw new Error("The invite link's secret did not open its box.");
  const reply = await joinCouple(
    person.client.api,
    person.opened,
    token,
    preview,
    spaceKey,
    stance,
  );
  person.client.keyring?.forgetSpace();
  return reply;
}

/** Two partners who share one couple space; `a` started it and is the one who was hurt. */
export async function makeCouple(
  app: FastifyInstance,
  names: [string, string] = ["Robin", "Kai"],
): Promise<Couple> {
  const a = await makePerson(app, names[0]);
  const b = await makePerson(app, names[1]);
  const { couple, link } = await startSpace(a, "hurt");
  await joinSpace(b, link, "broke-trust");
  return { a, b, coupleId: couple.id };
}

export async function makeAgreement(
  person: Person,
  text = "We talk about it only after dinner, never after 21:00.",
  category: AgreementCategory = "talk",
): Promise<{ id: string; text: string }> {
  const { agreement } = await person.client.api.call(agreementRoutes.propose, {
    body: { id: newItemId(), category, text },
  });
  return agreement;
}

export { newItemId };
