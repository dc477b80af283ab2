/**
 * How close two questions of the question ledger are in meaning. The hurt partner often asks the
 * same thing again in other words (looping); before a new question goes out, the asker's browser
 * shows the earlier ones that are close, with their answers, so they can read the answer they
 * already have or ask again on purpose. It runs on decrypted words in the browser, on every
 * keystroke, so it is small and hand-tuned rather than learned: words reduce to concepts through
 * a table written for the vocabulary of these conversations, and three things must agree for a
 * high score: what the question is about, what kind of answer it wants (when, where, why, yes or
 * no…), and who did it to whom.
 */

type Kind =
  | "yes-no"
  | "open"
  | "when"
  | "where"
  | "who"
  | "why"
  | "how"
  | "what"
  | "how-many"
  | "how-often"
  | "how-long"
  | "how-much";

/** Who a pronoun points at. In this ledger "them" is almost always the third person involved. */
type Person = "you" | "me" | "them" | "someone";

interface Reading {
  kind: Kind;
  /** The person doing the asked-about thing, when the grammar says so ("did *you*…"). */
  subject: Person | null;
  /** Every other person the question names. */
  others: ReadonlySet<Person>;
  /** Concept → weight: what the question is about. */
  concepts: ReadonlyMap<string, number>;
  /** The concepts' weights added up. */
  mass: number;
  /** Words that carry meaning: question words, pronouns and concepts. */
  meaningful: number;
}

/** The score at or above which an earlier question is shown as close. */
export const CLOSE_ENOUGH = 0.6;

const DEFAULT_LIMIT = 3;
/** Fewer meaningful words than this and the draft could still become any question at all. */
const MIN_DRAFT_WORDS = 3;

const KIND_OF: ReadonlyMap<string, Kind> = new Map([
  ["when", "when"],
  ["where", "where"],
  ["who", "who"],
  ["whom", "who"],
  ["whose", "who"],
  ["why", "why"],
  ["how", "how"],
  ["what", "what"],
  ["which", "what"],
  // Produced by PHRASES only: the tokenizer never keeps a hyphen, so no typed word collides.
  ["how-many", "how-many"],
  ["how-often", "how-often"],
  ["how-long", "how-long"],
  ["how-much", "how-much"],
]);

const PERSON_OF = wordsTo<Person>({
  you: "you your yours yourself u ur",
  me: "i me my mine myself we us our ours ourselves",
  them: "he him his himself she her hers herself they them their theirs themselves",
  someone:
    "anyone anybody someone somebody everyone everybody nobody people person others " +
    "man men woman women guy guys girl girls",
});

/** Words that open a yes-or-no question, and mark its subject as the pronoun that follows. */
const AUXILIARIES = new Set(
  "do does did is are was were am have has had will would can could shall should may might must".split(
    " ",
  ),
);

/** Not a person, but the thing the question is about: "when did *it* start" is three words. */
const THINGS = new Set(["it", "this"]);

const STOP_WORDS = new Set(
  (
    "a an the and or but so to of in on at for with from by about as into than then there here " +
    "just really very even also too only up out off be been being doing done get got gotten " +
    "getting make made making thing things something anything everything stuff that these those " +
    "like ok okay well please honestly actually any some all more much many long kind sort lot " +
    "bit time times whole exactly way yet back own gonna one two both each between if whether"
  ).split(" "),
);

/**
 * The concepts, each with the words that mean it here. Irregular forms go in IRREGULAR; regular
 * ones (plurals, -ing, -ed) reach their base through `stem`.
 */
