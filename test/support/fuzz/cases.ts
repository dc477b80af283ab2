import fc from "fast-check";
import type { JsonSchema, Operation } from "./openapi.ts";
import {
  acceptedValue,
  pathName,
  removedAt,
  replacedAt,
  type Slot,
  slotsOf,
} from "./schema-values.ts";

/** Who sends a case: a signed-in partner or therapist, nobody, or a cookie no session has. */
export type Caller = "partner" | "therapist" | "signedOut" | "staleCookie";
/** The Origin header: none (not a browser), the app's public URL, or another site. */
export type OriginChoice = "none" | "public" | "foreign";

export interface Body {
  contentType: string;
  text: string;
}

export interface FuzzCase {
  operation: Operation;
  /** What is odd about it, in words that group alike cases across routes. */
  kind: string;
  /** Which field or parameter, when the kind is about one. */
  detail: string;
  caller: Caller;
  origin: OriginChoice;
  /** Path and query as sent, percent-encoded as the case wants (or not). */
  target: string;
  body: Body | null;
  /** A random string put into the request; an answer that carries it back echoes input. */
  marker: string;
}

/** What a route's cases start from: values its schema accepts, and the case's marker. */
export interface Ground {
  marker: string;
  pathValues: Record<string, string>;
  query: string;
  base: unknown;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);
const KB = 1024;
/** Over the app's 64 KB body limit, and well over. */
const HUGE_STRING = 100 * KB;
const MEGABYTE_BODY = 1024 * KB;
/** Under the body limit, so the validator (not the parser) meets it. */
const LONG_STRING = 60 * KB;
/** NUL apart: one engine refuses it outright, so it could hide what the others do. */
const STRANGE_TEXT: Array<[string, string]> = [
  ["NUL", "\u0000"],
  ["control characters", "\u0001\u001b\u007f"],
  ["a lone surrogate", "\ud800"],
];

const markerArbitrary = fc.stringMatching(/^[a-z0-9]{24}$/).map((s) => `fzmk${s}`);

