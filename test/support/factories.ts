import type { FastifyInstance } from "fastify";
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
  const res = await client.post("/api/auth/signup", { email, password: PASSWORD, name });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.raw}`);
  return { client, id: res.json<{ user: { id: string } }>().user.id, email, name };
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
  const created = await a.client.post("/api/couples", { stance: "hurt" });
  if (created.status !== 201) throw new Error(`couple failed: ${created.raw}`);
  const { couple, invite } = created.json<{ couple: { id: string }; invite: { token: string } }>();
  const joined = await b.client.post(`/api/invites/${invite.token}/accept`, {
    stance: "broke-trust",
  });
  if (joined.status !== 200) throw new Error(`join failed: ${joined.raw}`);
  return { a, b, coupleId: couple.id };
}

export async function makeAgreement(
  person: Person,
  text = "We talk about it only after dinner, never after 21:00.",
  category = "talk",
): Promise<{ id: string; text: string }> {
  const res = await person.client.post("/api/agreements", { category, text });
  if (res.status !== 201) throw new Error(`agreement failed: ${res.raw}`);
  return res.json<{ agreement: { id: string; text: string } }>().agreement;
}
