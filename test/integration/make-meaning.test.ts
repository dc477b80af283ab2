import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountabilityRoutes } from "../../src/contracts/accountability.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { hurtRoutes } from "../../src/contracts/hurt.ts";
import { questionRoutes } from "../../src/contracts/questions.ts";
import { reflectionRoutes } from "../../src/contracts/reflections.ts";
import { storyRoutes } from "../../src/contracts/story.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { makeCouple, newItemId, type Person, signInAgain } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * Make meaning through HTTP, on whichever engine the suite runs on: the blind side-by-side rule
 * of reflections, statements that are never edited, the question ledger's state machine, and
 * the story's coherence and signatures.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const reflect = (
  who: Person,
  id: string,
  body: string,
  visibility: "private" | "couple",
  promptKey = "unspoken-alone",
) =>
  who.client.api.call(reflectionRoutes.write, {
    params: { id },
    body: { promptKey, body, visibility },
  });

describe("guided reflections", () => {
  it("keeps each answer hidden until both have shared on the prompt, then shows them side by side", async () => {
    const { a, b } = await makeCouple(t.app);
    const mine = newItemId();
    const first = await reflect(a, mine, "On Sundays, mostly.", "private");
    expect(first.reflection).toMatchObject({ id: mine, visibility: "private", sharedAt: null });
    await reflect(a, mine, "On Sundays, mostly. And at dinners.", "couple");

    const theirs = newItemId();
    await reflect(b, theirs, "A draft I am not sure of.", "private");
    // The partner's shared answer is not shown to someone whose own is still a draft.
    let seen = await b.client.api.call(reflectionRoutes.list);
    expect(seen.reflections.map((r) => r.id)).toEqual([theirs]);
    expect(seen.pairs).toEqual([]);
    expect(seen.partnerSharedOn).toEqual(["unspoken-alone"]);
    const aSees = await a.client.api.call(reflectionRoutes.list);
    expect(aSees.reflections.map((r) => r.id)).toEqual([mine]);
    expect(aSees.partnerSharedOn).toEqual([]);

    await reflect(b, theirs, "When you worked late, every night.", "couple");
    seen = await b.client.api.call(reflectionRoutes.list);
    expect(seen.pairs).toMatchObject([
      {
        promptKey: "unspoken-alone",
        mine: { id: theirs, body: "When you worked late, every night." },
        theirs: { id: mine, body: "On Sundays, mostly. And at dinners." },
      },
    ]);
    expect(seen.partnerSharedOn).toEqual([]);

    await b.client.api.call(reflectionRoutes.comment, {
      params: { id: mine },
      body: { id: newItemId(), text: "I did not know about the dinners." },
    });
    const after = await a.client.api.call(reflectionRoutes.list);
    expect(after.pairs[0]?.mine.comments).toMatchObject([
      { text: "I did not know about the dinners.", by: b.id, mine: false },
    ]);
  });

  it("keeps a shared reflection as it was shared, and refuses comments on a private one", async () => {
    const { a, b } = await makeCouple(t.app);
    const id = newItemId();
    await reflect(a, id, "Shared as it is.", "couple");
    await expect(reflect(a, id, "Changed later.", "couple")).rejects.toMatchObject({
      status: 409,
      code: "reflection_shared",
    });
    await expect(reflect(a, id, "Taken back.", "private")).rejects.toMatchObject({ status: 409 });
    await expect(reflect(a, newItemId(), "A second answer.", "private")).rejects.toMatchObject({
      status: 409,
      code: "prompt_answered",
    });
    const draft = newItemId();
    await reflect(a, draft, "Only mine.", "private", "fears-unseen");
    await expect(
      a.client.api.call(reflectionRoutes.comment, {
        params: { id: draft },
        body: { id: newItemId(), text: "A note to myself." },
      }),
    ).rejects.toMatchObject({ status: 409, code: "reflection_private" });
    // The partner cannot even find it, nor comment on a shared one before sharing theirs.
    for (const target of [draft, id]) {
      await expect(
        b.client.api.call(reflectionRoutes.comment, {
          params: { id: target },
          body: { id: newItemId(), text: "Hm." },
        }),
      ).rejects.toMatchObject({ status: 404 });
    }
  });

  it("offers at least twelve prompts in four themes", async () => {
    const { a } = await makeCouple(t.app);
    const { prompts, themes } = await a.client.api.call(reflectionRoutes.prompts);
    expect(prompts.length).toBeGreaterThanOrEqual(12);
    expect(new Set(prompts.map((p) => p.theme))).toEqual(
      new Set(["before", "unspoken", "patterns", "fears"]),
    );
    expect(themes.map((theme) => theme.key)).toEqual(["before", "unspoken", "patterns", "fears"]);
  });
});

