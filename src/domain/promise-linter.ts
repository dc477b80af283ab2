/**
 * The promise linter for the promise builder in Rebuild. Trust grows back through small,
 * consistent actions rather than grand gestures, so a promise says what concrete thing will be
 * done, when, and how the partner would notice. This finds the familiar ways a heartfelt promise
 * drifts away from that: all-or-nothing words, verbs nobody could watch happen, no set time,
 * nothing to notice, too many promises at once, too much in one. It advises and never blocks.
 *
 * Pure and English only. It runs in the browser on every keystroke (and on the server with the
 * same result), so every pattern is compiled once, here, and a call is a few regex scans.
 *
 * Precision matters more than recall: a wrong mark on a good, small promise teaches the writer
 * that the helper is noise. So a pattern names the words that make a promise grand or vague, and
 * a phrase we do not recognise is left alone rather than guessed at.
 */

export const PROMISE_ISSUES = [
  "absolute",
  "vague-verb",
  "no-cadence",
  "not-observable",
  "too-many",
  "too-big",
] as const;
export type PromiseIssue = (typeof PROMISE_ISSUES)[number];

export const PROMISE_CADENCE_KINDS = ["daily", "weekdays", "weekly", "situational"] as const;
export type PromiseCadenceKind = (typeof PROMISE_CADENCE_KINDS)[number];

/** When a promise is due. `days` (for "weekdays") are spelled as in schedule.ts: "mon" … "sun". */
export interface PromiseCadence {
  kind: PromiseCadenceKind;
  days?: readonly string[];
}

export interface PromiseDraft {
  /** The promise in the promiser's words, e.g. "Text you when I leave work". */
  text: string;
  /** How the partner would notice it was kept. */
  noticeHow: string;
  cadence: PromiseCadence | null;
  /** Promises of this person's already active, not counting this draft. */
  activePromises: number;
}

export interface PromiseLint {
  issue: PromiseIssue;
  /**
   * UTF-16 offsets into `text`, end exclusive, for the words the lint is about; null for
   * whole-promise issues. Only "absolute" and "vague-verb" lints point at words.
   */
  start: number | null;
  end: number | null;
  /** The marked words as written, or null for whole-promise issues. */
  text: string | null;
  /** One or two plain sentences: why this can make the promise harder to keep or to see. */
  why: string;
  /** A small, concrete version to consider, shaped from the writer's own words where we can. */
  instead: string;
}

/** Labels for the legend. */
export const PROMISE_ISSUE_LABELS: Record<PromiseIssue, string> = {
  absolute: "All-or-nothing words",
  "vague-verb": "Hard to see done",
  "no-cadence": "No set time",
  "not-observable": "Hard to notice",
  "too-many": "Many promises at once",
  "too-big": "Several things in one",
};

/**
 * At most this many promises are active at once; a fourth draft is flagged. Each promise is a
 * new habit to keep in view, every day, through a tiring time. Spread over many, attention thins,
 * a few of them slip, and the wall of missed days reads like failure to both partners even when
 * the effort is real. A few kept steadily say more than many kept sometimes, and a new one can
 * join when an old one feels easy or is retired at its review.
 */
export const MAX_ACTIVE_PROMISES = 3;

/**
 * Past this many words a promise is usually holding more than one thing, or an explanation
 * along with it. Who, what and when fit comfortably in fewer.
 */
export const MAX_PROMISE_WORDS = 25;

type SpanIssue = "absolute" | "vague-verb";

interface SpanRule {
  issue: SpanIssue;
  /** Compiled by `phrase`. */
  pattern: RegExp;
  why: string;
  /** The suggestion, given the marked words and the words that follow them. */
  instead: (marked: string, after: string) => string;
  /** A check the pattern cannot express well, given the whole text and the mark's offsets. */
  applies?: (text: string, start: number, end: number) => boolean;
}

/** Not followed by a word character or an apostrophe (written as escapes, so `phrase` skips them). */
const NOT_WORD = "(?![\\w\\u0027\\u2019])";

/**
 * Patterns are written as prose so they stay readable: a space stands for any run of whitespace
 * (so a phrase may break across lines) and an apostrophe for either ' or ’. Neither may appear
 * inside a character class (use NOT_WORD to end a lookahead on a word), and " ?" must not be used
 * (it would read as "one or more, lazily"): write `\\s*` instead. Words are bounded by
 * lookarounds rather than `\b`, so "100%" can end one.
 */
function phrase(source: string, flags = "gi"): RegExp {
  const pattern = source.replaceAll(" ", "\\s+").replaceAll("'", "['’]");
  return new RegExp(`(?<![\\w\\u0027\\u2019])(?:${pattern})${NOT_WORD}`, flags);
}

