/**
 * The defensiveness helper for the accountability statement. Following Lazare's work on apology,
 * an acknowledgement heals when it is complete and unconditional, and fails through a handful of
 * familiar moves: shifting blame, making it smaller, "but", hiding the actor, pointing to the
 * past, "if", and staying vague. This finds those moves so the writer can see them; it advises
 * and never blocks. Pure and English only; it runs in the browser on every keystroke, so every
 * pattern is compiled once, here, and a call is a few regex scans.
 *
 * Precision matters as much as recall: a wrong mark on an honest sentence discourages the very
 * writing this helper exists for, so each pattern asks for the context that makes it defensive.
 */

export const DEFENSIVENESS_KINDS = [
  "blame-shifting",
  "minimizing",
  "but-justification",
  "passive-voice",
  "deflecting-to-past",
  "conditional",
  "vague",
] as const;
export type DefensivenessKind = (typeof DEFENSIVENESS_KINDS)[number];

export interface DefensivenessMark {
  kind: DefensivenessKind;
  /** UTF-16 offsets into the text, end exclusive: the words the mark is about. */
  start: number;
  end: number;
  /** The marked words as written. */
  text: string;
  /** One or two plain sentences: why this can land badly on the person who was hurt. */
  why: string;
  /** A gentler, owning way to say it (a suggestion, not a rewrite of their text). */
  instead: string;
}

/** Labels for the legend. */
export const DEFENSIVENESS_LABELS: Record<DefensivenessKind, string> = {
  "blame-shifting": "Blame shifting",
  minimizing: "Minimizing",
  "but-justification": "“But” after owning it",
  "passive-voice": "Hidden actor",
  "deflecting-to-past": "Deflecting to the past",
  conditional: "Conditional apology",
  vague: "Vague apology",
};

interface Copy {
  why: string;
  instead: string;
}

/** What each kind says unless a pattern has words of its own. */
const KIND_COPY: Record<DefensivenessKind, Copy> = {
  "blame-shifting": {
    why: "This can sound as if the choice was your partner's. They usually need to hear first that it was yours; what was hard between you can have its own conversation later.",
    instead: "“This was my choice, and it's mine to answer for.”",
  },
  minimizing: {
    why: "Softening words make what happened sound smaller than it feels to your partner, and can leave them feeling their hurt is too big.",
    instead: "Let it stand at its full size, without the softening word: “I lied to you.”",
  },
  "but-justification": {
    why: "A “but” after owning something tends to cancel it: what comes after it is what your partner is likely to hear.",
    instead:
      "Let the owning end with a full stop: “I'm sorry I hid it from you.” What led up to it can be its own conversation, when your partner is ready.",
  },
  "passive-voice": {
    why: "With nobody in the sentence, nobody seems to have done anything. Your partner needs to see who acted.",
    instead: "Put yourself in the sentence: “I made choices that hurt you.”",
  },
  "deflecting-to-past": {
    why: "Pointing to how long ago it was can sound as if the hurt has a deadline. For your partner it may still feel very present.",
    instead: "“It still matters, and I'll talk about it as often as you need.”",
  },
  conditional: {
    why: "An “if” makes the hurt sound uncertain, as if it might not have happened, and can leave your partner feeling doubted.",
    instead: "Leave out the “if” and say what you know: “I hurt you when I …”",
  },
  vague: {
    why: "A general apology leaves your partner to fill in the details, and they may wonder whether you know what you did.",
    instead: "Name it plainly: “I'm sorry that I …”, with the specific thing you did.",
  },
};

interface Rule {
  kind: DefensivenessKind;
  /** Compiled by `phrase`; a group named `mark` narrows the mark to the words it is about. */
  pattern: RegExp;
  /** Words for this pattern, where the kind's own would fit it poorly. */
  copy?: Partial<Copy>;
  /** A check the pattern cannot express well, given the whole text and where the mark starts. */
  applies?: (text: string, at: number) => boolean;
}

/**
 * Patterns are written as prose so they stay readable: a space stands for any run of whitespace
 * (so a phrase may break across lines) and an apostrophe for either ' or ’. Neither may appear
 * inside a character class.
 */