const CONCEPTS: Record<string, string> = {
  message: "text message msg chat dm sms whatsapp snapchat email mail write",
  meet: "meet see visit date",
  talk: "talk speak conversation discuss discussion",
  contact: "contact communicate",
  phone: "phone call ring facetime voicemail",
  // "Were you honest?" and "did you lie?" ask one thing, whichever way round.
  lie: "lie liar deceive deception dishonest honest truth truthful",
  hide: "hide conceal secret secretly sneak cover",
  cheat: "cheat affair unfaithful betray infidelity fling",
  start: "start begin first initiate",
  end: "end stop over finish quit last",
  continue: "continue keep",
  sex: "sex sexual intimate intimacy",
  kiss: "kiss",
  love: "love",
  feel: "feel emotion",
  money: "money spend cost pay cash buy afford price expensive dollar euro",
  gift: "gift present",
  tell: "tell say mention admit confess share",
  know: "know aware realize discover",
  leave: "leave divorce separate",
  want: "want wish plan intend",
  think: "think consider wonder imagine",
  sorry: "sorry regret apologize apology remorse guilty guilt ashamed shame",
  happen: "happen occur",
  home: "home house place apartment flat",
  hotel: "hotel motel airbnb",
  work: "work office job colleague coworker",
  delete: "delete erase remove wipe",
  protection: "protection condom protect",
  test: "test std sti",
  drink: "drink drunk alcohol wine beer",
  photo: "photo picture pic image selfie video nude",
  together: "together",
  go: "go come",
  spouse: "husband wife spouse partner boyfriend girlfriend",
  family: "family kid child son daughter parent mother mom father dad",
  friend: "friend",
  online: "online app internet website tinder instagram facebook",
  trip: "trip travel vacation holiday",
  night: "night overnight",
  still: "still anymore currently now",
  ever: "ever",
  else: "else other another",
  not: "not never no",
  again: "again",
};

/**
 * Concepts that shade a question rather than make it: "did you *ever* meet" asks what "did you
 * meet" asks. Everything else weighs 1, words the table does not know included, since those are
 * mostly the specific nouns (a place, a name) that tell questions apart.
 */
const WEIGHT: ReadonlyMap<string, number> = new Map([
  ["ever", 0.3],
  ["go", 0.4],
  ["still", 0.5],
  ["else", 0.5],
  ["not", 0.5],
  ["again", 0.5],
  ["together", 0.5],
  ["continue", 0.6],
  ["happen", 0.6],
  ["want", 0.6],
  ["think", 0.6],
]);

const CONTRACTIONS: ReadonlyMap<string, string> = new Map([
  ["won't", "will not"],
  ["can't", "can not"],
  ["cannot", "can not"],
  ["n't", " not"],
  ["'re", " are"],
  ["'ve", " have"],
  ["'ll", " will"],
  ["'d", " would"],
  ["'m", " am"],
  // "she's", "what's": is, has or a possessive, none of which changes the question.
  ["'s", ""],
]);

