import type { FastifyInstance } from "fastify";
import { accountRoutes } from "../../src/contracts/account.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import type { AgreementCategory } from "../../src/domain/agreements.ts";
import { Client } from "./test-app.ts";

let counter = 0;

export const PASSWORD = "a long and quiet evening";

export interface Person {
  client: Client;
  id: string;
  email: string;
  name: string;
}

/** Signs a new person up and returns a client holding their session. */
export async function makePerson(app: FastifyInstance, name = "Sam"): Promise<Person> {
  counter += 1;
  const email = `${name.toLowerCase()}.${counter}.${process.pid}@example.org`;
  const client = new Client(app);
  const { user } = await client.api.call(accountRoutes.signup, {
    body: { email, password: PASSWORD, name },
  });
  return { client, id: user.id, email, name };
}

export interface Couple {
  a: Person;
  b: Person;
  coupleId: string;
}

/** Two partners who share one couple space; `a` started it and is the one who was hurt. */
export async function makeCouple(
  app: FastifyInstance,
  names: [string, string] = ["Robin", "Kai"],
): Promise<Couple> {
  const a = await makePerson(app, names[0]);
  const b = await makePerson(app, names[1]);
  const { couple, invite } = await a.client.api.call(coupleRoutes.create, {
    body: { stance: "hurt" },
  });
  await b.client.api.call(coupleRoutes.acceptInvite, {
    params: { token: invite.token },
    body: { stance: "broke-trust" },
  });
  return { a, b, coupleId: couple.id };
}

export async function makeAgreement(
  person: Person,
  text = "We talk about it only after dinner, never after 21:00.",
  category: AgreementCategory = "talk",
): Promise<{ id: string; text: string }> {
  const { agreement } = await person.client.api.call(agreementRoutes.propose, {
    body: { category, text },
  });
  return agreement;
}
