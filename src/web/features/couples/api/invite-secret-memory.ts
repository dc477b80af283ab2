/**
 * With e-mail on, joining through an invite goes by way of a mailed sign-up link. That link can
 * carry the invite's path but never its `#k=` secret: the server must not see it, and an e-mail
 * is no place for it. Meanwhile the secret waits in this browser, for that invite only, and is
 * forgotten once read back or after a day (as long as a sign-up link works). Opened on another
 * device, the sign-up link lands on the invite without it, and the page asks for the whole link.
 */
const STORAGE_KEY = "mend.invite-secret";
const KEPT_MS = 24 * 60 * 60_000;

interface Kept {
  token: string;
  secret: string;
  at: number;
}

export function keepInviteSecret(token: string, secret: string): void {
  try {
    const kept: Kept = { token, secret, at: Date.now() };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage refused (a private window, or full): the whole link, opened again, still works.
  }
}

/** The secret kept for this invite, if any; once read, it is gone from storage. */
export function recallInviteSecret(token: string): string | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const kept = JSON.parse(raw) as Partial<Kept>;
    if (kept.token !== token) return null;
    localStorage.removeItem(STORAGE_KEY);
    const fresh = typeof kept.at === "number" && Date.now() - kept.at < KEPT_MS;
    return fresh && typeof kept.secret === "string" ? kept.secret : null;
  } catch {
    return null;
  }
}
