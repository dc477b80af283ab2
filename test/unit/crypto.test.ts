import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { b64, fromB64, fromUtf8, utf8 } from "../../src/client/crypto/encoding.ts";
import { type Kid, kidOf, open, seal } from "../../src/client/crypto/envelope.ts";
import { grant, identityOf, inviteKey, openGrant } from "../../src/client/crypto/grant.ts";
import { hkdf, type KdfParams, passwordKeys } from "../../src/client/crypto/keys.ts";
import {
  formatRecoveryCode,
  parseRecoveryCode,
  recoveryKeys,
} from "../../src/client/crypto/recovery-code.ts";

/**
 * The sealed-words protocol (v1) against its known answers. The vectors are a copy of the
 * design's; when the design's file is beside the project, the copy must still match it.
 */
const here = resolve(import.meta.dirname, "fixtures/encryption-vectors.json");
const V = JSON.parse(readFileSync(here, "utf8"));
const design = resolve(import.meta.dirname, "../../../shared/design/encryption-vectors.json");

describe("the protocol's known answers", () => {
  it("are the design's own", () => {
    if (existsSync(design)) {
      expect(JSON.parse(readFileSync(design, "utf8"))).toEqual(V);
    } else {
      expect(V.about).toMatch(/protocol v1/);
    }
  });

  it("derive the root, auth and master keys from the password (NFC first)", async () => {
    const keys = await passwordKeys(V.kdf.password, V.kdf.kdf as KdfParams);
    expect(b64(keys.rootKey)).toBe(V.kdf.rootKey);
    expect(b64(keys.authKey)).toBe(V.kdf.authKey);
    expect(b64(keys.masterKey)).toBe(V.kdf.masterKey);
    // The vector's password is typed decomposed; it derives as its NFC form does.
    expect(V.kdf.password).not.toBe(V.kdf.passwordNFC);
    expect(V.kdf.password.normalize("NFC")).toBe(V.kdf.passwordNFC);
    expect(b64((await passwordKeys(V.kdf.passwordNFC, V.kdf.kdf)).rootKey)).toBe(V.kdf.rootKey);
  }, 30_000);

  it("refuses to derive with less memory or fewer passes than the floor", async () => {
    await expect(passwordKeys("x", { ...V.kdf.kdf, memoryKiB: 1024 })).rejects.toThrow(/weaker/);
    await expect(passwordKeys("x", { ...V.kdf.kdf, iterations: 1 })).rejects.toThrow(/weaker/);
  });

  it("write the recovery code, read it back as typed, and derive its keys", async () => {
    const bytes = fromB64(V.recoveryCode.bytes);
    expect(formatRecoveryCode(bytes)).toBe(V.recoveryCode.text);
    expect(b64(parseRecoveryCode(V.recoveryCode.readsBackFrom) ?? new Uint8Array())).toBe(
      V.recoveryCode.bytes,
    );
    const lookAlikes = V.recoveryCode.text.replaceAll("0", "o").replaceAll("1", "l");
    expect(b64(parseRecoveryCode(lookAlikes) ?? new Uint8Array())).toBe(V.recoveryCode.bytes);
    expect(parseRecoveryCode("too short")).toBeNull();
    expect(parseRecoveryCode(`${V.recoveryCode.text.slice(0, -1)}U`)).toBeNull();
    const keys = await recoveryKeys(bytes);
    expect(b64(keys.recoveryKey)).toBe(V.recoveryCode.recoveryKey);
    expect(b64(keys.recoveryAuthKey)).toBe(V.recoveryCode.recoveryAuthKey);
  });

  it("seal every envelope byte for byte, and open it again", async () => {
    for (const v of V.seal) {
      const plaintext = v.plaintext !== undefined ? fromB64(v.plaintext) : utf8(v.plaintextText);
      const key = fromB64(v.key);
      const envelope = await seal(key, v.kid as Kid, v.context, plaintext, fromB64(v.iv));
      expect(envelope, v.context).toBe(v.envelope);
      expect(kidOf(envelope)).toBe(v.kid);
      const opened = await open(key, envelope, v.context);
      if (v.plaintextText !== undefined) expect(fromUtf8(opened)).toBe(v.plaintextText);
      else expect(b64(opened)).toBe(v.plaintext);
    }
  });

  it("derive the invite key from the link's secret", async () => {
    expect(b64(await inviteKey(fromB64(V.invite.secret)))).toBe(V.invite.inviteKey);
  });

  it("find each identity's public key from its private key", async () => {
    for (const person of Object.values(V.identities) as Array<{
      pkcs8: string;
      publicKey: string;
    }>) {
      expect(b64((await identityOf(fromB64(person.pkcs8))).publicKey)).toBe(person.publicKey);
    }
  });

  it("grant the space key to the recipient alone, byte for byte", async () => {
    const g = V.grant;
    const ephemeral = await identityOf(fromB64(g.ephemeralPkcs8));
    expect(b64(ephemeral.publicKey)).toBe(g.ephemeralPublicKey);
    const sealed = await grant(
      fromB64(g.recipientPublicKey),
      g.context,
      fromB64(g.spaceKey),
      ephemeral,
      fromB64(g.iv),
    );
    expect(sealed).toBe(g.grant);
    const recipient = await identityOf(fromB64(g.recipientPkcs8));
    expect(b64(await openGrant(recipient, g.context, sealed))).toBe(g.spaceKey);
    const alice = await identityOf(fromB64(V.identities.alice.pkcs8));
    await expect(openGrant(alice, g.context, sealed)).rejects.toThrow(/does not open/);
    await expect(openGrant(recipient, `${g.context}x`, sealed)).rejects.toThrow(/does not open/);
  });

  it("refuse every envelope moved to another item or field", async () => {
    for (const v of V.mustFail) {
      await expect(open(fromB64(v.key), v.envelope, v.context), v.why).rejects.toThrow(
        /does not open/,
      );
    }
  });

  it("seal with a fresh IV each time, and take nothing that is not an envelope", async () => {
    const key = await hkdf(utf8("a test key"), "mend/v1/test");
    const a = await seal(key, "p", "ctx", utf8("same words"));
    const b = await seal(key, "p", "ctx", utf8("same words"));
    expect(a).not.toBe(b);
    await expect(open(key, "plain words", "ctx")).rejects.toThrow(/Not a sealed value/);
    // One character inside the ciphertext: the last one may carry only padding bits.
    const at = a.length - 5;
    const altered = `${a.slice(0, at)}${a[at] === "A" ? "B" : "A"}${a.slice(at + 1)}`;
    await expect(open(key, altered, "ctx")).rejects.toThrow();
  });
});
