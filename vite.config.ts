import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { narrowInlinedImports, subresourceIntegrity } from "./build/subresource-integrity.ts";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot("./src/web"),
  publicDir: fromRoot("./src/web/public"),
  // Every script, module preload and stylesheet carries Subresource Integrity; the build
  // prints the hashes (build/subresource-integrity.ts).
  plugins: [react(), subresourceIntegrity()],
  worker: {
    format: "es",
    // The worker is one file with nothing to import: a browser checks no integrity on what a
    // worker imports, so the whole worker is the one file the page checks before it runs it.
    rolldownOptions: { output: { codeSplitting: false } },
    plugins: () => [narrowInlinedImports()],
  },
  build: {
    outDir: fromRoot("./dist/web"),
    emptyOutDir: true,
    sourcemap: false,
    // The CSP forbids inline script; keep every asset a real file, never a data: URL.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files cache better.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            {
              name: "data",
              test: /node_modules[\\/](zod|@tanstack|react-hook-form|@hookform)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
  preview: {
    host: "127.0.0.1",
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
