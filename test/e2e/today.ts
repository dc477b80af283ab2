/**
 * The moment the browser tests live in. Normally the machine's own; with MEND_E2E_TODAY (an ISO
 * instant) the server and every browser context start there and run on in real time, so CI can
 * walk the same journeys on a Sunday, the day before a DST change or 29 February.
 *
 * The offset is fixed once, in the Playwright config, and handed to the server and the workers
 * through the environment, so both sides agree to the millisecond.
 */
export function e2eClockOffsetMs(): number {
  const offset = Number(process.env.MEND_E2E_CLOCK_OFFSET_MS ?? "0");
  if (!Number.isFinite(offset)) throw new Error("MEND_E2E_CLOCK_OFFSET_MS must be a number");
  return offset;
}

export function e2eNow(): Date {
  return new Date(Date.now() + e2eClockOffsetMs());
}
