import { z } from "zod";
import {
  kidFits,
  personWords,
  plainWords,
  sealedPrivately,
  type WordsMeta,
} from "../contracts/words.ts";
import { type OpenedKeys, openOwnGrant } from "./crypto/account-keys.ts";
import { fromUtf8, utf8 } from "./crypto/encoding.ts";
import { kidOf, open, seal } from "./crypto/envelope.ts";

/** What a reader sees in place of words that did not open, so one item never breaks a screen. */
export const UNOPENED = {
  /** Sealed with keys this person had before a reset, or a space key not granted to them. */
  earlierKeys: "Sealed with your earlier keys, so it can't be opened any more.",
  /** Shared words whose key this person does not hold (yet): after a reset, until re-granted. */
  notGranted: "Shared, and waiting for your partner to let you back in.",
  /** Altered, or copied from another place: it does not open. */
  damaged: "This could not be opened.",
} as const;

export function isUnopened(text: unknown): boolean {
  return Object.values(UNOPENED).some((marker) => marker === text);
}

/** The couple's space keys as this person holds them: current version and every granted one. */
export interface SpaceKeys {
  coupleId: string;
  version: number;
  keys: Map<number, Uint8Array>;
}

export interface GrantsReply {
  coupleId: string;
  version: number;
  grants: Array<{ version: number; grant: string }>;
}

/** Thrown when words belong to a couple space and the person is in none. */
export class NoSpaceError extends Error {
  constructor() {
    super("You are not part of a couple space.");
    this.name = "NoSpaceError";
  }
}

/** Thrown when shared words are to be sealed but the couple's key was not granted to this person. */
export class NotGrantedError extends Error {
  constructor() {
    super("Your partner needs to let you back into what you share before you can add to it.");
    this.name = "NotGrantedError";
  }
}

/** Which field of which item, and the problem, when plain words fail their own rules. */
export class PlainWordsError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super("Some fields need another look.");
    this.name = "PlainWordsError";
  }
}

/**
 * One person's keys at work: seals what they send and opens what they receive, field by field,
 * as the contracts mark the words. The space key is fetched (and its grant opened) when first
 * needed, so no screen has to load the couple first.
 */
export class Keyring {
  private space: Promise<SpaceKeys | null> | null = null;

  constructor(
    readonly opened: OpenedKeys,
    private readonly loadGrants: () => Promise<GrantsReply | null>,
  ) {}

  /** Forget the couple's keys (a couple started or joined, a new key version). */
  forgetSpace(): void {
    this.space = null;
  }

  /** The couple's keys, opened from the caller's grants; null outside a couple. */
  spaceKeys(): Promise<SpaceKeys | null> {
    if (!this.space) {
      this.space = this.openSpace().catch((error) => {
        this.space = null;
        throw error;
      });
    }
    return this.space;
  }

  private async openSpace(): Promise<SpaceKeys | null> {
    const reply = await this.loadGrants();
    if (!reply) return null;
    const keys = new Map<number, Uint8Array>();
    for (const { version, grant } of reply.grants) {
      try {
        keys.set(version, await openOwnGrant(this.opened, reply.coupleId, version, grant));
      } catch {
        // A grant to an earlier identity (before a reset) opens nothing; newer ones still do.
      }
    }
    return { coupleId: reply.coupleId, version: reply.version, keys };
  }

  /** Seals every marked field of a body, after checking each as the plain words it is. */
  async sealBody(schema: z.ZodType, body: unknown, params: Record<string, string> = {}) {
    const problems: Record<string, string> = {};
    const sealed = await walk(schema, body, "", async (meta, value, holder, path, wire) => {
      const plain = plainWords(wire)?.safeParse(value);
      if (plain && !plain.success) {
        problems[path] = plain.error.issues[0]?.message ?? "This needs another look.";
        return value;
      }
      const words = plain ? plain.data : value;
      const { key, kid, context } = await this.placeFor(meta, holder, params, "seal");
      const bytes = utf8(meta.format === "text" ? String(words) : JSON.stringify(words));
      if (!kidFits(kid, meta, holder.visibility)) throw new Error("No fitting key to seal with.");
      return seal(key, kid as never, context, bytes);
    });
    if (Object.keys(problems).length > 0) throw new PlainWordsError(problems);
    return sealed;
  }