/** First letter up, for a suggestion quoting the writer's words as a promise of its own. */
function sentenceCase(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Runs of whitespace as single spaces, so a quoted phrase reads on one line. */
function oneLine(words: string): string {
  return words.replace(WHITESPACE, " ").trim();
}

const WHITESPACE = /\s+/g;
/** A letter or a digit, in any script: what makes a run of characters a word. */
const WORD = /[\p{L}\p{N}]/u;

/** How far past a mark to look for the clause it belongs to: six words fit with room to spare. */
const CLAUSE_REACH = 80;

/** The words after a mark up to the end of its clause, at most six, or null. */
function clauseAfter(after: string): string | null {
  const clause = CLAUSE_AFTER.exec(after)?.[1];
  if (clause === undefined) return null;
  const words = oneLine(clause).replace(TRAILING_AGAIN, "").split(" ");
  return words.length > 0 && words.length <= 6 && words[0] !== "" ? words.join(" ") : null;
}

const CLAUSE_AFTER = /^\s+([^.,;:!?()]+?)(?=\s*(?:[.,;:!?()]|$|\s(?:and|but|or|so|because)\s))/i;
const TRAILING_AGAIN = /\s+(?:ever\s+)?again$/i;

/** Verbs a "never" can stand in front of that name a pull the writer can report instead. */
const TEMPTATION =
  /^(?:lie|hide|keep|contact|text|message|call|see|meet|talk|speak|gamble|bet|drink|spend|use|visit|chat|reply|answer|follow|flirt|watch|download|delete|borrow|buy|cheat|sneak|open|look)\b/i;

/** Verbs someone could see done: what the linter counts as concrete. */
const CONCRETE =
  /^(?:send|call|ring|phone|tell|show|put|text|message|email|check|leave|ask|share|come|answer|reply|sit|talk|look|keep|let|bring|give|write|read|go|meet|plan|book|cook|walk|turn|switch|hand|pay|save|pick|set)\b/i;

const DAY_TIME_EXAMPLE = "“Text you before 17:00 if I'll be later than I said.”";

/** A vague phrase's suggestion, always naming the writer's own words. */
const turn = (marked: string, example: string) =>
  `Turn “${oneLine(marked)}” into one thing your partner could see you do, like ${example}`;

/** What a "be …" phrase could look like as an action, by the trait it names. */
const TRAIT_EXAMPLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/open|share|talk|communicat/i, "“Tell you one thing about my day each evening at dinner.”"],
  [
    /honest|transparent|truthful|upfront|forthcoming/i,
    "“Tell you the same day about anything I'm tempted to keep to myself.”",
  ],
  [/present|attentive|focused|engaged/i, "“Put my phone in another room while we eat together.”"],
  [
    /patient|calm|gentle|kind|nice|understanding|respectful|considerate|soft/i,
    "“Say so when I notice I'm getting sharp, and take ten minutes before we go on.”",
  ],
  [
    /loving|affectionate|romantic|caring|warm|thoughtful/i,
    "“Tell you one thing I appreciated about you each evening.”",
  ],
  [
    /available|reachable|responsive|reliable|punctual|on time/i,
    "“Answer your messages within an hour on workdays.”",
  ],
  [
    /support|help|involved/i,
    "“Ask you each Sunday which one thing would help you most that week.”",
  ],
];

const TRAITS =
  "honest|open|transparent|truthful|upfront|present|faithful|loyal|patient|kind|kinder|nice|nicer|gentle|gentler|supportive|loving|affectionate|attentive|considerate|reliable|trustworthy|respectful|understanding|different|perfect|calmer|more caring|caring|thoughtful|good to you|kind to you|someone you can (?:trust|count on|rely on)";

/** Ways of saying "very" in front of a trait: an absolute of their own, so never in the mark. */
const INTENSIFIERS = "completely|totally|entirely|perfectly|fully|really|truly|always|100\\s*%";

/**
 * "To be honest, …" opens a sentence; it promises nothing. Only the few characters around the
 * mark are looked at, so a long text costs no more per mark than a short one.
 */
function notFiller(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 24);
  const before = text.slice(from, start);
  const opens = from === 0 ? FILLER_OPENING.test(before) : false;
  return !(
    (opens || FILLER_AFTER_STOP.test(before)) &&
    FILLER_AFTER.test(text.slice(end, end + 8))
  );
}
const FILLER_OPENING = /^\s*to\s+$/i;
const FILLER_AFTER_STOP = /[.!?,;:]\s*to\s+$/i;
const FILLER_AFTER = /^\s*,/;

const NEVER_WHY =
  "“Never” can be broken by a single slip, and then the whole promise can feel lost to you both. A promise about what you will do, and when, is one you can keep and your partner can see.";

/**
 * All-or-nothing words. Decisions, each with its reason:
 * - "every evening", "every Sunday", "every weekday" are cadence words and never fire: only
 *   "every single …", "each and every …" and a bare "every time" promise perfection.
 * - "every time" followed by who or what ("every time they get in touch", "every time I go out")
 *   names a situation, like "whenever", so it is a cadence too.
 * - "as always", "like always" describe a habit already there; "not always", "won't always",
 *   "almost always" are honest about limits. None of them fire.
 * - "whenever" and "ever" on their own are not absolutes.
 */
