/// <reference lib="webworker" />
import type { KdfParams } from "../../client/crypto/keys.ts";
import { passwordKeys } from "../../client/crypto/keys.ts";

/**
 * Argon2id off the main thread: a phone spends about a second here, and the page stays
 * responsive (and can say what it is doing) meanwhile. The password comes in and only keys go
 * back; the worker ends after one derivation.
 */
self.onmessage = async (event: MessageEvent<{ password: string; kdf: KdfParams }>) => {
  try {
    const keys = await passwordKeys(event.data.password, event.data.kdf);
    self.postMessage({ ok: true, keys });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : "failed" });
  }
};
