/**
 * A browser's cookies for Mend, kept between calls outside a browser (tests, the demo seed,
 * scripts): the session, and the mark of a known browser (see platform/sessions.ts).
 */
export interface CookieJar {
  /** The session cookie, as `name=value`. */
  cookie: string | null;
  /** The known-browser cookie, as `name=value`. */
  device?: string | null;
}

/** Keeps or drops each Mend cookie a reply sets or clears. */
export function keepCookie(jar: CookieJar, setCookie: string | string[] | number | undefined) {
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : []) {
    const [pair] = line.split(";");
    if (!pair) continue;
    const name = pair.slice(0, pair.indexOf("="));
    const value = pair.slice(pair.indexOf("=") + 1);
    const kept = value === "" || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) ? null : pair;
    if (name.endsWith("mend_device")) jar.device = kept;
    else if (name.endsWith("mend_session")) jar.cookie = kept;
  }
}

/** The Cookie header a browser holding this jar would send; undefined when it is empty. */
export function cookieHeader(jar: CookieJar): string | undefined {
  const pairs = [jar.cookie, jar.device].filter((pair): pair is string => Boolean(pair));
  return pairs.length > 0 ? pairs.join("; ") : undefined;
}