const ABSOLUTE_RULES: readonly SpanRule[] = [
  {
    issue: "absolute",
    pattern: phrase("never(?: ever)?(?: again)?"),
    why: NEVER_WHY,
    instead: (_marked, after) => {
      const clause = clauseAfter(after);
      if (clause !== null && TEMPTATION.test(clause)) {
        return `Say what you'll do when it's hard, rather than “never”: “If I'm tempted to ${clause}, tell you the same day.”`;
      }
      return `Say what you will do instead, and when, like ${DAY_TIME_EXAMPLE}`;
    },
  },
  {
    issue: "absolute",
    pattern: phrase("always(?<!(?:as|like|not|n't|almost|nearly) always)"),
    why: "“Always” asks for a perfect record. A set time is something you can keep, and your partner can count on it.",
    instead: (_marked, after) => {
      const clause = clauseAfter(after);
      if (clause !== null && CONCRETE.test(clause)) {
        return `Give it a when instead of “always”: “${sentenceCase(clause)}” each weekday, say, or whenever a situation you name comes up.`;
      }
      return "Swap “always” for a when you can keep: “each weekday evening”, say, or “whenever my plans change”.";
    },
  },
  {
    issue: "absolute",
    pattern: phrase(
      "forever(?:more)?|from now on|from (?:this day|today) (?:on|onwards?|forward)|for the rest of (?:my|our) li(?:fe|ves)|for as long as I live",
    ),
    why: "A promise with no end is hard to look at again together. Promising for a set stretch, and renewing it at its review, holds up better.",
    instead: () =>
      "Try “for the next four weeks”, and look at it again together when the review comes round.",
  },
  {
    issue: "absolute",
    pattern: phrase(
      `every single(?: (?:time|day|one|night|morning|evening))?|each and every(?: (?:time|day|one))?|every time(?! (?:I|I'm|I've|you|you're|they|they're|we|we're|he|she|someone|somebody|anyone|anybody|it|it's|my|your|our|their|the|a|an|this|that|there|there's|plans)${NOT_WORD})`,
    ),
    why: "This leaves no room for a single miss, and there will be days that go wrong. The app's score forgives one lapse; the promise can too.",
    instead: () =>
      "Name the when instead: “every day” or “whenever my plans change” already say enough, and an agreed exception can be marked as excused.",
  },
  {
    issue: "absolute",
    pattern: phrase(
      `no matter what|whatever it takes|at all costs|without (?:fail|exception)|under any circumstances|no exceptions|all the time|at all times|24/7|(?:a)?round the clock|every (?:waking )?(?:moment|minute|second(?! (?:day|week|weekend|month|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?${NOT_WORD}))`,
    ),
    why: "Life will sometimes get in the way: illness, travel, a day that falls apart. A promise that allows for that is one you can keep with a clear conscience.",
    instead: () =>
      "Say what happens when you can't: “…, and if I can't, I'll text you beforehand.” The app has “excused” for days agreed ahead.",
  },
  {
    issue: "absolute",
    pattern: phrase("100\\s*%|(?:one |a )?hundred percent|100 percent|completely|totally|entirely"),
    why: "A degree like “100%” or “completely” can't be seen or counted. Your partner can notice an action, not a percentage.",
    instead: () => "Leave out the measure and name the action itself, with its when.",
  },
  {
    issue: "absolute",
    pattern: phrase(
      "ever again(?<!(?:never|if|when|whenever) (?:I|you|they|we|it|I'm) ever again)",
    ),
    why: NEVER_WHY,
    instead: () => `Say what you will do instead, and when, like ${DAY_TIME_EXAMPLE}`,
  },
];

/**
 * Verbs nobody could watch happen. A concrete action has a verb you could see done ("send",
 * "call", "tell", "show", "put", "text", "check in", "leave", "ask", "share", "come home"); these
 * are the phrases that sound like one but name a hope, a feeling or an effort. A promise whose
 * verb is missing from both lists is left alone.
 */
