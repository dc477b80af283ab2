const WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];

/** Small counts read better as words in a sentence ("three weeks"); larger ones as digits. */
export function numberWord(n: number): string {
  return WORDS[n] ?? String(n);
}
