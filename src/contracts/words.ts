import { z } from "zod";

/**
 * Where a person's own words sit in a request or a reply, named the way the sealing protocol
 * names them in an item's context (`agreement`/`text`, `parking-lot`/`topic`, …). On the wire
 * and in the database every one of them is an envelope sealed in the browser; the client seals
 * them before sending and opens them after receiving, and export prints them from there.
 */
export interface WordsMeta {
  type: string;
  field: string;
  /** `couple`: the context's space is the couple's id; `person`: `u:<userId>`, sealed with `p`. */
  space: "couple" | "person";
  /** The key of the holding object that names the item (its context's id): `id` unless said. */
  idKey: string;
  /** Text is sealed as its UTF-8; anything else (chosen answers) as its JSON. */
  format: "text" | "json";
  /**
   * The visibility the words are sealed for when the holder names none: `private` for what is
   * private unless its author says otherwise (hurt entries) or always (a working draft).
   */
  defaultVisibility: "private" | "couple";
}

export const personWords = z.registry<WordsMeta>();
/** What the person writes at each marked field, checked in the browser before sealing. */
const plainOf = new WeakMap<z.ZodType, z.ZodType>();

/** `m1.<kid>.<iv>.<ciphertext>`, with only the keys an item may be sealed with. */
export const ITEM_ENVELOPE = /^m1\.(p|s[0-9]+)\.[A-Za-z0-9_-]{16}\.([A-Za-z0-9_-]+)$/;
/** base64url of the 16-byte tag alone: a ciphertext this short seals nothing at all. */
const EMPTY_CIPHERTEXT = 22;

/** The longest envelope a text of `maxChars` characters can seal to (four bytes a character). */
function envelopeBound(maxChars: number): number {
  return "m1.s999.".length + 17 + Math.ceil(((maxChars * 4 + 16) * 4) / 3);
}

// The checks are added in one step: each chained one copies the schema, and with a sealed
// field in every contract, the copies were a measurable part of a phone's first page.
function envelopeSchema(maxChars: number) {
  return z.string({ error: "This must be sealed in the browser before it is sent." }).check(
    z.maxLength(envelopeBound(maxChars), { error: "This sealed value is longer than allowed." }),
    z.regex(ITEM_ENVELOPE, {
      error: "This must be sealed in the browser before it is sent (a protocol v1 envelope).",
    }),
    z.refine((value: string) => (ITEM_ENVELOPE.exec(value)?.[2]?.length ?? 0) > EMPTY_CIPHERTEXT, {
      error: "This can't be empty.",
    }),
  );
}

function maxCharsOf(plain: z.ZodType): number {
  const max = (plain as z.ZodString).maxLength;
  return typeof max === "number" ? max : 4096;
}

/**
 * Marks a person's words. `plain` is what they write (checked in the browser); the schema
 * returned is what travels: an envelope. Its TypeScript type stays the plain one, because the
 * one client seals and opens at the edge, so callers on both sides of it deal in plain words.
 * Mark the inner schema, before `.optional()`.
 */
export function words<T extends z.ZodType>(
  type: string,
  field: string,
  plain: T,
  options: {
    space?: WordsMeta["space"];
    idKey?: string;
    maxChars?: number;
    defaultVisibility?: WordsMeta["defaultVisibility"];
  } = {},
): T {
  const wire = envelopeSchema(options.maxChars ?? maxCharsOf(plain));
  personWords.add(wire, {
    type,
    field,
    space: options.space ?? "couple",
    idKey: options.idKey ?? "id",
    format: plain instanceof z.ZodString ? "text" : "json",
    defaultVisibility: options.defaultVisibility ?? "couple",
  });
  plainOf.set(wire, plain);
  return wire as unknown as T;
}

/** The plain schema of a marked field. */
export function plainWords(wire: z.ZodType): z.ZodType | undefined {
  return plainOf.get(wire);
}

export interface WordsAt extends WordsMeta {
  /** Where in the value, e.g. `agreement.text` or `history[].note`. */
  path: string;
}