const VAGUE_RULES: readonly SpanRule[] = [
  {
    issue: "vague-verb",
    pattern: phrase(
      "(?:be|being|become) (?:a |the )?(?:better|best)(?: (?:person|partner|spouse|husband|wife|man|woman|boyfriend|girlfriend|version of myself|listener|friend|parent|communicator|me))?|do better|be the (?:person|partner|one) (?:you deserve|you need|you can trust)|be who you (?:deserve|need)",
    ),
    why: "“Better” is a hope rather than something your partner can see you do, and on any given day neither of you could say whether it was kept.",
    instead: (marked) =>
      turn(marked, "“Ask you each evening how your day went, with my phone put away.”"),
  },
  {
    issue: "vague-verb",
    pattern: phrase(
      "try (?:harder|my (?:best|hardest)|to do better)|do (?:my|my very|the) best(?: I can)?|give (?:it|this|us|you) (?:my all|everything)|give (?:it|this|us|you)(?= (?:100\\s*%|a hundred percent))|make (?:an|more|a real|a bigger|every) effort",
    ),
    why: "Effort is real, but it happens on the inside. Your partner can only see what you did, not how hard it was.",
    instead: (marked) =>
      `Name the action rather than the effort behind “${oneLine(marked)}”, like “Put my phone away during dinner on weeknights.”`,
  },
  {
    issue: "vague-verb",
    pattern: phrase(
      `(?:be|being) (?:(?:much |a lot |a little |a bit |so much )?(?:more|less) (?!than${NOT_WORD})[\\w-]+|(?:${TRAITS})(?: (?:with|to) you)?)|(?:${TRAITS})(?<=(?:be|being) (?:${INTENSIFIERS}) (?:${TRAITS}))(?: (?:with|to) you)?`,
    ),
    why: "This names a way of being, which is a good wish, but your partner can't point to the moment it happened. An action they can see lets the promise speak for itself.",
    instead: (marked) =>
      turn(
        marked,
        TRAIT_EXAMPLES.find(([pattern]) => pattern.test(marked))?.[1] ??
          "“Ask you each evening how your day went, with my phone put away.”",
      ),
    applies: notFiller,
  },
  {
    issue: "vague-verb",
    pattern: phrase(
      `change(?<=(?:will|'ll|going to|gonna|promise to|want to|need to|can|try to|ready to|determined to) (?:(?:really|truly|finally) )?change)(?: (?:my ways|who I am|my behaviou?r|my attitude|as a person|for the better|for good|for you))?(?=\\s*(?:[.!?,;]|$)|\\s+(?:and|so|because|for)${NOT_WORD})|turn over a new leaf|become a (?:new|different|better) (?:person|partner)`,
    ),
    why: "Change is the hope behind every promise here. On its own it doesn't say what your partner will see that is different.",
    instead: () =>
      "Name one change your partner could see: “Come home by 19:00 on weekdays, or text by 18:00 if I can't.”",
  },
  {
    issue: "vague-verb",
    pattern: phrase(
      "make (?:it|this|things|everything) (?:up to you|right)|make amends|make up for (?:it|this|what I did|everything)",
    ),
    why: "Making up for it can start to feel like a debt that is never quite paid. Small things kept, one at a time, tend to mean more.",
    instead: (marked) =>
      `Offer one small, repeatable thing in place of “${oneLine(marked)}”, like “Keep Friday evenings free for just the two of us.”`,
  },
  {
    issue: "vague-verb",
    pattern: phrase(
      "be there for you(?: more)?|be (?:by your side|your rock)|support you (?:more|better)|help you more",
    ),
    why: "“Being there” means something different to each person, and on a hard day your partner may not know whether this is it.",
    instead: (marked) =>
      `Say what “${oneLine(marked)}” looks like on a hard day, like “Call you at lunch on the days you tell me are hard.”`,
  },
  {
    issue: "vague-verb",
    pattern: phrase(
      "work on (?:myself|me|it|this|us|things|our relationship|our marriage|my (?:issues|stuff|problems|communication|anger|temper|trust issues|behaviou?r|self))",
    ),
    why: "Inner work matters, and most of it can't be seen. Tying it to something your partner can see lets them know it's happening.",
    instead: (marked) =>
      `Give “${oneLine(marked)}” a shape your partner can see, like “Tell you each Sunday one thing I'm learning about myself, and where I learned it.”`,
  },
  {
    issue: "vague-verb",
    pattern: phrase(
      "show you (?:that |how much )?I (?:really )?(?:care|love you|mean it|'m serious|am serious|'ve changed|have changed|can change|'m sorry|am sorry|'m different|am different|'m committed|am committed|'m trying|am trying|value you)|show (?:you )?my love|prove (?:myself|it to you|it|to you|that I(?:'ve| have)? changed|I(?:'ve| have) changed)",
    ),
    why: "Caring is shown in things your partner can see, and a promise to show it leaves them to guess which things count.",
    instead: (marked) =>
      `Pick the sign for “${oneLine(marked)}”, like “Text you at lunch each weekday to ask how your morning went.”`,
  },
  {
    issue: "vague-verb",
    pattern: phrase(
      "(?:earn|win|gain|get) (?:back )?your trust(?: back)?|(?:regain|rebuild|restore|repair) (?:your|our|the) trust|(?:earn|win) you back|earn (?:back )?your (?:love|respect|forgiveness)|make you trust me(?: again)?|deserve your trust",
    ),
    why: "Trust is what grows back when small promises are kept, so it can't be the promise itself.",
    instead: (marked) =>
      `Choose one small thing that lets trust grow, in place of “${oneLine(marked)}”, like “Put my evenings out in our shared calendar each Sunday.”`,
  },
  {
    issue: "vague-verb",
    pattern: phrase(
      `communicate (?:better|more openly|more|openly)|listen (?:better|more)(?: to you)?|open up(?: more)?(?: (?:to|with) you)?(?! (?:the|a|an|my|our|your|this|that|it)${NOT_WORD})|pay more attention(?: to you)?|pay attention to you|spend more time (?:with you|together|at home|with the family)|put you first|prioriti[sz]e (?:you|us|our relationship|our marriage|our family|this)|love you (?:more|better)|treat you (?:better|right|well|with respect|the way you deserve)|make you (?:feel )?(?:happy|happier|safe|safer|loved|special|secure|valued|wanted)|appreciate you more|respect you more`,
    ),
    why: "This is a good wish, and it can come true in so many ways that neither of you would know for sure when it did.",
    instead: (marked) => {
      if (/listen|communicat|open|attention/i.test(marked)) {
        return turn(marked, "“Ask you about your day each evening, with my phone away.”");
      }
      if (/time|first|priorit/i.test(marked)) {
        return turn(marked, "“Keep Saturday mornings for just the two of us.”");
      }
      if (/feel|happy|safe|secure/i.test(marked)) {
        return turn(marked, "“Tell you where I'm going before I go out in the evening.”");
      }
      return turn(marked, "“Tell you one thing I appreciated about you each evening.”");
    },
  },
];