/** Percent-encodes the UTF-8 of any text, lone surrogates included (they become U+FFFD). */
export function percentEncoded(text: string): string {
  return [...Buffer.from(text, "utf8")]
    .map((byte) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

const jsonBody = (value: unknown): Body => ({
  contentType: "application/json",
  text: JSON.stringify(value),
});
const rawJson = (text: string): Body => ({ contentType: "application/json", text });

/** Routes of the therapist's own workspace are tried with a therapist's session. */
const ownerOf = (operation: Operation): Caller =>
  operation.template.startsWith("/api/therapist/") ? "therapist" : "partner";

const sendsBody = (operation: Operation) =>
  operation.body !== null || !SAFE_METHODS.has(operation.method);

function groundOf(operation: Operation, start: Date): fc.Arbitrary<Ground> {
  const pathValues = fc.record(
    Object.fromEntries(
      operation.pathParams.map((p) => [
        p.name,
        acceptedValue(p.schema, start, p.name).map((v) => percentEncoded(String(v))),
      ]),
    ),
  );
  const query = fc
    .tuple(
      ...operation.query.map((p) => {
        const value = acceptedValue(p.schema, start, p.name);
        return p.required ? value : fc.option(value, { nil: undefined });
      }),
    )
    .map((values) =>
      operation.query
        .flatMap((p, i) =>
          values[i] === undefined ? [] : [`${p.name}=${percentEncoded(String(values[i]))}`],
        )
        .join("&"),
    );
  const base = operation.body ? acceptedValue(operation.body, start) : fc.constant(undefined);
  return fc.record({ marker: markerArbitrary, pathValues, query, base });
}

function targetOf(operation: Operation, pathValues: Record<string, string>, query: string) {
  const path = operation.template.replace(
    /\{(\w+)\}/g,
    (_, name: string) => pathValues[name] ?? "",
  );
  return query ? `${path}?${query}` : path;
}

/** Ids no route should take: each either names nothing (404) or is refused as input (400). */
function oddIds(marker: string): Array<[string, string]> {
  return [
    ["NUL (%00)", `${marker}%00`],
    ["bad percent-escape (%zz)", `${marker}%zz`],
    ["cut-off percent-escape", `${marker}%E2%8`],
    ["1,000 characters", marker.repeat(Math.ceil(1000 / marker.length)).slice(0, 1000)],
    ["..", ".."],
    ["encoded ../..", "%2E%2E%2F%2E%2E"],
    ["encoded slash", `${marker}%2Fx`],
    ["unicode", `${marker}%C3%A9t%C3%A9%F0%9F%92%94`],
    ["lone surrogate (invalid UTF-8)", `%ED%A0%80${marker}`],
    ["control characters", `%01%1B${marker}%7F`],
    ["another shape (a UUID)", "6f1c2a9e-8a8b-4c1e-9d0e-2b6f4c1d9a7e"],
    ["another shape (a number)", "-1"],
  ];
}

/** Query strings no route should choke on. `names` are the route's own keys (or one made up). */
function oddQueries(names: string[], marker: string): Array<[string, string]> {
  const [first = "fz", ...rest] = names;
  return [
    ["100 KB query string", `${first}=${marker}${"q".repeat(100 * KB)}`],
    ["NUL (%00)", names.length ? names.map((n) => `${n}=${marker}%00`).join("&") : `fz=%00`],
    [
      "repeated key",
      `${first}=${marker}&${first}=${marker}x${rest.map((n) => `&${n}=a&${n}=b`).join("")}`,
    ],
    ["bad percent-escape (%zz)", `${first}=${marker}%zz`],
    ["prototype keys", `__proto__=${marker}&constructor=x&${first}[toString]=1`],
    ["key without value", `${first}&${marker}`],
  ];
}

const WRONG_TYPES: Record<string, unknown[]> = {
  string: [42, true, null, {}, ["x"]],
  integer: ["12", 1.5, true, null, 1e308, []],
  number: ["12", true, null, {}],
  boolean: ["true", 1, null, []],
  object: ["x", [], 0, null],
  array: [{}, "x", 0, null],
};

function wrongTypesFor(schema: JsonSchema): unknown[] {
  return WRONG_TYPES[schema.type ?? "object"] ?? WRONG_TYPES.object ?? [];
}

/**
 * A field name longer than any the API has: an answer may name a field it refuses, but
 * repeating one this long is carrying the request back.
 */
const longName = (marker: string) => marker.repeat(3);

const isString = (slot: Slot) => slot.schema.type === "string";

/** A JSON object body with a long string in it, `size` characters in all. */
function paddedBody(marker: string, size: number): Body {
  return rawJson(`{"fz":"${marker}${"x".repeat(size - marker.length - 9)}"}`);
}

function bodyCases(operation: Operation, ground: Ground) {
  const { marker, base } = ground;
  const cases: Array<{ kind: string; detail?: string; body: Body }> = [
    { kind: "body: malformed JSON", body: rawJson(`{"${marker}": `) },
    { kind: "body: JSON that is not an object", body: rawJson("[]") },
    { kind: "body: JSON that is not an object", body: jsonBody(marker) },
    { kind: "body: JSON that is not an object", body: rawJson("0") },
    { kind: "body: JSON that is not an object", body: rawJson("null") },
    { kind: "body: empty with a JSON content type", body: rawJson("") },
    { kind: "body: not JSON", body: { contentType: "text/plain", text: marker } },
    { kind: "body: 1 MB (over the body limit)", body: paddedBody(marker, MEGABYTE_BODY) },
    { kind: "body: prototype key", body: rawJson(`{"__proto__":{"fz":"${marker}"}}`) },
    {
      kind: "body: prototype key",
      body: rawJson(`{"constructor":{"prototype":{"fz":"${marker}"}}}`),
    },
    {
      kind: "body: 5,000 levels deep",
      body: rawJson(`{"fz":${"[".repeat(5000)}${"]".repeat(5000)}}`),
    },
  ];
  if (base === undefined) return cases;
  cases.push(
    { kind: "body: extra field", body: jsonBody({ ...(base as object), fzExtra: marker }) },
    {
      kind: "body: extra field with a long random name",
      body: jsonBody({ ...(base as object), [longName(marker)]: 1 }),
    },
  );
  const firstKey = Object.keys(base as object)[0];
  if (firstKey) {
    const text = JSON.stringify(base).replace(/^\{/, `{${JSON.stringify(firstKey)}:"${marker}",`);
    cases.push({ kind: "body: repeated key", detail: firstKey, body: rawJson(text) });
  }
  const slots = slotsOf(operation.body ?? {}, base);
  slots.forEach((slot, i) => {
    const detail = pathName(slot.path);
    const wrong = wrongTypesFor(slot.schema);
    cases.push({
      kind: "body: wrong type",
      detail,
      body: jsonBody(replacedAt(base, slot.path, wrong[i % wrong.length])),
    });
    if (slot.required) {
      cases.push({
        kind: "body: required field missing",
        detail,
        body: jsonBody(removedAt(base, slot.path)),
      });
    }
    for (const bound of [slot.schema.minimum, slot.schema.maximum]) {
      if (slot.schema.type !== "integer" || bound === undefined) continue;
      cases.push({
        kind: "body: an integer at the end of its range",
        detail,
        body: jsonBody(replacedAt(base, slot.path, bound)),
      });
    }
    if (!isString(slot)) return;
    for (const [label, text] of STRANGE_TEXT) {
      cases.push({
        kind: `body: ${label} in a string`,
        detail,
        body: jsonBody(replacedAt(base, slot.path, `${text}${marker}${text}`)),
      });
    }
  });
  const firstString = slots.find(isString);
  if (firstString) {
    const detail = pathName(firstString.path);
    for (const [kind, size] of [
      ["body: 100 KB string (over the body limit)", HUGE_STRING],
      ["body: 60 KB string (under the body limit)", LONG_STRING],
    ] as const) {
      const long = marker + "y".repeat(size - marker.length);
      cases.push({ kind, detail, body: jsonBody(replacedAt(base, firstString.path, long)) });
    }
  }
  return cases;
}

/**
 * Grounds for a route: the first whose request the route takes is the one its cases break, so
 * that each broken thing meets the handler and the database, not only the validator.
 */
export function groundsOf(operation: Operation, start: Date, seed: number, count: number) {
  return fc.sample(groundOf(operation, start), { seed, numRuns: count });
}

function caseMaker(operation: Operation, ground: Ground) {
  const origin: OriginChoice = SAFE_METHODS.has(operation.method) ? "none" : "public";
  const defaultBody = ground.base === undefined ? null : jsonBody(ground.base);
  return (
    kind: string,
    parts: { pathValues?: Record<string, string>; query?: string; body?: Body | null },
    detail = "",
  ): FuzzCase => ({
    operation,
    kind,
    detail,
    caller: ownerOf(operation),
    origin,
    target: targetOf(operation, parts.pathValues ?? ground.pathValues, parts.query ?? ground.query),
    body: parts.body === undefined ? defaultBody : parts.body,
    marker: ground.marker,
  });
}

/** The ground's request as made, sent by the route's own kind of caller. */
export const generatedCase = (operation: Operation, ground: Ground) =>
  caseMaker(operation, ground)("as generated", {});

/**
 * The same cases every run, for each route: each odd id in each path parameter, each odd query,
 * each body that breaks one thing (every field in turn, and integers at both ends of their
 * range, where storage types overflow). Seeded only in the values around them.
 */
export function fixedCases(operation: Operation, ground: Ground): FuzzCase[] {
  const make = caseMaker(operation, ground);
  const { marker } = ground;
  return [
    { ...make("as generated, signed out", {}), caller: "signedOut" },
    ...operation.pathParams.flatMap((param) =>
      oddIds(marker).map(([label, value]) =>
        make(
          `path parameter: ${label}`,
          { pathValues: { ...ground.pathValues, [param.name]: value } },
          param.name,
        ),
      ),
    ),
    ...oddQueries(
      operation.query.map((p) => p.name),
      marker,
    ).map(([label, query]) => make(`query: ${label}`, { query })),
    ...(sendsBody(operation)
      ? bodyCases(operation, ground).map(({ kind, detail, body }) => make(kind, { body }, detail))
      : []),
  ];
}

interface Part<T> {
  label: string | null;
  value: T;
}

const unchanged = <T>(value: T): fc.Arbitrary<Part<T>> => fc.constant({ label: null, value });
const labelled = <T>(label: string, arbitrary: fc.Arbitrary<T>) =>
  arbitrary.map((value): Part<T> => ({ label, value }));

const controlText = fc.string({
  unit: fc.constantFrom("\u0000", "\u0001", "\u001b", "\ud800", "\udfff", "\u202e", "é", "💔", "a"),
  maxLength: 30,
});
const anyText = fc.string({ unit: "binary", maxLength: 80 });

function randomPathValue(marker: string, valid: string): fc.Arbitrary<Part<string>> {
  return fc.oneof(
    { arbitrary: unchanged(valid), weight: 3 },
    fc
      .constantFrom(...oddIds(marker))
      .map(([label, value]) => ({ label: `path: ${label}`, value })),
    labelled("path: random text", anyText.map(percentEncoded)),
  );
}

function randomQuery(operation: Operation, marker: string, valid: string) {
  const key = fc.oneof(fc.constantFrom("fz", ...operation.query.map((p) => p.name)), anyText);
  const value = fc.oneof(controlText, anyText, fc.constantFrom(marker, "", "%00", "%zz", "%", "+"));
  const pairs = fc
    .array(fc.tuple(key, value), { minLength: 1, maxLength: 6 })
    .map((entries) =>
      entries
        .map(([k, v]) => `${percentEncoded(k)}=${/^%|^\+$/.test(v) ? v : percentEncoded(v)}`)
        .join("&"),
    );
  return fc.oneof(
    { arbitrary: unchanged(valid), weight: 3 },
    labelled(
      "query: random pairs",
      pairs.map((q) => `${q}&fz=${marker}`),
    ),
  );
}

type Mutation = (value: unknown) => unknown;

function slotMutation(slot: Slot, marker: string): fc.Arbitrary<Part<Mutation>> {
  const put = (label: string, arbitrary: fc.Arbitrary<unknown>) =>
    labelled(
      label,
      arbitrary.map(
        (replacement): Mutation =>
          (v) =>
            replacedAt(v, slot.path, replacement),
      ),
    );
  return fc.oneof(
    put("wrong type", fc.constantFrom(...wrongTypesFor(slot.schema))),
    put("random JSON value", fc.jsonValue({ maxDepth: 3 })),
    put(
      "control characters",
      controlText.map((t) => `${t}${marker}`),
    ),
    put("random text", anyText),
    put("long string", fc.constant(`${marker}${"z".repeat(LONG_STRING)}`)),
    labelled(
      "field missing",
      fc.constant((v: unknown) => removedAt(v, slot.path)),
    ),
  );
}

function mutatedBody(operation: Operation, base: unknown, marker: string) {
  const slots = slotsOf(operation.body ?? {}, base);
  const extraField = fc.oneof(
    labelled(
      "extra field",
      fc.constant((v: unknown) => ({ ...(v as object), fzExtra: marker })),
    ),
    labelled(
      "extra field with a long random name",
      fc.constant((v: unknown) => ({ ...(v as object), [longName(marker)]: 1 })),
    ),
  );
  const mutation = slots.length
    ? fc.oneof(
        extraField,
        fc.constantFrom(...slots).chain((slot) => slotMutation(slot, marker)),
      )
    : extraField;
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => ({
    label: `body: ${[...new Set(mutations.map((m) => m.label))].join(", ")}`,
    value: jsonBody(mutations.reduce((value, m) => m.value(value), base)),
  }));
}

function randomBody(operation: Operation, ground: Ground): fc.Arbitrary<Part<Body | null>> {
  if (!sendsBody(operation)) return unchanged(null);
  const junk = [
    labelled("body: random JSON", fc.jsonValue({ maxDepth: 4 }).map(jsonBody)),
    labelled("body: random text", anyText.map(rawJson)),
  ];
  if (ground.base === undefined) return fc.oneof(unchanged(null), ...junk);
  return fc.oneof(
    { arbitrary: unchanged(jsonBody(ground.base)), weight: 1 },
    { arbitrary: mutatedBody(operation, ground.base, ground.marker), weight: 4 },
    ...junk.map((arbitrary) => ({ arbitrary, weight: 1 })),
  );
}

/**
 * Random cases: any caller and Origin, and any mix of odd path, query and body, broken from the
 * accepted ground or from new ones.
 */
export function randomCases(
  operation: Operation,
  start: Date,
  accepted: Ground,
  seed: number,
  count: number,
) {
  const grounds = fc.oneof(fc.constant(accepted), groundOf(operation, start));
  const arbitrary = grounds.chain((ground) =>
    fc
      .record({
        caller: fc.oneof(
          { arbitrary: fc.constant(ownerOf(operation)), weight: 3 },
          fc.constantFrom<Caller>("partner", "therapist", "signedOut", "staleCookie"),
        ),
        origin: fc.constantFrom<OriginChoice>("none", "public", "public", "foreign"),
        path: fc.tuple(
          ...operation.pathParams.map((p) =>
            randomPathValue(ground.marker, ground.pathValues[p.name] ?? "").map(
              (part) => [p.name, part] as const,
            ),
          ),
        ),
        query: randomQuery(operation, ground.marker, ground.query),
        body: randomBody(operation, ground),
      })
      .map(({ caller, origin, path, query, body }): FuzzCase => {
        const labels = [...path.map(([, part]) => part.label), query.label, body.label];
        return {
          operation,
          kind: `random: ${labels.filter(Boolean).join(" + ") || "as generated"}`,
          detail: "",
          caller,
          origin,
          target: targetOf(
            operation,
            Object.fromEntries(path.map(([name, part]) => [name, part.value])),
            query.value,
          ),
          body: body.value,
          marker: ground.marker,
        };
      }),
  );
  return count > 0 ? fc.sample(arbitrary, { seed, numRuns: count }) : [];
}