/** Forms `stem` cannot reach the base of. */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  (
    "met:meet saw:see seen:see told:tell said:say spent:spend slept:sleep knew:know known:know " +
    "thought:think began:begin begun:begin went:go gone:go goes:go going:go kept:keep " +
    "found:find broke:break broken:break took:take taken:take came:come fell:fall fallen:fall " +
    "bought:buy paid:pay left:leave hid:hide hidden:hide lied:lie lying:lie drank:drink " +
    "spoke:speak spoken:speak wrote:write written:write felt:feel sent:send gave:give " +
    "given:give brought:bring used:use using:use children:child"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

/**
 * Word sequences that mean one thing, rewritten before anything else is read. A `*` stands for
 * any one word and is kept in the rewrite where the rewrite names it; a final `$` asks that no
 * concept follows, so "how long did it go on" continues but "did you go on trips" goes.
 */
const PHRASES: ReadonlyArray<readonly [string, string]> = [
  ["how many times", "how-often"],
  ["how often", "how-often"],
  ["how many", "how-many"],
  ["how long", "how-long"],
  ["how much", "how-much"],
  ["how come", "why"],
  ["how could", "why"],
  ["what made", "why"],
  ["what time", "when"],
  ["what day", "when"],
  ["what date", "when"],
  ["which day", "when"],
  ["in person", "meet"],
  ["face to face", "meet"],
  ["hang out", "meet"],
  ["spend time", "meet"],
  ["get to know", "meet"],
  ["sleep with", "sex"],
  ["go to bed", "sex"],
  ["make love", "sex"],
  ["hook up", "sex"],
  ["safe sex", "sex protection"],
  ["make out", "kiss"],
  ["feel for", "love"],
  ["fall for", "love"],
  ["fall in love", "love"],
  ["in touch", "contact"],
  ["reach out", "contact"],
  ["keep from", "hide"],
  ["keep * from", "hide *"],
  ["not tell", "hide"],
  ["not * tell", "* hide"],
  ["not say", "hide"],
  ["not * say", "* hide"],
  ["first time", "first"],
  ["first move", "first"],
  ["last time", "end"],
  ["break up", "end"],
  ["break off", "end"],
  ["break * off", "end *"],
  ["call off", "end"],
  ["call * off", "end *"],
  ["cut off", "end"],
  ["cut * off", "end *"],
  ["go on $", "continue"],
  ["carry on $", "continue"],
  ["last $", "continue"],
  ["last night", "night"],
  ["last week", "week"],
  ["last weekend", "weekend"],
  ["last month", "month"],
  ["last year", "year"],
  ["take place", "happen"],
  ["find out", "know"],
  ["figure out", "know"],
  ["each other", "together"],
  ["one another", "together"],
  ["you two", "you"],
  ["two of you", "you"],
  ["both of you", "you"],
  ["no one", "nobody"],
  ["any more", "anymore"],
];

interface Phrase {
  pattern: readonly string[];
  rewrite: readonly string[];
  /** Terms the phrase consumes: its pattern without the `$`. */
  length: number;
}

/** Ways into a question that ask nothing themselves, dropped from its start. */
const OPENERS = [
  "can you tell me",
  "could you tell me",
  "will you tell me",
  "would you tell me",
  "tell me",
  "i want to know",
  "i need to know",
  "i would like to know",
  "i wonder",
  "i am wondering",
  "i was wondering",
];

/**
 * Concepts near enough that sharing them counts for part: keeping in contact is talking, texting,
 * calling or seeing each other, and a plan is a kind of thought.
 */
const RELATED: ReadonlyMap<string, ReadonlySet<string>> = relatedIndex([
  ["contact", "talk"],
  ["contact", "message"],
  ["contact", "phone"],
  ["contact", "meet"],
  ["talk", "message"],
  ["talk", "phone"],
  ["message", "phone"],
  ["think", "want"],
  ["money", "gift"],
]);
const RELATED_CREDIT = 0.5;
const NOTHING_RELATED: ReadonlySet<string> = new Set();

/** Kinds of question close enough that one can stand for the other. */
const NEAR_KINDS: ReadonlyMap<Kind, ReadonlySet<Kind>> = new Map([
  ["yes-no", new Set<Kind>(["what"])],
  ["what", new Set<Kind>(["yes-no", "how"])],
  ["how", new Set<Kind>(["what"])],
]);

const CONCEPT_OF = conceptIndex();
const PHRASES_BY_FIRST = phraseIndex();
const OPENER_LEMMAS = OPENERS.map(lemmas);

/** Readings of earlier questions, which come back on every keystroke; cleared, not evicted. */
const readingCache = new Map<string, Reading>();
const READING_CACHE_SIZE = 4096;

/** 0..1: how close two questions are in meaning (1 = the same question). Symmetric. */
export function questionSimilarity(a: string, b: string): number {
  return similarity(read(a), read(b));
}

/**
 * Earlier questions close to a draft, best first, at most `limit` (default 3). A draft of fewer
 * than three meaningful words finds nothing (too early to tell while typing).
 */
export function closeQuestions<T extends { text: string }>(
  draft: string,
  earlier: readonly T[],
  limit = DEFAULT_LIMIT,
): Array<{ item: T; score: number }> {
  const reading = read(draft);
  if (reading.meaningful < MIN_DRAFT_WORDS || limit < 1) return [];
  const close: Array<{ item: T; score: number }> = [];
  for (const item of earlier) {
    const score = similarity(reading, cachedRead(item.text));
    if (score >= CLOSE_ENOUGH) close.push({ item, score });
  }
  // Array.prototype.sort is stable: equal scores keep the order the caller gave.
  return close.sort((x, y) => y.score - x.score).slice(0, limit);
}

function similarity(a: Reading, b: Reading): number {
  // Nothing to go on (an empty draft, bare punctuation) is close to nothing but itself.
  if (a.meaningful === 0 || b.meaningful === 0) return a.meaningful === b.meaningful ? 1 : 0;
  const shared = overlap(a, b);
  return shared === 0 ? 0 : shared * kindAgreement(a.kind, b.kind) * personAgreement(a, b);
}

/** Weighted Dice over concepts: the share of both questions' weight that the other one shares. */
function overlap(a: Reading, b: Reading): number {
  if (a.mass + b.mass === 0) return 1;
  return (sharedWeight(a, b) + sharedWeight(b, a)) / (a.mass + b.mass);
}

function sharedWeight(from: Reading, to: Reading): number {
  let shared = 0;
  for (const [concept, weight] of from.concepts) shared += weight * match(concept, to.concepts);
  return shared;
}

function match(concept: string, concepts: ReadonlyMap<string, number>): number {
  if (concepts.has(concept)) return 1;
  for (const near of RELATED.get(concept) ?? NOTHING_RELATED) {
    if (concepts.has(near)) return RELATED_CREDIT;
  }
  return 0;
}

/** A "when" and a "why" about the same thing are related, but each needs its own answer. */
function kindAgreement(a: Kind, b: Kind): number {
  if (a === b) return 1;
  if (a === "open" || b === "open") return 0.8;
  if (NEAR_KINDS.get(a)?.has(b)) return 0.75;
  return 0.45;
}

/** "Did you tell anyone" and "did they tell anyone", "love them" and "love me", differ. */
function personAgreement(a: Reading, b: Reading): number {
  const subjectsClash = a.subject !== null && b.subject !== null && a.subject !== b.subject;
  const othersClash = a.others.size > 0 && b.others.size > 0 && disjoint(a.others, b.others);
  return (subjectsClash ? 0.45 : 1) * (othersClash ? 0.5 : 1);
}

function disjoint<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return false;
  return true;
}

