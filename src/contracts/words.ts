import { z } from "zod";

/**
 * Where a person's own words sit in a request or a reply, named the way the sealing protocol
 * names them in an item's context (`agreement`/`text`, `parking-lot`/`topic`, …): what the
 * client will seal before sending and open after receiving, what export will print.
 */
export interface WordsMeta {
  type: string;
  field: string;
}

export const personWords = z.registry<WordsMeta>();

/** Marks a schema as holding a person's words. Mark the inner schema, before `.optional()`. */
export function words<T extends z.ZodType>(type: string, field: string, schema: T): T {
  personWords.add(schema, { type, field });
  return schema;
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
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
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
