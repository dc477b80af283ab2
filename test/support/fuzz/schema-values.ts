import fc from "fast-check";
import { ITEM_ENVELOPE } from "../../../src/contracts/words.ts";
import type { JsonSchema } from "./openapi.ts";

/**
 * Values that a route's schema accepts, or nearly: a case that only ever fails validation never
 * reaches a handler or the database, so each case starts from one of these and breaks one thing.
 * Refinements the document cannot say (which key seals what, known time zones) are met by
 * chance or by the few hints below.
 */
export function acceptedValue(schema: JsonSchema, start: Date, name = ""): fc.Arbitrary<unknown> {
  const value = schemaValue(schema, start, name);
  return schema.nullable ? fc.oneof(value, fc.constant(null)) : value;
}

function schemaValue(schema: JsonSchema, start: Date, name: string): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.oneOf ?? schema.anyOf;
  if (options) return fc.oneof(...options.map((option) => acceptedValue(option, start, name)));
  switch (schema.type) {
    case "object":
      return objectOf(schema, start);
    case "array":
      return fc.array(acceptedValue(schema.items ?? {}, start, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case "string":
      return stringOf(schema, start, name);
    case "integer":
      return integerOf(schema);
    case "number":
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(schema: JsonSchema, start: Date): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, acceptedValue(property, start, key)]),
  );
  return fc.record(shape, { requiredKeys: schema.required ?? [] });
}

/** Both ends of a range are where storage types overflow; the middle is where rules run. */
function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? Number.MIN_SAFE_INTEGER;
  const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  const near = fc.integer({
    min: Math.max(min, -1e6),
    max: Math.min(max, Math.max(min, -1e6) + 200),
  });
  return fc.oneof({ arbitrary: near, weight: 4 }, fc.constantFrom(min, max));
}

const DAY_MS = 86_400_000;

/**
 * A day or an instant a few weeks around the test clock's start (never today), so rules on
 * dates can pass.
 */
function aroundStart(start: Date, format: "date" | "date-time"): fc.Arbitrary<string> {
  return fc.integer({ min: -40, max: 40 }).map((days) => {
    const iso = new Date(start.getTime() + days * DAY_MS).toISOString();
    return format === "date" ? iso.slice(0, 10) : iso;
  });
}

/** Envelopes sealed with the keys a couple holds at first: the author's own, or space key 1. */
const envelope = fc
  .tuple(
    fc.constantFrom("p", "s1"),
    fc.stringMatching(/^[A-Za-z0-9_-]{16}$/),
    fc.stringMatching(/^[A-Za-z0-9_-]{24,60}$/),
  )
  .map(([kid, iv, ciphertext]) => `m1.${kid}.${iv}.${ciphertext}`);

const NAMED_HINTS: Record<string, fc.Arbitrary<string>> = {
  timeZone: fc.constantFrom("Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata"),
  start: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
  email: fc.stringMatching(/^[a-z]{3,10}@example\.org$/),
};

function stringOf(schema: JsonSchema, start: Date, name: string): fc.Arbitrary<string> {
  if (schema.format === "date" || schema.format === "date-time") {
    return aroundStart(start, schema.format);
  }
  if (schema.pattern === ITEM_ENVELOPE.source) return envelope;
  const hint = NAMED_HINTS[name];
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  const free = (schema.pattern && matching(schema.pattern)) || fc.string({ minLength, maxLength });
  return hint ? fc.oneof({ arbitrary: hint, weight: 3 }, free) : free;
}

export type Path = Array<string | number>;

/** A place in a value that a case can break: each property present, at any depth. */
export interface Slot {
  path: Path;
  schema: JsonSchema;
  /** The object holding it must have it. */
  required: boolean;
}

/** Every property of `value` that `schema` describes, parents before their children. */
export function slotsOf(schema: JsonSchema, value: unknown, path: Path = []): Slot[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => slotsOf(schema.items ?? {}, item, [...path, index]));
  }
  if (value === null || typeof value !== "object") return [];
  const properties = propertiesFor(schema, value as Record<string, unknown>);
  return Object.keys(value).flatMap((key) => {
    const child = properties.schema[key] ?? {};
    const here = { path: [...path, key], schema: child, required: properties.required.has(key) };
    return [here, ...slotsOf(child, (value as Record<string, unknown>)[key], here.path)];
  });
}

/** The properties of the object schema (or of the one `oneOf` branch) that fits `value`. */
function propertiesFor(schema: JsonSchema, value: Record<string, unknown>) {
  const branches = schema.oneOf ?? schema.anyOf ?? [schema];
  const fits =
    branches.find((branch) =>
      Object.keys(value).every((key) => key in (branch.properties ?? {})),
    ) ?? schema;
  return { schema: fits.properties ?? {}, required: new Set(fits.required ?? []) };
}

/** A copy of `value` with the thing at `path` replaced. */
export function replacedAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = shallowCopy(value);
  copy[head] = replacedAt(copy[head], rest, replacement);
  return copy;
}

/** A copy of `value` without the property (or array item) at `path`. */
export function removedAt(value: unknown, path: Path): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy = shallowCopy(value);
  if (rest.length > 0) copy[head] = removedAt(copy[head], rest);
  else if (Array.isArray(copy)) copy.splice(Number(head), 1);
  else delete copy[head];
  return copy;
}

function shallowCopy(value: unknown): Record<string | number, unknown> {
  const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  return copy as Record<string | number, unknown>;
}

export const pathName = (path: Path) => path.join(".");

/** Strings a pattern accepts, or null where fast-check cannot build them (a lookahead). */
function matching(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return null;
  }
}