/** Every marked field of a schema, found through objects, arrays, unions and wrappers. */
export function wordsIn(schema: z.ZodType, path = ""): WordsAt[] {
  const meta = personWords.get(schema);
  if (meta) return [{ ...meta, path }];
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) =>
      wordsIn(field, at(key)),
    );
  }
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault
  ) {
    return wordsIn(schema.unwrap() as z.ZodType, path);
  }
  if (schema instanceof z.ZodArray) return wordsIn(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodUnion) {
    const found = (schema.options as z.ZodType[]).flatMap((option) => wordsIn(option, path));
    return found.filter((w, i) => found.findIndex((v) => v.path === w.path) === i);
  }
  if (schema instanceof z.ZodRecord) return wordsIn(schema.valueType as z.ZodType, `${path}{}`);
  return [];
}

/** The words marked directly on one object schema, by key. */
export function wordsOnObject(shape: Record<string, z.ZodType>): Array<[string, WordsMeta]> {
  return Object.entries(shape).flatMap(([key, field]) => {
    let inner: z.ZodType = field;
    while (
      inner instanceof z.ZodOptional ||
      inner instanceof z.ZodNullable ||
      inner instanceof z.ZodDefault
    ) {
      inner = inner.unwrap() as z.ZodType;
    }
    const meta = personWords.get(inner);
    return meta ? [[key, meta] as [string, WordsMeta]] : [];
  });
}

/** The key an item's words must be sealed with, given its visibility: `p` or a space key. */
export function kidFits(kid: string, meta: WordsMeta, visibility: unknown): boolean {
  if (sealedPrivately(meta, visibility)) return kid === "p";
  return /^s[0-9]+$/.test(kid);
}

/** Whether words at this place are for their author alone: sealed with `p`, never a space key. */
export function sealedPrivately(meta: WordsMeta, visibility: unknown): boolean {
  return meta.space === "person" || (visibility ?? meta.defaultVisibility) === "private";
}

/**
 * A request body that carries words: an object whose sealed fields must be sealed with the key
 * its visibility calls for (`p` for a private item, a space key otherwise), so a private note
 * can never be sent readable to the partner, nor a shared one locked away by mistake.
 */
export function sealedBody<S extends z.ZodObject>(schema: S): S {
  const sealed = wordsOnObject(schema.shape as Record<string, z.ZodType>);
  return schema.superRefine((value, context) => {
    const record = value as Record<string, unknown>;
    for (const [key, meta] of sealed) {
      const envelope = record[key];
      if (typeof envelope !== "string") continue;
      const kid = envelope.split(".")[1] ?? "";
      if (!kidFits(kid, meta, record.visibility)) {
        context.addIssue({
          code: "custom",
          path: [key],
          message: sealedPrivately(meta, record.visibility)
            ? "A private item must be sealed with the author's personal key (p)."
            : "A shared item must be sealed with the couple's space key (s<N>).",
        });
      }
    }
  }) as unknown as S;
}

/** Strips client-made ids: what a form holds before the client names the new item. */
export type Draft<T> = T extends unknown ? Omit<T, "id" | "reasonId"> : never;

/**
 * The schema of what a person types for a body: each sealed field checked as plain words again,
 * and without the ids the client makes when it sends.
 */
export function draftOf<S extends z.ZodObject>(
  schema: S,
): z.ZodObject<Omit<S["shape"], "id" | "reasonId">, z.core.$strict>;
export function draftOf<S extends z.ZodType>(
  schema: S,
): z.ZodType<Draft<z.output<S>>, Draft<z.input<S>>>;
export function draftOf(schema: z.ZodType): z.ZodType {
  return plainSchema(schema, true);
}

function plainSchema(schema: z.ZodType, dropIds = false): z.ZodType {
  const plain = plainOf.get(schema);
  if (plain) return plain;
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>)
        .filter(([key]) => !dropIds || (key !== "id" && key !== "reasonId"))
        .map(([key, field]) => [key, plainSchema(field)]),
    );
    return z.strictObject(shape);
  }
  if (schema instanceof z.ZodOptional) return plainSchema(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return plainSchema(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodDefault) return plainSchema(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const options = (schema.options as z.ZodType[]).map((option) => plainSchema(option, dropIds));
    return z.discriminatedUnion(
      (schema as unknown as { def: { discriminator: string } }).def.discriminator,
      options as never,
    );
  }
  return schema;
}