/** In order of precedence: when two marks of the same length overlap, the earlier rule's stays. */
const SPAN_RULES: readonly SpanRule[] = [...ABSOLUTE_RULES, ...VAGUE_RULES];

function spanCandidates(text: string): PromiseLint[] {
  const found: PromiseLint[] = [];
  for (const rule of SPAN_RULES) {
    // The patterns are global and shared: each scan must start at the beginning again.
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (rule.applies && !rule.applies(text, start, end)) continue;
      found.push({
        issue: rule.issue,
        start,
        end,
        text: match[0],
        why: rule.why,
        instead: rule.instead(match[0], text.slice(end, end + CLAUSE_REACH)),
      });
    }
  }
  return found;
}

/** Longest first (the sort is stable, so ties keep rule order), then drop any that overlap. */
function withoutOverlaps(lints: PromiseLint[]): PromiseLint[] {
  const kept: PromiseLint[] = [];
  const length = (lint: PromiseLint) => (lint.end ?? 0) - (lint.start ?? 0);
  for (const lint of lints.sort((a, b) => length(b) - length(a))) {
    const [start, end] = [lint.start ?? 0, lint.end ?? 0];
    if (kept.every((other) => end <= (other.start ?? 0) || start >= (other.end ?? 0))) {
      kept.push(lint);
    }
  }
  return kept.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/** Words that name the moment a situational promise is due. */
const SITUATION = phrase(
  "when|whenever|if|before|after|as soon as|the (?:moment|minute|day)|any\\s*time|each time|every time|on (?:the )?days? (?:when|that|I|you)",
);

/** Cadence words a writer may have put in the text, and the cadence they point to. */
const CADENCE_HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    phrase(
      "(?:every|each) (?:day|morning|evening|night|afternoon|lunchtime)|daily|nightly|twice a day",
    ),
    "“daily”",
  ],
  [
    phrase(
      "(?:(?:every|each|on) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend|workday|work day|weeknight)s?",
    ),
    "“on given weekdays”",
  ],
  [phrase("(?:every|each|per) week|weekly|once a week"), "“weekly”"],
];

function cadenceLint(draft: PromiseDraft): PromiseLint | null {
  const { cadence, text } = draft;
  if (cadence === null) {
    let hint: { at: number; words: string; choice: string } | null = null;
    for (const [pattern, choice] of CADENCE_HINTS) {
      pattern.lastIndex = 0;
      const match = pattern.exec(text);
      if (match && (hint === null || match.index < hint.at)) {
        hint = { at: match.index, words: oneLine(match[0]), choice };
      }
    }
    if (hint === null) {
      SITUATION.lastIndex = 0;
      const match = SITUATION.exec(text);
      if (match) {
        const after = match.index + match[0].length;
        const clause = clauseAfter(text.slice(after, after + CLAUSE_REACH));
        const words = clause === null ? `${match[0]} …` : `${match[0]} ${clause}`;
        hint = { at: match.index, words: oneLine(words), choice: "“whenever a situation arises”" };
      }
    }
    return wholeLint(
      "no-cadence",
      "Without a when, neither of you can tell whether the promise was due today, or whether it was kept.",
      hint === null
        ? "Add a when: daily, on given weekdays, weekly, or whenever a situation you name comes up, like “Text you when I leave work, every weekday.”"
        : `You wrote “${hint.words}”: choose ${hint.choice} as the cadence, so each time it's due is clear to you both.`,
    );
  }
  if (cadence.kind === "weekdays" && (cadence.days ?? []).length === 0) {
    return wholeLint(
      "no-cadence",
      "“On given weekdays” needs the days picked, or the promise is never quite due.",
      "Pick the days that fit your week, like Monday to Friday, or Tuesday and Thursday.",
    );
  }
  SITUATION.lastIndex = 0;
  if (cadence.kind === "situational" && !SITUATION.test(text)) {
    return wholeLint(
      "no-cadence",
      "A promise for “whenever a situation arises” needs the situation in its words; otherwise neither of you will know when it was due.",
      "Name the moment in the promise: “… when my plans change”, or “… before I go out in the evening”.",
    );
  }
  return null;
}