function phrase(source: string, flags = "dgi"): RegExp {
  const pattern = source.replaceAll(" ", "\\s+").replaceAll("'", "['’]");
  return new RegExp(`\\b(?:${pattern})\\b`, flags);
}

/** What a "just" or an "only" can shrink: an act, a count, "a"/"one" of something. */
const SHRINKABLE =
  "a|an|one|once|twice|the once|a few|a little|a bit|a couple|some|friends|talk|talking|talked|texts?|texting|texted|chat|chatting|chatted|messages?|messaging|messaged|flirt|flirting|flirted|kiss|kissing|kissed|coffee|lunch|dinner|drinks?|words|physical|sex|online|harmless|innocent|fun|venting|vented|friendly|being friendly|hanging out|hung out|emotional|curious|lonely|bored|stupid";

/** "just a week before", "only a moment": a "just" or "only" about time, not about size. */
const ABOUT_TIME =
  "(?! (?:a|one|a few|a couple of) (?:\\w+ )?(?:minute|moment|second|hour|day|night|week|month|year)s? (?:before|after|later|ago|earlier|into|from))";

/** Phrases of apology or acknowledgement that a "but" can take back. */
const OWNING_CLAUSE = phrase(
  "sorry|apologi[sz]e|apologies|my apology|I know|I understand|I get (?:it|that|why|how)|I admit|I reali[sz]e|I see (?:that|why|how)|I was wrong|I messed up|I screwed up|I regret|I take (?:full )?responsibility|I accept|it was wrong|I should(?:n't| not)? have|I feel (?:bad|terrible|awful)|I hurt you|I lied|I cheated",
  "i",
);

/** "not only … but" is emphasis, not a justification. */
const NOT_ONLY = phrase("not (?:only|just)", "i");

const SENTENCE_END = /[.!?]+$/;

/** The sentence a "but" continues, or the one before it when the "but" opens a sentence. */
function clauseBefore(text: string, at: number): string {
  const body = text
    .slice(Math.max(0, at - 160), at)
    .trimEnd()
    .replace(SENTENCE_END, "");
  const cut = Math.max(body.lastIndexOf("."), body.lastIndexOf("!"), body.lastIndexOf("?"));
  return body.slice(cut + 1);
}

function takesBackOwning(text: string, at: number): boolean {
  const clause = clauseBefore(text, at);
  return OWNING_CLAUSE.test(clause) && !NOT_ONLY.test(clause);
}

const CHOSE = "Try “I chose to …”: it keeps the choice where it was made, with you.";

/**
 * In order of precedence: when two marks of the same length overlap, the earlier rule's stays.
 * A longer mark always wins over a shorter one, so "it just happened" is a hidden actor, not a
 * "just".
 */