function cachedRead(text: string): Reading {
  const known = readingCache.get(text);
  if (known) return known;
  if (readingCache.size >= READING_CACHE_SIZE) readingCache.clear();
  const reading = read(text);
  readingCache.set(text, reading);
  return reading;
}

function read(text: string): Reading {
  const terms = rewritePhrases(withoutOpener(lemmas(normalize(text))));
  const subjectAt = subjectIndex(terms);
  const others = new Set<Person>();
  const concepts = new Map<string, number>();
  let meaningful = 0;
  terms.forEach((term, i) => {
    const person = PERSON_OF.get(term);
    if (person && i !== subjectAt) others.add(person);
    if (person || THINGS.has(term) || KIND_OF.has(term)) meaningful++;
    if (isFunctionWord(term)) return;
    const concept = CONCEPT_OF.get(term) ?? term;
    concepts.set(concept, WEIGHT.get(concept) ?? 1);
    meaningful++;
  });
  const subject = subjectAt < 0 ? null : (PERSON_OF.get(terms[subjectAt] ?? "") ?? null);
  const kind = kindOf(terms, others, subject);
  let mass = 0;
  for (const weight of concepts.values()) mass += weight;
  return { kind, subject, others, concepts, mass, meaningful };
}

/** Lowercase words, contractions spelled out: "didn't" asks what "did not" asks. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\b(?:won't|can't|cannot)\b|(?:n't|'re|'ve|'ll|'d|'m|'s)\b/g, spelledOut);
}

function spelledOut(contraction: string): string {
  return CONTRACTIONS.get(contraction) ?? contraction;
}

function lemmas(text: string): string[] {
  return (text.match(/[a-z0-9]+/g) ?? []).map(lemma);
}

function lemma(word: string): string {
  return isFunctionWord(word) ? word : stem(IRREGULAR.get(word) ?? word);
}

function isFunctionWord(word: string): boolean {
  return (
    STOP_WORDS.has(word) ||
    AUXILIARIES.has(word) ||
    THINGS.has(word) ||
    PERSON_OF.has(word) ||
    KIND_OF.has(word)
  );
}

/** Light stemming: enough that "texting", "texted" and "texts" meet at "text". */
function stem(word: string): string {
  const singular = withoutPlural(word);
  const bare = withoutSuffix(singular, "ing") ?? withoutSuffix(singular, "ed");
  if (bare !== null) return undoubled(bare);
  return singular.length > 3 && singular.endsWith("e") ? singular.slice(0, -1) : singular;
}

