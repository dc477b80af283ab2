import type { CallArgs } from "../client/api.ts";
import { newItemId } from "../client/crypto/account-keys.ts";
import { accountabilityRoutes as accountability } from "../contracts/accountability.ts";
import { hurtRoutes as hurt } from "../contracts/hurt.ts";
import { questionRoutes as questions } from "../contracts/questions.ts";
import { reflectionRoutes as reflections } from "../contracts/reflections.ts";
import type { ReplyOf, Route } from "../contracts/route.ts";
import { storyRoutes as story } from "../contracts/story.ts";
import { talkRoutes as talks } from "../contracts/talks.ts";

/** A demo partner as the seed sees them: their own sealing client. */
export interface DemoCaller {
  call<R extends Route>(route: R, ...args: CallArgs<R>): Promise<ReplyOf<R>>;
}

/**
 * Three weeks of Make meaning after six of Stabilize, day by day from the move (day 0): Robin
 * (hurt) and Kai (who broke trust) reflect, Kai writes and rewrites an accountability statement
 * until Robin feels heard, Robin names the hurt and asks questions (one deferred, one asked
 * again, one let go), and the two write their story: agreed here, disputed and rewritten there,
 * and at the end signed by both, ready for Rebuild. Ids made on one day are kept for the next
 * in `ids`.
 */