const RULES: readonly Rule[] = [
  {
    kind: "blame-shifting",
    pattern: phrase(
      "you (?:made|make) me (?:do|go|act|say|lie|cheat|hide|turn|look|react|snap|leave|seek|text|drink|keep|feel (?:like )?I had to)|you (?:pushed|drove|forced|pressured) me (?:to|into|away)|you (?:left|gave) me (?:no|little) (?:choice|option|other option)|I (?:had|was given) no (?:other )?(?:choice|option)",
    ),
    copy: { instead: CHOSE },
  },
  {
    // A feeling is real and worth naming; "you made me feel" hands its cause to the partner.
    kind: "blame-shifting",
    pattern: phrase(
      "you (?:made|make) me feel (?:so |very |really |completely |totally )?(?:alone|lonely|invisible|ignored|unwanted|unloved|neglected|trapped|worthless|unseen|rejected|unimportant|like nothing|like I didn't matter|like I did not matter)",
    ),
    copy: {
      instead:
        "Name the feeling as yours: “I felt alone, and I didn't tell you.” It can be true without being the reason.",
    },
  },
  {
    kind: "blame-shifting",
    pattern: phrase(
      "because of you|because you (?:never|always|kept|didn't|did not|wouldn't|would not|weren't|were not|refused|ignored|stopped|pushed|made|constantly|were always|were never)|(?<!even )if you (?:hadn't|had not)(?! (?:found|caught|discovered|seen|asked|looked|noticed|read|checked|confronted))|(?<!even )if you(?: had|'d) (?:just |only )?(?:listened|paid attention|cared|given me|shown|treated|been (?:there|around|home|more|less|nicer|kinder|present))|if you (?:were|would be) (?:more|less|ever|around|home)|if you would (?:just|only|ever)",
    ),
    copy: {
      instead:
        "Share your reasons as your own: “I didn't tell you because I was afraid of …”, without resting them on your partner.",
    },
  },
  {
    kind: "blame-shifting",
    pattern: phrase(
      "(?:it|this|that)(?:'s| is| was) (?:partly |partially |also |half |just as much |as much )?your fault|you(?:'re| are) (?:partly |also |just as much |as much )?(?:to blame|responsible too)|you started it|what did you expect|you (?:did|do) (?:it|the same|the same thing) too|you(?:'re| are)(?:n't| not) perfect either|I(?:'m| am) not the only one (?:who|to blame|at fault)|we (?:both|all) made mistakes|(?:she|he|they) (?:came on to|seduced|pursued) me|(?:the )?(?:alcohol|drinking|drink|stress|pressure) made me",
    ),
  },
  {
    kind: "passive-voice",
    pattern: phrase(
      "(?:mistakes|errors) (?:were|have been|got) made|(?:bad )?(?:choices|decisions) were made|(?:hurtful )?(?:things|words) (?:were|got) (?:said|done)|(?:lies|untruths) (?:were|got) told|(?:trust|promises|vows|agreements) (?:was|were|has been|have been|got) broken|(?:lines|boundaries) (?:were|got|have been) crossed|feelings (?:were|got) hurt",
    ),
    copy: {
      instead: "Put yourself in the sentence: “I made mistakes”, “I broke your trust”.",
    },
  },
  {
    kind: "passive-voice",
    pattern: phrase(
      "(?<!how )(?:it|this|things|stuff) (?:just |simply |somehow |kind of |sort of )*happened(?! to me)|(?:it|things) (?:got out of hand|went too far|escalated)|one thing led to another",
    ),
    copy: {
      why: "This makes it sound as if it happened on its own. Your partner needs to see that there were choices, and whose they were.",
      instead: "Name the choices: “I chose to …, and then I chose to keep going.”",
    },
  },
  {
    kind: "deflecting-to-past",
    pattern: phrase(
      "(?:it|that|this)(?: was| is from|'s from| happened| all happened) (?:so |such a |a |a really |many |so many )?(?:long time|long|years|months|ages|decades|while) ago|(?:it|that|this)(?:'s| is| was) (?:all )?(?:in the past|behind us|over now|over and done(?: with)?|done now|ancient history)|water under the bridge|(?:leave|put|keep|get|left) (?:it|this|that|all this|all that|all of this|all of that) (?:in the past|behind us)|(?:dwell|dwelling|live|living|stuck) (?:on|in) the past|the past is the past|what's done is done|let bygones be bygones",
    ),
  },
  {
    kind: "deflecting-to-past",
    pattern: phrase(
      "(?:let's|let us|we (?:need|have|ought|got) to|we should|we must|can we|can't we|why can't you|can't you|you (?:need|have|ought) to|you should|you must|it's time to|time to) (?:just |all |finally )?(?:move on|let it go|let this go|let that go|get over it|get over this|get past it|get past this|forget about it|forgive and forget)",
    ),
    copy: { instead: "“I hope we can heal, and I'll go at your pace.”" },
  },
  {
    kind: "deflecting-to-past",
    pattern: phrase(
      "(?<!(?:ask|asking|tell|telling|want|expect) you to )(?:why (?:do |must |would )?(?:you )?)?(?:keep|always|stop|quit) (?:bringing|dragging|digging|throwing) (?:it|this|that|all this|all that|it all|this all|that all) (?:back )?(?:up|in my face)|(?:bring|bringing|dig|digging|drag|dragging) up the past",
    ),
    copy: {
      why: "This can tell your partner that the hurt is a nuisance. Coming back to it is often how healing works.",
      instead: "“Thank you for telling me it's still on your mind. I'm here to talk about it.”",
    },
  },
  {
    kind: "conditional",
    pattern: phrase(
      "(?<!what |even )if (?:I|I've|I have|I ever|I may have|I might have) (?:hurt|upset|offended|wounded|disappointed|harmed|caused you pain|let you down)(?: you)?(?! (?:\\w+ )?again)|if you (?:were|felt|got|have been|'ve been|are|feel) (?:hurt|upset|offended|wounded|disappointed|betrayed|let down)|if (?:that|this|it|what I (?:did|said)) (?:(?:upset|hurt|offended|bothered|wounded)(?: you)?|came across)|if anything I (?:did|said|have done|'ve done)|if I (?:was|were|have been|'ve been) (?:wrong|in the wrong|out of line|hurtful|unfair)|if I (?:made|'ve made|have made) (?:a mistake|mistakes)|if that's how you (?:feel|see it)|if that is how you (?:feel|see it)|if you (?:feel|see it) that way|if you took it (?:the wrong way|that way|badly|personally)|if in any way",
    ),
  },
  {
    kind: "conditional",
    pattern: phrase(
      "(?:to the extent|insofar as|in so far as)(?! (?:that )?(?:I can|I'm able|I am able|possible|you want|you need))(?: that)?",
    ),
  },
  {
    kind: "conditional",
    pattern: phrase(
      "I (?:may|might) have (?:hurt|upset|offended|lied|misled|crossed a line|been (?:wrong|unfair|dishonest|hurtful))",
    ),
    copy: {
      why: "“May have” leaves room for doubt about something your partner lived through, and can leave them feeling doubted.",
      instead: "Say it as it was: “I lied to you.”",
    },
  },
  {
    kind: "vague",
    pattern: phrase(
      "(?:for )?whatever (?:I (?:did|said|caused|'ve done|have done|may have done|might have done)|happened|it was|went wrong)|(?:for )?(?:anything|something|any hurt|any pain|any harm|any mistakes?) I (?:may|might) have (?:done|said|caused|made)|if I (?:did|'ve done|have done|said) (?:something|anything)(?: wrong| hurtful| to (?:hurt|upset) you| that (?:hurt|upset) you)?|(?:sorry|apologi[sz]e) (?:for|about) (?:everything|it all|all of it|(?:the|this|that|all) (?:whole )?(?:situation|thing|mess|stuff))(?! (?:I|that|you))|(?:the way|how) things (?:turned out|went|ended up)",
    ),
  },
  {
    kind: "vague",
    pattern: phrase(
      "sorry (?:that )?you (?:feel|felt) (?:that way|like that|this way|hurt|upset)|sorry (?:that )?you (?:were|got) (?:hurt|upset|offended)(?! (?:by|when|because))",
    ),
    copy: {
      why: "Being sorry for how your partner feels, rather than for what you did, can sound as if their feeling is the problem.",
      instead: "Apologize for the act: “I'm sorry I …, and that it hurt you.”",
    },
  },
  {
    kind: "minimizing",
    pattern: phrase(
      `just(?<!(?:had|have|has|'ve|'d|not|n't) just)${ABOUT_TIME}(?= (?:${SHRINKABLE})\\b)|only(?<!(?:the|my|your|our|their|his|her|an|not|if|n't) only)${ABOUT_TIME}(?= (?:${SHRINKABLE}|happened|lasted|saw|met|went|sent|looked|lied|did it)\\b)|technically(?= (?:I|it|we|nothing))`,
    ),
  },
  {
    kind: "minimizing",
    pattern: phrase(
      "(?:I was|I got|I've been|I have been|I) (?<mark>a little|a bit|slightly|somewhat|kind of|sort of) (?:dishonest|distant|secretive|untruthful|flirty|flirtatious|close|inappropriate|careless|selfish|unfair|harsh|mean|deceptive|sneaky)",
    ),
  },
  {
    kind: "minimizing",
    pattern: phrase(
      "(?:lied|flirted|drank|exaggerated|strayed) (?<mark>a little|a bit|slightly|somewhat)",
    ),
  },
  {
    kind: "minimizing",
    pattern: phrase(
      "(?:it|that|this)(?: wasn't| was not| isn't| is not|'s not) (?:really |even )?(?:that|so|as) (?:bad|serious|big|much|important|terrible)|no big deal|not (?:such )?a big deal|not that big (?:of )?a deal|(?:it|that|this|she|he|they) (?:didn't|did not|doesn't|does not) mean (?:anything|a thing|much)|(?:it|that|this|she|he|they) meant nothing|(?:it|that)(?: was| is|'s) (?:nothing(?! (?:like|compared|short))|harmless|innocent|meaningless|a one(?:-| )time thing|a (?:little )?white lie)|it(?:'s not| is not| isn't| wasn't| was not) (?:like|as if) I|nothing (?:really|physical|serious|much) happened",
    ),
    copy: {
      why: "Weighing how big it was takes that judgement from your partner, who is the one living with the hurt.",
      instead:
        "Leave the measuring to your partner: “I don't get to decide how much this hurt you.”",
    },
  },
  {
    kind: "minimizing",
    pattern: phrase("at least I (?:didn't|did not|never|wasn't|was not|told|came clean|stopped)"),
    copy: {
      why: "“At least” asks for credit for what you didn't do while your partner is hurting from what you did.",
      instead: "Stay with what you did: “I did …, and I see how much it hurt you.”",
    },
  },
  {
    kind: "minimizing",
    pattern: phrase(
      "you(?:'re| are) (?:overreacting|over-reacting|too sensitive|being dramatic|blowing (?:this|it|things) out of proportion|making (?:such )?a big deal|making a mountain out of a molehill)",
    ),
    copy: {
      why: "Calling the reaction too big can tell your partner that their hurt is the problem.",
      instead: "“Your reaction makes sense to me, given what I did.”",
    },
  },
  {
    kind: "but-justification",
    pattern: phrase(
      "(?:but(?<!(?:nothing|anything|all|none|everything|nobody) but)|however(?=,))(?! (?:also|more than that|more importantly|most of all|worse|even worse|for|I (?:take|accept|own|chose|choose|decided|did|kept|hid|lied|was wrong|know that's no excuse)|I(?:'m| am) (?:trying|working|committed|here)|I(?:'ll| will) (?:keep|do|never|be|work|earn|answer|show)|(?:that|this|there)(?:'s| is| was) no excuse|nothing excuses|that doesn't excuse|it was my|it's on me|it was on me)\\b)",
    ),
    applies: takesBackOwning,
  },
];