/** Ways of saying "you'll just have to believe me" where a sign would go (not global: tested once). */
const VAGUE_NOTICE = phrase(
  `you(?:'ll| will| would|'d)? (?:just )?(?:feel|sense) (?:it|the difference|a difference|the change|a change|safer|better|loved|closer|happier|more [\\w-]+)|you(?:'ll| will)(?: just)? know|you just know|trust me|believe me|take my word(?: for it)?|you(?:'ll| will) (?:be able to )?(?:see|notice|tell) (?:a |the )?(?:difference|change)|you(?:'ll| will) (?:be able to )?tell|you(?:'ll| will) (?:just )?see(?! (?:me|it|my|the|a|that|them|your|our|when|how|where|what)${NOT_WORD})|it(?:'ll| will) (?:be obvious|show)|things will (?:be|get) better|I(?:'ll| will) (?:just )?be (?:different|better|a different person|more [\\w-]+)|you won't have to (?:wonder|worry|ask)|hopefully|I hope|in time|eventually|over time|you'll see I(?:'ve| have) changed|I(?:'ll| will) prove it`,
  "i",
);

/** Signs someone could see or hear; a notice with one of these is concrete enough. */
const CONCRETE_NOTICE = phrase(
  "\\d+|messages?|texts?|calls?|rings?|notes?|calendar|app|photos?|screenshots?|statements?|list|e-?mails?|voice|see me|hear me|hear (?:it )?from me|you(?:'ll| will)? get|receive|find|on the (?:table|fridge|counter|shelf)|face up|in the kitchen|sit(?:ting)?|we (?:sit|talk|look|meet|go|open)|I(?:'ll| will)? (?:show|tell|ask|put|send|call|text|sit)|in writing|written",
  "i",
);

/** What a partner would see or hear, by the first concrete verb of the promise. */
const NOTICE_EXAMPLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:text|message|send|email|write)/i, "“You'll get a message from me by 18:00 at the latest.”"],
  [/^(?:call|ring|phone)/i, "“You'll get a call from me at lunchtime.”"],
  [/^(?:tell|share)/i, "“You'll hear it from me the same day, before you hear it anywhere else.”"],
  [/^show/i, "“I'll show you, and you can look for as long as you like.”"],
  [/^ask/i, "“You'll hear me ask, and I'll stay for the answer.”"],
  [/^check/i, "“You'll hear from me before 13:00.”"],
  [/^come/i, "“You'll see me come through the door by 19:00.”"],
  [/^(?:put|leave)/i, "“You'll see it there yourself, whenever you look.”"],
  [/^(?:answer|reply)/i, "“Your messages get an answer within the hour.”"],
  [/^(?:sit|talk|look|meet|walk|cook)/i, "“We'll be doing it together, so you'll see it.”"],
];

const NOTICE_GENERIC =
  "“You'll get a message from me by 18:00”, or “You'll see my phone face up on the table.”";

function observableLint(draft: PromiseDraft): PromiseLint | null {
  const notice = draft.noticeHow.trim();
  let vague: string | null = null;
  // A dash or a full stop is as good as nothing.
  if (WORD.test(notice)) {
    const match = VAGUE_NOTICE.exec(notice);
    if (match === null || CONCRETE_NOTICE.test(notice)) return null;
    vague = oneLine(match[0]);
  }
  const verb = firstAction(draft.text);
  const example =
    NOTICE_EXAMPLES.find(([pattern]) => verb !== null && pattern.test(verb))?.[1] ?? NOTICE_GENERIC;
  return wholeLint(
    "not-observable",
    vague === null
      ? "Without a sign to notice, your partner is left to take the promise on faith, which is a lot while trust is still growing back."
      : `“${vague}” leaves your partner to take the promise on faith, which is a lot while trust is still growing back. Something they can see or hear lets it speak for itself.`,
    `Say what your partner would see or hear, like ${example}`,
  );
}

interface Segment {
  /** The first verb-like word after any "I'll", "also", "never" and the like, lowercased. */
  head: string | null;
  /** The word after the head, lowercased. */
  next: string | null;
  /** Whether the segment says who acts ("I'll call you"), so its verb is surely a verb. */
  explicit: boolean;
  /** Whether the segment names a situation whose actor is someone else: "if they call". */
  othersSituation: boolean;
  /** Whether the segment opens with "or", "otherwise": a fallback, not another action. */
  fallback: boolean;
  /** How the segment was joined to the one before: "and" or a comma. */
  joiner: "and" | ",";
  words: string;
}

