import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/**
 * The therapist's second factor: RFC 6238 TOTP (SHA-1, six digits, 30 seconds, one step either
 * side for a clock that drifts), and single-use recovery codes for a lost phone.
 */
const PERIOD = 30;

function totpFor(secret: string, issuer: string, label: string): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secret: string, issuer: string, email: string): string {
  return totpFor(secret, issuer, email).toString();
}

/**
 * The 30-second step a six-digit code belongs to, if it is right at `now` give or take one
 * step; null when it is not right at all.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret, "Mend", "check").validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

// 32 signs, none easily mistaken for another (no i, l, o, 1), so each byte maps without bias.
/** The code an authenticator app shows at `at`: for the demo seed, which plays the therapist. */
export function totpCodeAt(secret: string, at: Date): string {
  return totpFor(secret, "Mend", "demo").generate({ timestamp: at.getTime() });
}

const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz023456789";
export const RECOVERY_CODE_COUNT = 8;

/** Recovery codes like `k7p2-9xqm-4hra`, shown once and stored only as hashes. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export const isTotpCode = (code: string) => /^\d{6}$/.test(code);