describe("the accountability statement", () => {
  it("keeps the draft private, numbers shared versions, dates addenda and takes the partner's answer", async () => {
    const { a, b } = await makeCouple(t.app);
    const draft = await a.client.api.call(accountabilityRoutes.saveDraft, {
      body: { id: newItemId(), whatIDid: "I kept a second phone" },
    });
    expect(draft.draft).toMatchObject({ whatIDid: "I kept a second phone" });
    const partnerView = await b.client.api.call(accountabilityRoutes.overview);
    expect(partnerView).toEqual({ statements: [], draft: null });

    await expect(
      a.client.api.call(accountabilityRoutes.addendum, {
        body: { id: newItemId(), text: "Before any version." },
      }),
    ).rejects.toMatchObject({ status: 409, code: "statement_state" });

    const share = (whatIDid: string) =>
      a.client.api.call(accountabilityRoutes.share, {
        body: {
          id: newItemId(),
          whatIDid,
          impact: "You doubted yourself.",
          whyNotSooner: "I was afraid.",
        },
      });
    const one = await share("I kept a second phone for a year.");
    expect(one.version.n).toBe(1);
    expect((await a.client.api.call(accountabilityRoutes.overview)).draft).toBeNull();

    await expect(
      a.client.api.call(accountabilityRoutes.respond, {
        params: { id: one.version.id },
        body: { id: newItemId(), heard: "yes" },
      }),
    ).rejects.toMatchObject({ status: 409 });
    await b.client.api.call(accountabilityRoutes.respond, {
      params: { id: one.version.id },
      body: { id: newItemId(), heard: "not-yet", missing: "Who it was with." },
    });
    await a.client.api.call(accountabilityRoutes.addendum, {
      body: { id: newItemId(), text: "It was with someone from work." },
    });
    const two = await share("I kept a second phone for a year, to text someone from work.");
    expect(two.version.n).toBe(2);

    const { statements } = await b.client.api.call(accountabilityRoutes.overview);
    expect(statements).toMatchObject([
      {
        by: a.id,
        mine: false,
        versions: [
          { n: 1, responses: [{ heard: "not-yet", missing: "Who it was with.", by: b.id }] },
          { n: 2, responses: [] },
        ],
        addenda: [{ text: "It was with someone from work.", afterVersion: 1 }],
      },
    ]);
    // A shared version has no way to be changed or removed.
    for (const method of ["PUT", "DELETE"] as const) {
      const res = await a.client.request(
        method,
        `/api/accountability/versions/${one.version.id}`,
        {},
      );
      expect(res.status).toBe(404);
    }
  });
});

describe("hurt and grief", () => {
  it("is private unless shared, and draws the repair-possible series per person", async () => {
    const { a, b } = await makeCouple(t.app);
    await b.client.api.call(hurtRoutes.record, {
      body: { id: newItemId(), words: ["betrayed", "foolish"], repairPossible: 2 },
    });
    t.clock.advance(7 * 86_400_000);
    await b.client.api.call(hurtRoutes.record, {
      body: {
        id: newItemId(),
        words: ["sad"],
        broken: "Believing what you say",
        repairPossible: 5,
        visibility: "couple",
      },
    });
    const own = await b.client.api.call(hurtRoutes.list);
    expect(own.series).toMatchObject([
      { by: b.id, mine: true, points: [{ value: 2 }, { value: 5 }] },
    ]);
    expect(own.entries.map((e) => e.words)).toEqual([["betrayed", "foolish"], ["sad"]]);
    const partner = await a.client.api.call(hurtRoutes.list);
    expect(partner.entries).toMatchObject([{ words: ["sad"], broken: "Believing what you say" }]);
    expect(partner.series).toMatchObject([{ by: b.id, mine: false, points: [{ value: 5 }] }]);
  });
});

