import type { DeriveKeys } from "../../client/crypto/account-keys.ts";

/** Derives a password's keys in a worker, so the page never freezes while Argon2id runs. */
export const deriveInWorker: DeriveKeys = (password, kdf) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./derive.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event) => {
      worker.terminate();
      if (event.data?.ok) resolve(event.data.keys);
      else reject(new Error(event.data?.message ?? "Key derivation failed."));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "Key derivation failed."));
    };
    worker.postMessage({ password, kdf });
  });
