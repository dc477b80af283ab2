import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** What is worth compressing: text formats and WebAssembly (images like PNG already are). */
export const COMPRESSIBLE = /\.(m?js|css|html|svg|json|webmanifest|wasm)$/;

/**
 * Pre-compressed copies of the build: `file.br` (brotli at its best) and `file.gz` (gzip at
 * level 9) next to every compressible file, so the server picks one per request and never
 * compresses on its own. Made from the bytes as written, after every other plugin (the
 * integrity of index.html included), so a decoded copy is byte for byte its file.
 */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "mend:precompress",
    apply: "build",
    enforce: "post",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle: {
      order: "post",
      sequential: true,
      async handler(options) {
        const dir = options.dir ?? outDir;
        const files = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.test(file));
        await Promise.all(files.map((file) => writeCompressed(join(dir, file))));
      },
    },
  };
}

async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? filesUnder(dir, join(prefix, entry.name))
        : Promise.resolve([join(prefix, entry.name)]),
    ),
  );
  return nested.flat();
}

async function writeCompressed(path: string): Promise<void> {
  const bytes = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
}
