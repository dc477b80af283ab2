import type { DeriveKeys } from "../../client/crypto/account-keys.ts";
import workerUrl from "./derive.worker.ts?worker&url";

/** Derives a password's keys in a worker, so the page never freezes while Argon2id runs. */
export const deriveInWorker: DeriveKeys = async (password, kdf) => {
  const { worker, done } = await startWorker();
  return new Promise((resolve, reject) => {
    const end = () => {
      worker.terminate();
      done();
    };
    worker.onmessage = (event) => {
      end();
      if (event.data?.ok) resolve(event.data.keys);
      else reject(new Error(event.data?.message ?? "Key derivation failed."));
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message || "Key derivation failed."));
    };
    worker.postMessage({ password, kdf });
  });
};

/**
 * A browser checks no integrity when `new Worker(url)` loads a script, so the built worker is
 * fetched with the integrity index.html's import map pins for it (other bytes are refused) and
 * started from exactly those bytes. The worker is one file (vite.config.ts): nothing it runs is
 * fetched unchecked. The dev server has no pins and starts it as it is.
 */
async function startWorker(): Promise<{ worker: Worker; done: () => void }> {
  if (!import.meta.env.PROD) {
    return { worker: new Worker(workerUrl, { type: "module" }), done: () => {} };
  }
  const url = new URL(workerUrl, document.baseURI);
  const integrity = pinnedIntegrity(url.pathname);
  if (!integrity) throw new Error("The key worker is not pinned; refusing to run it.");
  const response = await fetch(url, { integrity });
  if (!response.ok) throw new Error("The key worker could not be loaded.");
  const script = URL.createObjectURL(
    new Blob([await response.arrayBuffer()], { type: "text/javascript" }),
  );
  return {
    worker: new Worker(script, { type: "module" }),
    done: () => URL.revokeObjectURL(script),
  };
}

function pinnedIntegrity(path: string): string | undefined {
  const map = document.querySelector('script[type="importmap"]')?.textContent;
  if (!map) return undefined;
  const integrity: unknown = JSON.parse(map).integrity?.[path];
  return typeof integrity === "string" ? integrity : undefined;
}
