import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { reportInitialJavaScript } from "./build/initial-javascript.ts";
import { precompress } from "./build/precompress.ts";
import { serviceWorker } from "./build/service-worker.ts";
import { narrowInlinedImports, subresourceIntegrity } from "./build/subresource-integrity.ts";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot("./src/web"),
  publicDir: fromRoot("./src/web/public"),
  // The service worker joins the bundle first, naming this build's shell (ADR 0025). Every
  // script, module preload and stylesheet carries Subresource Integrity; the build prints the
  // hashes (build/subresource-integrity.ts). Then every text file is written brotli- and
  // gzip-compressed beside itself, for the server to choose from, and the weight of the first
  // page's JavaScript is printed against its budget.
  plugins: [
    react(),
    serviceWorker(),
    subresourceIntegrity(),
    precompress(),
    reportInitialJavaScript(),
  ],
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
    // One stylesheet, linked (and pinned) by index.html: a screen's CSS loaded with its code
    // would be added by script, without integrity (ADR 0015).
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files cache better.
        codeSplitting: {
          groups: [
            // What the first page runs on: rendering, routing and the query cache.
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 4,
            },
            // The frame and the landing page, in one file rather than a dozen small ones.
            { name: "index", test: /[\\/]src[\\/]/, tags: ["$initial"], priority: 3 },
            // Validation, for every screen that calls the API.
            { name: "zod", test: /node_modules[\\/]zod[\\/]/, priority: 2 },
            // What only screens with a form need.
            {
              name: "forms",
              test: /node_modules[\\/](react-hook-form|@hookform)[\\/]/,
              priority: 2,
            },
            // uPlot and our charts' hook and style: only the screens with a chart.
            {
              name: "charts",
              test: /node_modules[\\/]uplot[\\/]|[\\/]src[\\/]web[\\/]ui[\\/](use-plot|chart-style)\.ts$/,
              priority: 2,
            },
            // The API client and the account's contract: all the first page asks for later
            // (the instance's settings), without every other contract.
            {
              name: "client",
              test: /[\\/]src[\\/](client[\\/](api|sealing|cookie-jar|crypto[\\/].*)|contracts[\\/](account|common|errors|route|words)|web[\\/]ui[\\/]api-client)\.ts$/,
              priority: 2,
            },
            // The other contracts and what the screens share: one file for all of them.
            {
              name: "app",
              test: /[\\/]src[\\/](client|contracts|web[\\/]ui|web[\\/]features[\\/][^\\/]+[\\/]api)[\\/]/,
              priority: 1,
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
