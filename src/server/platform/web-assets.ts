import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative, resolve, sep } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * The built web app, served from memory: every file of the build is read once at start (it is
 * small, and a rebuild needs a restart anyway, ADR 0015), with the brotli and gzip copies the
 * build wrote beside it. Each request gets the smallest copy its Accept-Encoding takes.
 *
 * Files under /assets/ carry a hash of their content in their name, so a browser may keep them
 * for a year without asking again; everything else (index.html above all, which names those
 * files and pins their integrity) is asked about every time, and answered 304 when unchanged.
 * The service worker above all, after index.html: a copy kept without asking would hold an old
 * build's shell in front of the new one (ADR 0025).
 */

type ContentCoding = "br" | "gzip";

/** Best first: brotli is smaller than gzip for every file of the build. */
const PREFERENCE: readonly ContentCoding[] = ["br", "gzip"];
const SUFFIX: Record<ContentCoding, string> = { br: ".br", gzip: ".gz" };

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

/** The service worker's one address (build/service-worker.ts writes it there). */
export const SERVICE_WORKER_PATH = "/sw.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

interface Representation {
  body: Buffer;
  etag: string;
  coding: ContentCoding | null;
}

interface WebFile {
  type: string;
  cacheControl: string;
  identity: Representation;
  coded: Partial<Record<ContentCoding, Representation>>;
}

const NOT_FOUND = { error: { code: "not_found", message: "There is nothing at this address." } };

/**
 * Serves the built single-page app: its files as they are, index.html for every other path a
 * browser may open, and the API's 404 for anything else. It is the router's not-found handler:
 * whatever no route of the API matched is looked up here.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string | null): Promise<void> {
  const root = webDir ? resolve(webDir) : null;
  const files =
    root !== null && existsSync(join(root, "index.html"))
      ? await loadWebFiles(root, (file, coding) =>
          app.log.warn(
            { file, coding },
            "a pre-compressed copy does not match its file; serving the file uncompressed",
          ),
        )
      : new Map<string, WebFile>();
  const page = files.get("/index.html");

  app.setNotFoundHandler(async (request, reply) => {
    const readable = request.method === "GET" || request.method === "HEAD";
    const path = pathOf(request.url);
    const file = readable && path !== null ? files.get(path) : undefined;
    if (file) return sendWebFile(request, reply, file);
    // A missing asset is a 404, never the page: a script answered with HTML breaks silently.
    // The service worker is such a script, though it lives outside /assets/.
    const mayBePage =
      readable &&
      path !== null &&
      path !== SERVICE_WORKER_PATH &&
      !path.startsWith("/api") &&
      !path.startsWith("/assets/");
    if (!page || !mayBePage) return reply.status(404).send(NOT_FOUND);
    return sendWebFile(request, reply, page);
  });
}

/** Every file under the web root by its URL path, with its pre-compressed copies. */
async function loadWebFiles(
  root: string,
  onStaleCopy: (file: string, coding: ContentCoding) => void = () => {},
): Promise<Map<string, WebFile>> {
  const names = await filesUnder(root);
  const present = new Set(names);
  const files = new Map<string, WebFile>();
  for (const name of names) {
    if (PREFERENCE.some((coding) => name.endsWith(SUFFIX[coding]))) continue;
    const body = await readFile(join(root, name));
    const tag = createHash("sha256").update(body).digest("base64url").slice(0, 27);
    const coded: WebFile["coded"] = {};
    for (const coding of PREFERENCE) {
      if (!present.has(name + SUFFIX[coding])) continue;
      const copy = await readFile(join(root, name + SUFFIX[coding]));
      // A copy left from another build would be refused by the page's integrity check.
      if (!decodesTo(copy, coding, body)) {
        onStaleCopy(name, coding);
        continue;
      }
      coded[coding] = { body: copy, etag: `"${tag}-${coding}"`, coding };
    }
    const path = `/${name.split(sep).join("/")}`;
    files.set(path, {
      type: TYPES[extname(name).toLowerCase()] ?? "application/octet-stream",
      cacheControl: path.startsWith("/assets/") ? IMMUTABLE : REVALIDATE,
      identity: { body, etag: `"${tag}"`, coding: null },
      coded,
    });
  }
  return files;
}

async function filesUnder(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(root, path)));
    else if (entry.isFile()) found.push(relative(root, path));
  }
  return found;
}

function decodesTo(copy: Buffer, coding: ContentCoding, body: Buffer): boolean {
  try {
    const decoded = coding === "br" ? brotliDecompressSync(copy) : gunzipSync(copy);
    return decoded.equals(body);
  } catch {
    return false;
  }
}

/** The decoded path of a request URL without its query, or null when it cannot be decoded. */
function pathOf(url: string): string | null {
  const end = url.search(/[?#]/);
  try {
    return decodeURIComponent(end === -1 ? url : url.slice(0, end));
  } catch {
    return null;
  }
}

function sendWebFile(request: FastifyRequest, reply: FastifyReply, file: WebFile) {
  const chosen = representationFor(file, request.headers["accept-encoding"]);
  reply.header("cache-control", file.cacheControl).header("etag", chosen.etag);
  // Caches must keep one copy per coding wherever there is more than one to choose from.
  if (Object.keys(file.coded).length > 0) reply.header("vary", "Accept-Encoding");
  if (matchesEtag(request.headers["if-none-match"], chosen.etag)) {
    return reply.status(304).send();
  }
  if (chosen.coding) reply.header("content-encoding", chosen.coding);
  return reply.status(200).type(file.type).send(chosen.body);
}

function representationFor(file: WebFile, acceptEncoding: string | undefined): Representation {
  const accepted = acceptedCodings(acceptEncoding);
  for (const coding of PREFERENCE) {
    const copy = file.coded[coding];
    if (copy && accepted(coding)) return copy;
  }
  return file.identity;
}

/**
 * Whether a request takes a content coding (RFC 9110, 12.5.3): named with a q above 0, or
 * covered by `*` with a q above 0. Without the header, only the file as it is.
 */
function acceptedCodings(header: string | undefined): (coding: ContentCoding) => boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (name === "") continue;
    const q = params.find((param) => param.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  // "x-gzip" is an old name of gzip that a recipient should take as the same (RFC 9110, 8.4.1.3).
  const weightOf = (coding: ContentCoding) =>
    weights.get(coding) ?? (coding === "gzip" ? weights.get("x-gzip") : undefined);
  return (coding) => (weightOf(coding) ?? weights.get("*") ?? 0) > 0;
}

/** If-None-Match, compared weakly as a GET's is (RFC 9110, 13.1.2). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}
