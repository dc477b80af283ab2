/** Path segments that carry a secret; logs show the route, never the secret. */
const SECRET_SEGMENTS = /\/(invites|calendar|join)\/[^/?#]+/g;

export function redactUrl(url: string): string {
  return url.replace(SECRET_SEGMENTS, "/$1/[redacted]").replace(/\?.*$/, "");
}
