/** Path segments that carry a secret; logs show the route, never the secret. */
const SECRET_SEGMENTS = /\/(invites|join)\/[^/?#]+/g;
/**
 * A calendar feed's link is its whole secret: everything after /calendar/ goes, whatever a
 * calendar app appends. The settings under /api/calendar carry none and stay readable.
 */
const FEED_PATH = /(?<!\/api)\/calendar\/[^?#]*/g;

export function redactUrl(url: string): string {
  return url
    .replace(SECRET_SEGMENTS, "/$1/[redacted]")
    .replace(FEED_PATH, "/calendar/[redacted]")
    .replace(/\?.*$/, "");
}
