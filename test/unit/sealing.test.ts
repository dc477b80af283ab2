import { describe, expect, it } from "vitest";
import { newItemId, type OpenedKeys } from "../../src/client/crypto/account-keys.ts";
import { randomBytes } from "../../src/client/crypto/encoding.ts";
import { newIdentity } from "../../src/client/crypto/grant.ts";
import { Keyring, PlainWordsError, UNOPENED } from "../../src/client/sealing.ts";
import { IntensityBody, IntensityEntryReply } from "../../src/contracts/intensity.ts";
import { SafetyCheckBody, SafetyChecksReply } from "../../src/contracts/safety.ts";
import { ParkingItemReply, RaiseTopicBody } from "../../src/contracts/talks.ts";

const COUPLE = newItemId();

async function keyring(spaceKey: Uint8Array | null = randomBytes(32)) {
  const opened: OpenedKeys = {
    userId: "user-1",
    identity: await newIdentity(),
    personal: randomBytes(32),
  };
  // The grants are bypassed: a keyring whose space is known already.
  const ring = new Keyring(opened, async () => null);
  (ring as unknown as { space: Promise<unknown> }).space = Promise.resolve({
    coupleId: COUPLE,
    version: 1,
    keys: new Map(spaceKey ? [[1, spaceKey]] : []),
  });
  return ring;
}

/** What a server would echo back for a sealed body: the same envelope, in a reply's shape. */
const itemReply = (sealed: Record<string, unknown>) => ({
  item: { ...sealed, status: "open", raisedBy: "u", carriedOver: 0, createdAt: "", updatedAt: "" },
});

describe("the keyring", () => {
  it("seals a shared field with the space key and opens it back to the same words", async () => {
    const ring = await keyring();
    const id = newItemId();
    const sealed = (await ring.sealBody(RaiseTopicBody, { id, topic: "  Lisbon  " })) as {
      topic: string;
    };
    expect(sealed.topic).toMatch(/^m1\.s1\./);
    const opened = (await ring.openReply(ParkingItemReply, itemReply(sealed))) as {
      item: { topic: string };
    };
    // Plain rules run before sealing: the words are trimmed like any text.
    expect(opened.item.topic).toBe("Lisbon");
  });

  it("seals a private note with the personal key, a shared one with the space key", async () => {
    const ring = await keyring();
    const body = { id: newItemId(), value: 5, note: "mine" };
    const mine = (await ring.sealBody(IntensityBody, { ...body, visibility: "private" })) as {
      note: string;
    };
    const ours = (await ring.sealBody(IntensityBody, body)) as { note: string };
    expect(mine.note).toMatch(/^m1\.p\./);
    expect(ours.note).toMatch(/^m1\.s1\./);
  });

  it("marks an altered envelope, or one copied to another item", async () => {
    const ring = await keyring();
    const a = (await ring.sealBody(RaiseTopicBody, { id: newItemId(), topic: "first" })) as {
      id: string;
      topic: string;
    };
    const at = a.topic.length - 5;
    const flipped = `${a.topic.slice(0, at)}${a.topic[at] === "A" ? "B" : "A"}${a.topic.slice(at + 1)}`;
    const tampered = (await ring.openReply(
      ParkingItemReply,
      itemReply({ ...a, topic: flipped }),
    )) as {
      item: { topic: string };
    };
    expect(tampered.item.topic).toBe(UNOPENED.damaged);
    const moved = (await ring.openReply(
      ParkingItemReply,
      itemReply({ ...a, id: newItemId() }),
    )) as { item: { topic: string } };
    expect(moved.item.topic).toBe(UNOPENED.damaged);
  });

  it("says which words wait for a key not granted, and which were sealed with earlier keys", async () => {
    const before = await keyring();
    const entry = { id: newItemId(), value: 3, visibility: "private", at: "2026-01-01T00:00:00Z" };
    const privately = (await before.sealBody(IntensityBody, { ...entry, note: "mine" })) as {
      note: string;
    };
    const shared = (await before.sealBody(IntensityBody, {
      ...entry,
      visibility: "couple",
      note: "ours",
    })) as {
      note: string;
    };
    const after = await keyring(null);
    const open = async (note: string, visibility: string) =>
      (
        (await after.openReply(IntensityEntryReply, { entry: { ...entry, visibility, note } })) as {
          entry: { note: string };
        }
      ).entry.note;
    expect(await open(privately.note, "private")).toBe(UNOPENED.earlierKeys);
    expect(await open(shared.note, "couple")).toBe(UNOPENED.notGranted);
  });

  it("seals chosen answers as JSON under the person's own space, and reads none when they fail", async () => {
    const ring = await keyring();
    const answers = { "feel-safe": "yes" };
    const sealed = (await ring.sealBody(SafetyCheckBody, { id: newItemId(), answers })) as {
      id: string;
      answers: string;
    };
    expect(sealed.answers).toMatch(/^m1\.p\./);
    const list = {
      checks: [{ id: sealed.id, at: "2026-01-01T00:00:00Z", answers: sealed.answers }],
    };
    const opened = (await ring.openReply(SafetyChecksReply, list)) as typeof list & {
      checks: Array<{ answers: unknown }>;
    };
    expect(opened.checks[0]?.answers).toEqual(answers);
    const other = await keyring();
    const unread = (await other.openReply(SafetyChecksReply, list)) as {
      checks: Array<{ answers: unknown }>;
    };
    expect(unread.checks[0]?.answers).toBeNull();
  });

  it("names the field when plain words break their rules, or the id is missing", async () => {
    const ring = await keyring();
    await expect(ring.sealBody(RaiseTopicBody, { id: newItemId(), topic: "   " })).rejects.toEqual(
      new PlainWordsError({ topic: expect.any(String) }),
    );
    await expect(ring.sealBody(RaiseTopicBody, { topic: "no id" })).rejects.toMatchObject({
      fields: { id: expect.any(String) },
    });
  });
});
