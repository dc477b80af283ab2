import { closeQuestions } from "../src/domain/question-similarity.ts";

/**
 * What finding close questions costs a keystroke: `closeQuestions` over 500 earlier questions,
 * for every prefix of a few drafts as they are typed, as a ratio to lowercasing and splitting
 * the same 500 texts in the same run. The first keystroke of a round reads every earlier question
 * (fresh copies each round); the rest find them read. Median of 5 rounds; nothing asserts a time.
 * Run with `npx tsx bench/similarity.ts`.
 */
const ROUNDS = 5;
const EARLIER = 500;

const OPENINGS = [
  "When did you",
  "Why did you",
  "Did you ever",
  "How many times did you",
  "Where did you",
  "How long did you",
];
const DEEDS = [
  "meet her",
  "text them",
  "lie to me about it",
  "sleep with her",
  "talk to him",
  "spend money on her",
  "see each other",
  "hide the messages",
  "tell your friends",
];
const ENDINGS = [
  "",
  " at work",
  " after the party",
  " that summer",
  " while I was away",
  " again",
  " on the phone",
  " at the hotel",
  " before our wedding",
  " last year",
];

/** 500 different questions, each template combination once, in a fixed order. */
function earlierQuestions(): Array<{ id: number; text: string }> {
  return Array.from({ length: EARLIER }, (_, id) => {
    const opening = OPENINGS[id % OPENINGS.length];
    const deed = DEEDS[Math.floor(id / OPENINGS.length) % DEEDS.length];
    const ending = ENDINGS[Math.floor(id / (OPENINGS.length * DEEDS.length)) % ENDINGS.length];
    return { id, text: `${opening} ${deed}${ending}?` };
  });
}

const DRAFTS = [
  "When did you first meet her?",
  "Why didn't you tell me about the money?",
  "Are you still in contact with him?",
];
const KEYSTROKES = DRAFTS.flatMap((draft) =>
  Array.from({ length: draft.length }, (_, i) => draft.slice(0, i + 1)),
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function timePerCall(calls: number, run: () => unknown): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) run();
  return (performance.now() - start) / calls;
}

const earlier = earlierQuestions();
const rows = { baseline: [] as number[], first: [] as number[], keystroke: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  // Trailing spaces change no reading, only the text, so each round starts with nothing read.
  const fresh = earlier.map((question) => ({
    ...question,
    text: question.text + " ".repeat(round),
  }));
  rows.baseline.push(
    timePerCall(200, () => fresh.map((question) => question.text.toLowerCase().split(/\s+/))),
  );
  rows.first.push(timePerCall(1, () => closeQuestions(DRAFTS[0] ?? "", fresh)));
  let draft = 0;
  rows.keystroke.push(
    timePerCall(KEYSTROKES.length * 4, () =>
      closeQuestions(KEYSTROKES[draft++ % KEYSTROKES.length] ?? "", fresh),
    ),
  );
}

const baseline = median(rows.baseline);
console.log(`${EARLIER} earlier questions, median of ${ROUNDS} rounds`);
console.log(`baseline (lowercase + split all): ${baseline.toFixed(3)} ms`);
for (const [name, times] of [
  ["first keystroke (reads all)", rows.first],
  ["each later keystroke", rows.keystroke],
] as const) {
  const ms = median(times);
  console.log(`${name}: ${ms.toFixed(3)} ms, ${(ms / baseline).toFixed(1)}× baseline`);
}
