import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountRoutes } from "../../src/contracts/account.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { LIMITS } from "../../src/domain/limits.ts";
import { makeCouple, makePerson } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

async function featuresChanged(coupleId: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom("couple_changes")
    .select("feature")
    .where("couple_id", "=", coupleId)
    .execute();
  return rows.map((row) => row.feature);
}

describe("changing one's name", () => {
  it("shows the new name to the person and in the partner's couple view, and tells the partner's screen", async () => {
    const { a, b, coupleId } = await makeCouple(t.app, ["Robin", "Kai"]);
    const reply = await a.client.api.call(accountRoutes.changeName, {
      body: { name: "  Robin Lee " },
    });
    expect(reply.user).toEqual({ id: a.id, email: a.email, name: "Robin Lee" });
    expect((await a.client.api.call(accountRoutes.me)).user.name).toBe("Robin Lee");

    const seenByPartner = await b.client.api.call(coupleRoutes.view);
    const names = Object.fromEntries(seenByPartner.partners.map((p) => [p.id, p.name]));
    expect(names).toEqual({ [a.id]: "Robin Lee", [b.id]: "Kai" });
    expect(await featuresChanged(coupleId)).toEqual(expect.arrayContaining(["couples"]));
  });

  it("refuses an empty or too long name by its field and keeps the one before", async () => {
    const person = await makePerson(t.app, "Ari");
    for (const name of ["   ", "x".repeat(LIMITS.nameMax + 1)]) {
      const refused = await person.client.request("PUT", "/api/account/name", { name });
      expect(refused.status).toBe(400);
      expect(
        refused.json<{ error: { fields: Record<string, string> } }>().error.fields,
      ).toHaveProperty("name");
    }
    const extra = await person.client.request("PUT", "/api/account/name", {
      name: "Ari",
      email: "someone@example.org",
    });
    expect(extra.status).toBe(400);
    expect((await person.client.api.call(accountRoutes.me)).user).toMatchObject({
      name: "Ari",
      email: person.email,
    });
  });

  it("works for a person without a couple, and changes nobody else's name", async () => {
    const lone = await makePerson(t.app, "Noa");
    const other = await makePerson(t.app, "Noa");
    await lone.client.api.call(accountRoutes.changeName, { body: { name: "Noa B." } });
    expect((await lone.client.api.call(accountRoutes.me)).user.name).toBe("Noa B.");
    expect((await other.client.api.call(accountRoutes.me)).user.name).toBe("Noa");
  });
});