function markFrom(rule: Rule, match: RegExpExecArray): DefensivenessMark {
  const [start, end] = match.indices?.groups?.mark ?? [match.index, match.index + match[0].length];
  return {
    kind: rule.kind,
    start,
    end,
    text: match.groups?.mark ?? match[0],
    why: rule.copy?.why ?? KIND_COPY[rule.kind].why,
    instead: rule.copy?.instead ?? KIND_COPY[rule.kind].instead,
  };
}

function candidates(text: string): DefensivenessMark[] {
  const found: DefensivenessMark[] = [];
  for (const rule of RULES) {
    // The patterns are global and shared: each scan must start at the beginning again.
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const mark = markFrom(rule, match);
      if (!rule.applies || rule.applies(text, mark.start)) found.push(mark);
    }
  }
  return found;
}

/** Longest first (the sort is stable, so ties keep rule order), then drop any that overlap. */
function withoutOverlaps(marks: DefensivenessMark[]): DefensivenessMark[] {
  const kept: DefensivenessMark[] = [];
  for (const mark of marks.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (kept.every((other) => mark.end <= other.start || mark.start >= other.end)) kept.push(mark);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The defensive patterns in an accountability statement, in reading order, none overlapping. */
export function defensivenessMarks(text: string): DefensivenessMark[] {
  return withoutOverlaps(candidates(text));
}
