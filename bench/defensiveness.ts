import { defensivenessMarks } from "../src/domain/defensiveness.ts";

/**
 * The defensiveness helper runs on every keystroke, so a call must stay far below a frame. Timed
 * on a realistic 4,000-character statement as a ratio to a baseline in the same run (lowering the
 * text and one regex scan over it), so numbers compare across machines; nothing here asserts a
 * time. Run with `npx tsx bench/defensiveness.ts`.
 */
const ROUNDS = 5;
const CALLS = 2_000;

const paragraphs = [
  "What I did: I lied to you about where I was on Thursday evenings for three months. I told you I was at the gym, and I was meeting someone from work. It was just a few drinks at first, and then it wasn't. I’m sorry if I hurt you, but I was lonely, and mistakes were made on both sides.",
  "The impact I see: you stopped sleeping through the night. You check your phone when it buzzes, and you flinch when I mention work. You told me you doubt your own memory now, and that you feel foolish for believing me. I see that the lie took away your sense of what is real between us.",
  "Why I did not bring my concerns forward: I was afraid that talking about how distant we had become would start a fight, and I chose to avoid it. Because you never seemed to have time, I stopped trying. That was years ago, though, and I think we need to move on and put it behind us.",
];
let text = "";
for (let i = 0; text.length < 4_000; i++) text += `${paragraphs[i % paragraphs.length]}\n\n`;
text = text.slice(0, 4_000);

function baseline(): number {
  return text.toLowerCase().match(/\bbut\b/g)?.length ?? 0;
}

/** Milliseconds per call over CALLS calls, after the same number of warm-up calls. */
function perCall(work: () => unknown): number {
  for (let i = 0; i < CALLS; i++) work();
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) work();
  return (performance.now() - start) / CALLS;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const rounds = Array.from({ length: ROUNDS }, () => {
  const base = perCall(baseline);
  const marks = perCall(() => defensivenessMarks(text));
  return { base, marks, ratio: marks / base };
});

const marks = defensivenessMarks(text).length;
console.log(
  `defensivenessMarks on ${text.length} characters (${marks} marks), median of ${ROUNDS}:`,
);
console.log(
  `  baseline (toLowerCase + one regex): ${(median(rounds.map((r) => r.base)) * 1000).toFixed(1)} µs`,
);
console.log(`  defensivenessMarks: ${(median(rounds.map((r) => r.marks)) * 1000).toFixed(1)} µs`);
console.log(`  ratio: ${median(rounds.map((r) => r.ratio)).toFixed(1)}× baseline`);