  /** Opens every marked field of a reply; what does not open is marked, never thrown. */
  async openReply(schema: z.ZodType, reply: unknown, params: Record<string, string> = {}) {
    return walk(schema, reply, "", async (meta, value, holder) => {
      if (typeof value !== "string") return value;
      try {
        const kid = kidOf(value);
        if (!kid) return unopened(meta, UNOPENED.damaged);
        const place = await this.placeFor(meta, holder, params, "open", kid);
        if (!place) return unopened(meta, UNOPENED.notGranted);
        let plain: Uint8Array;
        try {
          plain = await open(place.key, value, place.context);
        } catch {
          // A personal key that does not open its own item: one from before a reset.
          return unopened(meta, kid === "p" ? UNOPENED.earlierKeys : UNOPENED.damaged);
        }
        const text = fromUtf8(plain);
        return meta.format === "text" ? text : JSON.parse(text);
      } catch {
        return unopened(meta, UNOPENED.damaged);
      }
    });
  }

  private async placeFor(
    meta: WordsMeta,
    holder: Record<string, unknown>,
    params: Record<string, string>,
    use: "seal",
  ): Promise<{ key: Uint8Array; kid: string; context: string }>;
  private async placeFor(
    meta: WordsMeta,
    holder: Record<string, unknown>,
    params: Record<string, string>,
    use: "open",
    kid: string,
  ): Promise<{ key: Uint8Array; kid: string; context: string } | null>;
  private async placeFor(
    meta: WordsMeta,
    holder: Record<string, unknown>,
    params: Record<string, string>,
    use: "seal" | "open",
    envelopeKid?: string,
  ) {
    const itemId = holder[meta.idKey] ?? params.id;
    if (typeof itemId !== "string") {
      throw new PlainWordsError({ [meta.idKey]: "Words are sealed under the new item's id." });
    }
    const personal = sealedPrivately(meta, holder.visibility);
    let spaceId = `u:${this.opened.userId}`;
    let key: Uint8Array | undefined;
    let kid: string;
    if (meta.space === "person") {
      kid = "p";
      key = this.opened.personal;
    } else {
      const space = await this.spaceKeys();
      if (!space) throw new NoSpaceError();
      spaceId = space.coupleId;
      const wanted = use === "seal" ? (personal ? "p" : `s${space.version}`) : (envelopeKid ?? "");
      kid = wanted;
      key = wanted === "p" ? this.opened.personal : space.keys.get(Number(wanted.slice(1)));
    }
    if (!key) {
      if (use === "open") return null;
      throw new NotGrantedError();
    }
    return { key, kid, context: `item|${spaceId}|${meta.type}|${itemId}|${meta.field}` };
  }
}

/** Chosen answers that do not open read as none at all; text reads as the marker. */
function unopened(meta: WordsMeta, marker: string): unknown {
  return meta.format === "text" ? marker : null;
}

type Visit = (
  meta: WordsMeta,
  value: unknown,
  holder: Record<string, unknown>,
  path: string,
  wire: z.ZodType,
) => Promise<unknown>;

function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (
    inner instanceof z.ZodOptional ||
    inner instanceof z.ZodNullable ||
    inner instanceof z.ZodDefault
  ) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner;
}

/** A copy of `value` with each marked field replaced by what `visit` makes of it. */
async function walk(
  schema: z.ZodType,
  value: unknown,
  path: string,
  visit: Visit,
): Promise<unknown> {
  const inner = unwrap(schema);
  if (value === null || value === undefined) return value;
  if (inner instanceof z.ZodObject && typeof value === "object" && !Array.isArray(value)) {
    const holder = value as Record<string, unknown>;
    const out: Record<string, unknown> = { ...holder };
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      if (!(key in holder)) continue;
      const at = path ? `${path}.${key}` : key;
      const wire = unwrap(field);
      const meta = personWords.get(wire);
      out[key] =
        meta && holder[key] !== null && holder[key] !== undefined
          ? await visit(meta, holder[key], holder, at, wire)
          : await walk(field, holder[key], at, visit);
    }
    return out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return Promise.all(
      value.map((item, i) => walk(inner.element as z.ZodType, item, `${path}.${i}`, visit)),
    );
  }
  if (inner instanceof z.ZodDiscriminatedUnion && typeof value === "object") {
    const key = (inner as unknown as { def: { discriminator: string } }).def.discriminator;
    const option = (inner.options as z.ZodType[]).find((candidate) => {
      const shape = (unwrap(candidate) as z.ZodObject).shape as Record<string, z.ZodType>;
      return shape[key]?.safeParse((value as Record<string, unknown>)[key]).success;
    });
    return option ? walk(option, value, path, visit) : value;
  }
  if (inner instanceof z.ZodUnion) {
    for (const option of inner.options as z.ZodType[]) {
      if (unwrap(option) instanceof z.ZodObject) return walk(option, value, path, visit);
    }
  }
  return value;
}