export function meaningScript(robin: DemoCaller, kai: DemoCaller) {
  const ids: Record<string, string> = {};
  const id = (key: string) => {
    ids[key] ??= newItemId();
    return ids[key];
  };
  const need = (key: string) => {
    const found = ids[key];
    if (!found) throw new Error(`The demo's ${key} was not made yet.`);
    return found;
  };
  const reflect = (
    who: DemoCaller,
    key: string,
    promptKey: string,
    body: string,
    visibility: "private" | "couple",
  ) =>
    who.call(reflections.write, { params: { id: id(key) }, body: { promptKey, body, visibility } });
  const ask = async (key: string, text: string, repeatOf?: string) => {
    const { question } = await robin.call(questions.ask, {
      body: { id: newItemId(), text, ...(repeatOf ? { repeatOf } : {}) },
    });
    ids[key] = question.id;
  };
  const answer = (key: string, text: string) =>
    kai.call(questions.answer, { params: { id: need(key) }, body: { id: newItemId(), text } });
  const paragraph = async (
    who: DemoCaller,
    key: string,
    section: "before" | "what-happened" | "understanding" | "learned" | "commitments",
    text: string,
  ) => {
    await who.call(story.add, { body: { id: id(key), section, text } });
  };
  const mark = (
    who: DemoCaller,
    key: string,
    version: number,
    kind: "agree" | "disagree" | "needs-talk",
    note?: string,
  ) =>
    who.call(story.mark, {
      params: { id: need(key) },
      body: { id: newItemId(), mark: kind, version, ...(note ? { note } : {}) },
    });
  const share = async (key: string, whatIDid: string, impact: string, whyNotSooner: string) => {
    const { version } = await kai.call(accountability.share, {
      body: { id: newItemId(), whatIDid, impact, whyNotSooner },
    });
    ids[key] = version.id;
  };
  const respond = (key: string, heard: "yes" | "partly" | "not-yet", missing?: string) =>
    robin.call(accountability.respond, {
      params: { id: need(key) },
      body: { id: newItemId(), heard, ...(missing ? { missing } : {}) },
    });
  const feel = (
    who: DemoCaller,
    words: string[],
    repairPossible: number,
    visibility: "private" | "couple",
    broken?: string,
  ) =>
    who.call(hurt.record, {
      body: { id: newItemId(), words, repairPossible, visibility, ...(broken ? { broken } : {}) },
    });

  const days: Record<number, () => Promise<unknown>> = {
    1: async () => {
      await reflect(
        robin,
        "r-distance",
        "before-distance",
        "Last winter, mostly. We talked about the kitchen plans and the children's schedules and nothing else.",
        "private",
      );
      await reflect(
        kai,
        "k-distance",
        "before-distance",
        "By the autumn we were flatmates who were polite to each other. I stopped telling you about my days because it felt like one more thing on your list.",
        "couple",
      );
    },
    2: async () => {
      await reflect(
        robin,
        "r-distance",
        "before-distance",
        "Last winter, mostly. We talked about the kitchen plans and the children's schedules and nothing else. I remember thinking it was just a busy season.",
        "couple",
      );
      await robin.call(reflections.comment, {
        params: { id: need("k-distance") },
        body: {
          id: newItemId(),
          text: "I didn't know you felt like one more thing on my list. That hurts to read, and I'm glad you wrote it.",
        },
      });
      await kai.call(accountability.saveDraft, {
        body: {
          id: newItemId(),
          whatIDid:
            "For eight months I was in a relationship with someone from work, and I lied to you about it.",
        },
      });
    },
    3: () =>
      share(
        "v1",
        "For eight months I was in a relationship with someone from work. I lied to you about where I was on many evenings and on the trip to Lisbon.",
        "You stopped trusting your own memory of last year. You have not slept well since March.",
        "I was afraid that if I told you I was lonely, you would feel blamed, so I said nothing and looked elsewhere.",
      ),
    4: async () => {
      await respond(
        "v1",
        "partly",
        "You wrote what happened, but not that you chose it again and again.",
      );
      await ask("q-start", "When did it start?");
    },
    5: async () => {
      await answer(
        "q-start",
        "At the conference in February. We had dinner together on the second evening.",
      );
      await ask("q-met", "Did you ever meet in our home?");
      await kai.call(questions.defer, {
        params: { id: need("q-met") },
        body: {
          parkingLotItem: {
            id: id("pl-met"),
            topic: "A question to talk about: whether we met in our home",
          },
        },
      });
    },
    6: () =>
      feel(
        robin,
        ["betrayed", "foolish", "numb"],
        2,
        "private",
        "Believing what you tell me about an ordinary evening.",
      ),
    7: async () => {
      await reflect(
        kai,
        "k-alone",
        "unspoken-alone",
        "At the dinner with your colleagues in January. You were laughing with everyone and I felt invisible.",
        "couple",
      );
      await reflect(
        robin,
        "r-alone",
        "unspoken-alone",
        "Most evenings after the children were asleep. You were on your phone and I told myself you were tired.",
        "couple",
      );
      await kai.call(accountability.addendum, {
        body: {
          id: newItemId(),
          text: "There is something I left out: we also met twice in April, after I had told you it was over.",
        },
      });
    },
    8: async () => {
      await answer("q-met", "No. Never in our home.");
      // Talked about as planned, so it leaves the parking lot.
      await robin.call(talks.discussed, { params: { id: need("pl-met") } });
      await robin.call(questions.askAgain, {
        params: { id: need("q-start") },
        body: {
          id: newItemId(),
          note: "I need to hear when it really started, not the first dinner.",
        },
      });
    },
    9: async () => {
      await answer(
        "q-start",
        "Honestly, the messages started in January. The dinner was when I stopped pretending it was only friendship.",
      );
      await paragraph(
        robin,
        "p-before",
        "before",
        "In the year before, we were worn out: a new job, the kitchen, two children, and very little time that was only ours.",
      );
      await paragraph(
        kai,
        "p-happened",
        "what-happened",
        "Kai had an affair with a colleague that lasted eight months.",
      );
    },
    10: async () => {
      await mark(robin, "p-before", 1, "agree");
      await mark(kai, "p-before", 1, "agree");
      await mark(
        robin,
        "p-happened",
        1,
        "disagree",
        "It lasted eight months, and it began with messages in January. And you lied to me the whole time.",
      );
    },
    11: async () => {
      await kai.call(story.edit, {
        params: { id: need("p-happened") },
        body: {
          text: "From January to August, Kai was in a relationship with a colleague, and lied to Robin about it, including after saying it was over.",
          version: 1,
        },
      });
      await mark(robin, "p-happened", 2, "agree");
      await mark(kai, "p-happened", 2, "agree");
    },
    12: async () => {
      await share(
        "v2",
        "From January to August I was in a relationship with a colleague. I chose, again and again, to keep it going and to lie to you about it, including after I told you it was over.",
        "You stopped trusting your own memory of last year. You have not slept well since March. You feel foolish for believing me, and you are not foolish.",
        "I was lonely and afraid that telling you would sound like blame. Instead of risking that conversation, I hid.",
      );
      await feel(robin, ["sad", "uneasy"], 4, "couple", "Our evenings together.");
    },
    13: async () => {
      await respond("v2", "partly", "Why you didn't stop when I asked you straight out in April.");
      await ask("q-money", "How much did the trips cost?");
      await answer(
        "q-money",
        "About 900 euros over the year, from my own account. I can show you the statements.",
      );
    },
    14: () => ask("q-feelings", "Do you still have feelings for them?"),
    15: async () => {
      await feel(kai, ["ashamed", "sad"], 6, "private");
      await paragraph(
        robin,
        "p-understanding",
        "understanding",
        "We had both stopped saying what we needed. Kai turned away instead of turning toward Robin.",
      );
      await paragraph(
        kai,
        "p-learned",
        "learned",
        "We learned that being busy can hide being lonely.",
      );
    },
    16: async () => {
      await robin.call(questions.letGo, { params: { id: need("q-feelings") } });
      await mark(kai, "p-understanding", 1, "agree");
      await mark(
        robin,
        "p-learned",
        1,
        "needs-talk",
        "True, but I don't want it to sound as if being busy explains it.",
      );
    },
    17: async () => {
      await feel(robin, ["sad", "hopeful"], 5, "private");
      await mark(robin, "p-understanding", 1, "agree");
      await kai.call(story.edit, {
        params: { id: need("p-learned") },
        body: {
          text: "Being busy hid how lonely we both were. That explains how far apart we drifted; it does not explain the lying, which was Kai's choice.",
          version: 1,
        },
      });
      await mark(kai, "p-learned", 2, "agree");
    },
    18: async () => {
      await reflect(
        kai,
        "k-fears",
        "fears-unseen",
        "That you would find me boring if I said how small my days felt.",
        "private",
      );
      await reflect(
        robin,
        "r-avoiding",
        "patterns-avoiding",
        "Money and your mother. We both went quiet and reached for our phones.",
        "couple",
      );
      await mark(robin, "p-learned", 2, "agree");
      await paragraph(
        kai,
        "p-commitments",
        "commitments",
        "Kai will send word on leaving work and go through the bank statements with Robin on Sundays, for as long as that helps. Robin will say when a memory comes back rather than carry it alone. Every Sunday, both of us will say how it is going.",
      );
      await mark(kai, "p-commitments", 1, "agree");
    },
    19: async () => {
      await ask("q-why", "Why didn't you tell me when I asked you directly in April?");
      await mark(robin, "p-commitments", 1, "agree");
      await share(
        "v3",
        "From January to August I was in a relationship with a colleague. I chose, again and again, to keep it going and to lie to you about it, including after I told you it was over.",
        "You stopped trusting your own memory of last year. You have not slept well since March. You feel foolish for believing me, and you are not foolish.",
        "I was lonely and afraid that telling you would sound like blame. When you asked me straight out in April I was ashamed, and I told myself I could end it quietly and spare you. That spared me, not you.",
      );
      await kai.call(story.sign, { query: {} });
    },
    20: async () => {
      await answer(
        "q-why",
        "Because I was ashamed and afraid of losing you, and I told myself a quiet ending would spare you. It only spared me. I've put it in the statement too.",
      );
      await respond("v3", "yes");
      await robin.call(story.sign, { query: {} });
    },
  };
  return days;
}
