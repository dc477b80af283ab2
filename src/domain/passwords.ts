import { LIMITS } from "./limits.ts";

/**
 * Passwords that meet the length rule yet are among the first any attacker tries. Checked
 * case-insensitively; the list is ours and deliberately short, covering the common shapes.
 */
const COMMON_PASSWORDS = new Set([
  "1234567890",
  "12345678910",
  "123456789a",
  "0123456789",
  "0987654321",
  "1111111111",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "abcdefghij",
  "aaaaaaaaaa",
  "qwertyuiop",
  "asdfghjkl;",
  "zxcvbnm123",
  "qwerty1234",
  "qwerty12345",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "iloveyou12",
  "iloveyou123",
  "letmein123",
  "welcome123",
  "changeme123",
  "football123",
  "baseball123",
  "sunshine123",
  "princess123",
  "trustno1234",
  "administrator",
  "mypassword",
  "mypassword1",
  "passwordpassword",
  "qwertyqwerty",
  "1234512345",
  "1234qwer!@#$",
  "q1w2e3r4t5",
  "q1w2e3r4t5y6",
  "abc1234567",
  "abcd123456",
  "a123456789",
  "123456789q",
  "loveyou1234",
  "superman123",
  "starwars123",
  "dragon1234",
  "monkey1234",
  "whatever123",
  "forever123",
  "together123",
]);

/** Why a new password is refused, or null. Composition rules are deliberately absent. */
export function passwordProblem(password: string): string | null {
  if (password.length < LIMITS.passwordMin)
    return `Use at least ${LIMITS.passwordMin} characters; a short sentence works well.`;
  if (password.length > LIMITS.passwordMax) return `Use at most ${LIMITS.passwordMax} characters.`;
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(lowered))
    return "This password is one of the first that anyone would guess. Pick another.";
  return null;
}