/** Where one thing a promise holds may end and another begin. "each and every" is one thing. */
const JOINERS = /[,;&]|(?<![\w'’])(?:and(?<!each\s+and)|plus|as\s+well\s+as)(?![\w'’])/gi;
const COMMA = /[,;]/;
const TOKEN = /[a-z0-9%]+(?:'[a-z]+)?/g;

/** Words before the verb that say who, how sure, or how often: skipped to find the verb. */
const LEAD = new Set([
  "or",
  "and",
  "but",
  "so",
  "then",
  "also",
  "plus",
  "i",
  "we",
  "i'll",
  "we'll",
  "i'd",
  "will",
  "shall",
  "can",
  "could",
  "would",
  "should",
  "must",
  "won't",
  "not",
  "don't",
  "always",
  "never",
  "still",
  "really",
  "truly",
  "finally",
  "completely",
  "totally",
  "actually",
  "just",
  "to",
  "first",
  "promise",
  "promised",
  "commit",
  "agree",
  "intend",
  "that",
]);
/** Lead words that count only when "to" follows: "try to call", "want to tell". */
const LEAD_BEFORE_TO = new Set(["try", "want", "plan", "going", "mean", "need", "am", "i'm"]);
/** Lead words that say who acts. */
const ACTOR = new Set(["i", "we", "i'll", "we'll", "will", "shall", "won't", "promise"]);

/** Verbs that open an action of their own when they follow "and" or a comma. */
const ACTION_VERBS = new Set([
  "send",
  "call",
  "ring",
  "phone",
  "tell",
  "show",
  "put",
  "text",
  "message",
  "email",
  "check",
  "leave",
  "ask",
  "share",
  "come",
  "go",
  "answer",
  "reply",
  "respond",
  "write",
  "read",
  "listen",
  "sit",
  "look",
  "plan",
  "book",
  "cook",
  "walk",
  "meet",
  "hug",
  "set",
  "turn",
  "switch",
  "delete",
  "block",
  "unfollow",
  "cancel",
  "pay",
  "save",
  "spend",
  "hand",
  "join",
  "attend",
  "see",
  "hold",
  "help",
  "clean",
  "wash",
  "drive",
  "pick",
  "drop",
  "keep",
  "stay",
  "stop",
  "start",
  "give",
  "take",
  "bring",
  "let",
  "make",
  "do",
  "be",
  "try",
  "work",
  "change",
  "earn",
  "win",
  "rebuild",
  "regain",
  "restore",
  "become",
  "prioritise",
  "prioritize",
  "open",
  "apologise",
  "apologize",
  "prove",
  "communicate",
  "love",
  "treat",
  "support",
  "talk",
  "lie",
  "hide",
  "contact",
  "remind",
  "thank",
  "invite",
  "visit",
  "avoid",
  "limit",
]);

/** Verbs that are just as often nouns ("every call and text"): a verb only before an object. */
const NOUN_TOO = new Set([
  "call",
  "ring",
  "phone",
  "text",
  "message",
  "email",
  "check",
  "answer",
  "reply",
  "look",
  "plan",
  "book",
  "walk",
  "hug",
  "set",
  "turn",
  "switch",
  "block",
  "pay",
  "hand",
  "help",
  "drive",
  "pick",
  "drop",
  "stay",
  "stop",
  "start",
  "work",
  "change",
  "love",
  "support",
  "talk",
  "lie",
  "contact",
  "visit",
  "limit",
  "save",
]);

/** Words that can follow a verb and start its object or its when. */
const AFTER_VERB = new Set([
  "you",
  "me",
  "us",
  "them",
  "it",
  "my",
  "your",
  "our",
  "their",
  "the",
  "a",
  "an",
  "in",
  "on",
  "up",
  "out",
  "home",
  "back",
  "over",
  "to",
  "with",
  "about",
  "at",
  "by",
  "before",
  "after",
  "when",
  "whenever",
  "if",
  "each",
  "every",
  "what",
  "where",
  "how",
  "why",
  "something",
  "one",
  "once",
  "twice",
  "down",
  "away",
  "together",
  "off",
  "through",
  "for",
  "this",
  "that",
  "these",
  "those",
  "anyone",
  "someone",
]);

/** "Be home by 19:00, or text you by 18:00": what follows these is a way out, not a new action. */
const FALLBACK = new Set(["or", "otherwise", "else", "unless"]);
const SITUATION_HEADS = new Set(["when", "whenever", "if", "before", "after", "as", "once"]);
const SELF = new Set(["i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've"]);

/** Openers that promise nothing: "To be honest, …", "Honestly, …". */
const FILLER =
  /^\s*(?:to\s+be\s+(?:honest|clear|fair|frank)|honestly|truthfully|frankly|look|okay|ok|so|well)\s*$/i;

function segmentOf(words: string, joiner: "and" | ","): Segment {
  const tokens = FILLER.test(words)
    ? []
    : (words.toLowerCase().replaceAll("’", "'").match(TOKEN) ?? []);
  let at = 0;
  let explicit = false;
  for (;;) {
    const token = tokens[at];
    if (token === undefined) break;
    if (LEAD.has(token)) {
      explicit ||= ACTOR.has(token);
      // "promise you I'll …": the "you" belongs to the promise, not to the action.
      at += token.startsWith("promise") && tokens[at + 1] === "you" ? 2 : 1;
    } else if (LEAD_BEFORE_TO.has(token) && tokens[at + 1] === "to") {
      at += 2;
    } else if (LEAD_BEFORE_TO.has(token) && tokens[at + 1] === "going" && tokens[at + 2] === "to") {
      explicit = true;
      at += 3;
    } else break;
  }
  let othersSituation = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const situation =
      (SITUATION_HEADS.has(token) && !(token === "as" && tokens[i + 1] !== "soon")) ||
      ((token === "every" || token === "each" || token === "any") && tokens[i + 1] === "time");
    if (!situation) continue;
    const actorAt = token === "as" ? i + 3 : token === "every" || token === "each" ? i + 2 : i + 1;
    const actor = tokens[actorAt];
    if (actor !== undefined && !SELF.has(actor)) othersSituation = true;
  }
  return {
    head: tokens[at] ?? null,
    next: tokens[at + 1] ?? null,
    explicit,
    othersSituation,
    fallback: FALLBACK.has(tokens[0] ?? ""),
    joiner,
    words: oneLine(words).replace(TRAILING_STOP, ""),
  };
}