describe("the question ledger", () => {
  it("lets only the partner answer or defer, only the asker ask again or let go", async () => {
    const { a, b } = await makeCouple(t.app);
    const { question } = await b.client.api.call(questionRoutes.ask, {
      body: { id: newItemId(), text: "When did it start?" },
    });
    expect(question).toMatchObject({ state: "open", timesAsked: 1, askedBy: b.id });
    const id = question.id;
    const answer = (who: Person, text: string) =>
      who.client.api.call(questionRoutes.answer, {
        params: { id },
        body: { id: newItemId(), text },
      });
    const askAgain = (who: Person) =>
      who.client.api.call(questionRoutes.askAgain, {
        params: { id },
        body: { id: newItemId(), note: "I need to hear it again." },
      });

    await expect(answer(b, "I answer myself")).rejects.toMatchObject({
      status: 409,
      code: "question_state",
    });
    await expect(askAgain(b)).rejects.toMatchObject({ status: 409 });
    const topic = newItemId();
    const deferred = await a.client.api.call(questionRoutes.defer, {
      params: { id },
      body: { parkingLotItem: { id: topic, topic: "Your question about when it started" } },
    });
    expect(deferred.question).toMatchObject({ state: "open", deferredTo: topic });
    const { items } = await b.client.api.call(talkRoutes.parkingLot);
    expect(items).toMatchObject([{ id: topic, topic: "Your question about when it started" }]);

    expect((await answer(a, "In March.")).question).toMatchObject({
      state: "answered",
      deferredTo: null,
    });
    await expect(answer(a, "Again")).rejects.toMatchObject({ status: 409 });
    await expect(askAgain(a)).rejects.toMatchObject({ status: 409 });
    expect((await askAgain(b)).question).toMatchObject({ state: "asked-again", timesAsked: 2 });
    expect((await answer(a, "In March, after the trip.")).question.answers).toHaveLength(2);

    await expect(a.client.api.call(questionRoutes.letGo, { params: { id } })).rejects.toMatchObject(
      { status: 409 },
    );
    const gone = await b.client.api.call(questionRoutes.letGo, { params: { id } });
    expect(gone.question).toMatchObject({ state: "let-go", letGoAt: expect.any(String) });
    await expect(answer(a, "Too late")).rejects.toMatchObject({ status: 409 });

    const repeat = await b.client.api.call(questionRoutes.ask, {
      body: { id: newItemId(), text: "When did this begin?", repeatOf: id },
    });
    expect(repeat.question).toMatchObject({ repeatOf: id, timesAsked: 3 });

    const { weeks } = await a.client.api.call(questionRoutes.list);
    const total = (key: "asked" | "askedAgain" | "answered" | "letGo") =>
      weeks.reduce((sum, week) => sum + week[key], 0);
    expect([total("asked"), total("askedAgain"), total("answered"), total("letGo")]).toEqual([
      1, 2, 2, 1,
    ]);
  });
});