function withoutPlural(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && /[^su]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The word without `suffix`, if enough of a word (three letters with a vowel) is left. */
function withoutSuffix(word: string, suffix: string): string | null {
  if (!word.endsWith(suffix)) return null;
  const bare = word.slice(0, -suffix.length);
  return bare.length >= 3 && /[aeiouy]/.test(bare) ? bare : null;
}

/** "stopp" (from "stopping") → "stop"; but "tell", "kiss" and "buzz" double their own letters. */
function undoubled(bare: string): string {
  const last = bare.at(-1) ?? "";
  const doubled = bare.at(-2) === last && !/[aeioulsz]/.test(last);
  return doubled ? bare.slice(0, -1) : bare;
}

function withoutOpener(terms: string[]): string[] {
  const start = terms.findIndex((term) => !STOP_WORDS.has(term));
  if (start < 0) return terms;
  const opener = OPENER_LEMMAS.find((words) => matchesAt(terms, words, start));
  return opener ? terms.slice(start + opener.length) : terms;
}

function matchesAt(terms: readonly string[], pattern: readonly string[], at: number): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const word = pattern[i];
    const term = terms[at + i];
    if (word === "$") return term === undefined || isFunctionWord(term);
    if (word !== "*" && term !== word) return false;
  }
  return true;
}

function rewritePhrases(terms: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < terms.length) {
    const term = terms[i] ?? "";
    const phrase = phraseAt(terms, i);
    if (!phrase) {
      out.push(term);
      i++;
      continue;
    }
    const wildcard = terms[i + phrase.pattern.indexOf("*")] ?? "";
    for (const word of phrase.rewrite) out.push(word === "*" ? wildcard : word);
    i += phrase.length;
  }
  return out;
}

function phraseAt(terms: readonly string[], at: number): Phrase | undefined {
  for (const phrase of PHRASES_BY_FIRST.get(terms[at] ?? "") ?? []) {
    if (matchesAt(terms, phrase.pattern, at)) return phrase;
  }
  return undefined;
}

/**
 * Where the subject stands: the pronoun right after the auxiliary ("did you", "didn't she"), or
 * a pronoun that opens the question ("you met her?"); -1 when the grammar does not say.
 */
function subjectIndex(terms: readonly string[]): number {
  const aux = terms.findIndex((term) => AUXILIARIES.has(term));
  if (aux >= 0) {
    const next = terms[aux + 1] === "not" ? aux + 2 : aux + 1;
    if (PERSON_OF.has(terms[next] ?? "")) return next;
  }
  return PERSON_OF.has(terms[0] ?? "") ? 0 : -1;
}

/**
 * The kind of answer wanted. "Did anyone else know?" wants a who as much as "who else knew?"
 * does, so a yes-or-no question about somebody unnamed counts as a who.
 */
function kindOf(
  terms: readonly string[],
  others: ReadonlySet<Person>,
  subject: Person | null,
): Kind {
  const opening = terms.find((term) => !STOP_WORDS.has(term)) ?? "";
  if (AUXILIARIES.has(opening)) {
    return subject === "someone" || others.has("someone") ? "who" : "yes-no";
  }
  // A question word further in still leads ("you met her when?"), unless an auxiliary opened
  // the question and the word only starts a clause ("did you think of me when…").
  const asked = terms.find((term) => KIND_OF.has(term));
  return asked ? (KIND_OF.get(asked) ?? "open") : "open";
}

function conceptIndex(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const [concept, words] of Object.entries(CONCEPTS)) {
    for (const word of words.split(" ")) index.set(lemma(word), concept);
  }
  return index;
}

/** Phrases by their first lemma, longest first so "how many times" wins over "how many". */
function phraseIndex(): ReadonlyMap<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  const phrases = PHRASES.map(([words, rewrite]) => {
    const pattern = words.split(" ").map(lemmaOrMark);
    const length = pattern.at(-1) === "$" ? pattern.length - 1 : pattern.length;
    return { pattern, rewrite: rewrite.split(" ").map(lemmaOrMark), length };
  }).sort((a, b) => b.length - a.length);
  for (const phrase of phrases) {
    const first = phrase.pattern[0] ?? "";
    index.set(first, [...(index.get(first) ?? []), phrase]);
  }
  return index;
}

function lemmaOrMark(word: string): string {
  return word === "*" || word === "$" ? word : lemma(word);
}

function relatedIndex(
  pairs: ReadonlyArray<readonly [string, string]>,
): ReadonlyMap<string, ReadonlySet<string>> {
  const index = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    index.set(a, (index.get(a) ?? new Set()).add(b));
    index.set(b, (index.get(b) ?? new Set()).add(a));
  }
  return index;
}

function wordsTo<T extends string>(spec: Record<T, string>): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const [value, words] of Object.entries(spec) as Array<[T, string]>) {
    for (const word of words.split(" ")) index.set(word, value);
  }
  return index;
}