const TRAILING_STOP = /[.!?]+$/;

function isAction(segment: Segment): boolean {
  const { head, next, explicit } = segment;
  if (head === null || !ACTION_VERBS.has(head)) return false;
  if (explicit || !NOUN_TOO.has(head)) return true;
  return next !== null && AFTER_VERB.has(next);
}

/** The text cut where one action may end and another begin. */
function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  let from = 0;
  /** How the words being gathered were joined to what came before; the text opens with ",". */
  let joiner: "and" | "," = ",";
  JOINERS.lastIndex = 0;
  for (let match = JOINERS.exec(text); match; match = JOINERS.exec(text)) {
    const words = text.slice(from, match.index);
    const kind = COMMA.test(match[0]) ? "," : "and";
    if (words.trim() !== "") {
      segments.push(segmentOf(words, joiner));
      joiner = kind;
    } else if (kind === ",") {
      // ", and" joins as a comma does: a list, or the end of a situation.
      joiner = ",";
    }
    from = match.index + match[0].length;
  }
  const rest = text.slice(from);
  if (rest.trim() !== "") segments.push(segmentOf(rest, joiner));
  return segments;
}

/**
 * The separate actions a promise holds, in its own words. "If they call and ask to meet, tell
 * you the same day" holds one: an "and" after a situation with someone else in it continues that
 * situation, until a comma closes it; and "…, or text you by 18:00" is a fallback, part of the
 * same promise.
 */
function actionsOf(text: string): Segment[] {
  const actions: Segment[] = [];
  let situationOpen = false;
  for (const segment of segmentsOf(text)) {
    if (segment.joiner === ",") situationOpen = false;
    const continues: boolean = situationOpen && segment.joiner === "and" && !segment.explicit;
    if (!continues && !segment.fallback && isAction(segment)) actions.push(segment);
    situationOpen = segment.othersSituation || continues;
  }
  return actions;
}

function firstAction(text: string): string | null {
  return actionsOf(text)[0]?.head ?? null;
}

function wordCount(text: string): number {
  return text.split(WHITESPACE).filter((word) => WORD.test(word)).length;
}

/** A quoted piece of the writer's words, cut short if it is long. */
function quoted(words: string): string {
  const all = words.split(" ");
  return `“${all.length > 8 ? `${all.slice(0, 8).join(" ")} …` : words}”`;
}

function sizeLint(text: string): PromiseLint | null {
  const actions = actionsOf(text).map((segment) => segment.words);
  const [first, ...rest] = actions;
  if (first !== undefined && rest.length > 0) {
    const others = rest.map(quoted).join(" and ");
    return wholeLint(
      "too-big",
      `This holds ${actions.length === 2 ? "two things" : `${actions.length} things`} at once. When one of them slips, the whole promise can feel broken, even though the rest was kept.`,
      `Keep ${quoted(first)} as this promise, and give ${others} ${rest.length === 1 ? "a promise of its own" : "promises of their own"} once this one feels steady.`,
    );
  }
  if (wordCount(text) > MAX_PROMISE_WORDS) {
    return wholeLint(
      "too-big",
      `At more than ${MAX_PROMISE_WORDS} words, a promise is usually holding more than one thing, or an explanation along with it.`,
      "Keep it to who, what and when in one short sentence, like “Text you when I leave work, every weekday.” The reasons can go in a note to your partner.",
    );
  }
  return null;
}

function wholeLint(issue: PromiseIssue, why: string, instead: string): PromiseLint {
  return { issue, start: null, end: null, text: null, why, instead };
}

function tooManyLint(active: number): PromiseLint {
  return wholeLint(
    "too-many",
    `You already have ${active} promises going. A few kept steadily mean more than many kept sometimes, and each new one takes attention from the others.`,
    "Let this one wait until one of your current promises feels easy, or until one is retired at its review.",
  );
}

/**
 * What could make this promise harder to keep or to see kept. Marks on words ("absolute",
 * "vague-verb") come first, in reading order and never overlapping (an "always" inside a vague
 * phrase is left to the phrase's own mark); then whole-promise lints, in PROMISE_ISSUES order.
 * With nothing written yet only "too-many" can apply: the rest would be noise before a word.
 */
export function lintPromise(draft: PromiseDraft): PromiseLint[] {
  const lints: PromiseLint[] = [];
  const written = draft.text.trim() !== "";
  if (written) {
    lints.push(...withoutOverlaps(spanCandidates(draft.text)));
    const cadence = cadenceLint(draft);
    if (cadence) lints.push(cadence);
    const observable = observableLint(draft);
    if (observable) lints.push(observable);
  }
  if (draft.activePromises >= MAX_ACTIVE_PROMISES) lints.push(tooManyLint(draft.activePromises));
  if (written) {
    const size = sizeLint(draft.text);
    if (size) lints.push(size);
  }
  return lints;
}