describe("the shared story", () => {
  it("is coherent only when both agree with every paragraph's current version, and any change asks for new signatures", async () => {
    const { a, b } = await makeCouple(t.app);
    const sign = (who: Person, revision?: number) =>
      who.client.api.call(storyRoutes.sign, { query: revision === undefined ? {} : { revision } });
    await expect(sign(a)).rejects.toMatchObject({ status: 409, code: "story_not_coherent" });

    const { paragraph } = await a.client.api.call(storyRoutes.add, {
      body: { id: newItemId(), section: "what-happened", text: "One of us hid a lot, for a year." },
    });
    const mark = (who: Person, kind: "agree" | "disagree" | "needs-talk", version: number) =>
      who.client.api.call(storyRoutes.mark, {
        params: { id: paragraph.id },
        body: { id: newItemId(), mark: kind, version },
      });
    await mark(a, "agree", 1);
    await mark(b, "disagree", 1);
    expect((await a.client.api.call(storyRoutes.read)).coherent).toBe(false);

    const rewritten = await b.client.api.call(storyRoutes.edit, {
      params: { id: paragraph.id },
      body: { text: "For a year, you hid the messages and the meetings.", version: 1 },
    });
    expect(rewritten.paragraph.version).toBe(2);
    // A mark on the version before, or a rewrite of it, meets the newer one.
    await expect(mark(a, "agree", 1)).rejects.toMatchObject({
      status: 409,
      code: "changed_meanwhile",
    });
    await expect(
      a.client.api.call(storyRoutes.edit, {
        params: { id: paragraph.id },
        body: { text: "Stale", version: 1 },
      }),
    ).rejects.toMatchObject({ status: 409 });
    await mark(b, "agree", 2);
    expect((await a.client.api.call(storyRoutes.read)).coherent).toBe(false);
    await mark(a, "agree", 2);
    const story = await a.client.api.call(storyRoutes.read);
    expect(story).toMatchObject({ coherent: true, signedBy: [], signedAt: null });

    await expect(sign(a, story.revision - 1)).rejects.toMatchObject({ status: 409 });
    expect(await sign(a, story.revision)).toMatchObject({
      signedBy: [a.id],
      signedAt: null,
      signatures: [{ by: a.id, at: expect.any(String) }],
    });
    // Saying "agree" again changes nobody's mind: the signature stands.
    await mark(a, "agree", 2);
    const both = await sign(b, story.revision);
    expect(both.signedBy.sort()).toEqual([a.id, b.id].sort());
    expect(both.signedAt).toEqual(expect.any(String));

    await b.client.api.call(storyRoutes.add, {
      body: { id: newItemId(), section: "learned", text: "We stopped talking long before." },
    });
    const after = await a.client.api.call(storyRoutes.read);
    expect(after).toMatchObject({ coherent: false, signedBy: [], signedAt: null });
    expect(after.paragraphs.map((p) => p.text)).toEqual([
      "For a year, you hid the messages and the meetings.",
      "We stopped talking long before.",
    ]);
  });
});

describe("readiness for Rebuild and the balance guard", () => {
  it("notices hurry from the couple's own moves, and readiness follows the shared work", async () => {
    const { a, b } = await makeCouple(t.app);
    const api = (who: Person) => who.client.api;
    await api(a).call(coupleRoutes.changePhase, { body: { to: "meaning" } });
    await api(b).call(coupleRoutes.changePhase, { body: { to: "meaning" } });
    let view = await api(a).call(coupleRoutes.view);
    expect(view.balance).toEqual([]);
    expect(view.readiness.items.map((i) => [i.key, i.met])).toEqual([
      ["partner-joined", true],
      ["statement-heard", false],
      ["story-signed", false],
      ["questions-calm", true],
      ["intensity-calming", false],
      ["safe-enough", false],
    ]);

    for (let i = 0; i < 2; i++) {
      t.clock.advance(86_400_000);
      await api(a).call(coupleRoutes.changePhase, { body: { to: "rebuild" } });
      await api(b).call(coupleRoutes.cancelPendingPhase, { query: {} });
    }
    view = await api(b).call(coupleRoutes.view);
    expect(view.balance.map((note) => note.key)).toEqual(["moving-on-fast"]);
    expect(JSON.stringify(view.balance)).not.toMatch(/partner/i);

    const { version } = await api(a).call(accountabilityRoutes.share, {
      body: { id: newItemId(), whatIDid: "I lied.", impact: "It hurt.", whyNotSooner: "Fear." },
    });
    await api(b).call(accountabilityRoutes.respond, {
      params: { id: version.id },
      body: { id: newItemId(), heard: "yes" },
    });
    view = await api(a).call(coupleRoutes.view);
    expect(view.readiness.items.find((i) => i.key === "statement-heard")?.met).toBe(true);

    // Three weeks later the hurry is past; the quiet since then is what shows.
    t.clock.advance(22 * 86_400_000);
    const again = await signInAgain(t.app, a);
    view = await again.api.call(coupleRoutes.view);
    expect(view.balance.map((note) => note.key)).toEqual(["gone-quiet"]);
  });
});
