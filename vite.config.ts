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
    // index.html preloads what the first page imports. A lazy screen's files are not preloaded
    // by script as well: each added <link> cost the first task ~25 ms of a phone's time, while
    // its imports, fetched once the screen's file has come, arrive from one level of the graph
    // (or from the cache) about as soon.
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === "html" ? deps : []),
    },
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files cache better.
        codeSplitting: {
          groups: [
            // What the first page runs on: rendering, routing and the query cache.
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 5,
            },
            // The frame and the landing page, in one file rather than a dozen small ones.
            { name: "index", test: /[\\/]src[\\/]/, tags: ["$initial"], priority: 4 },
            // uPlot and our charts' hook and style: only the screens with a chart.
            {
              name: "charts",
              test: /node_modules[\\/]uplot[\\/]|[\\/]src[\\/]web[\\/]ui[\\/](use-plot|chart-style)\.ts$/,
              priority: 4,
            },
            // What a screen with a form runs before anyone types.
            { name: "forms", test: /node_modules[\\/]react-hook-form[\\/]/, priority: 4 },
            // The UI kit every screen shares, and the one piece of the client it needs to tell a
            // failure's kind. Nothing in it may import the client or zod (ADR 0030): a screen
            // that needs them, asks for them.
            {
              name: "ui",
              test: /[\\/]src[\\/](web[\\/]ui[\\/](?!api-client\.ts$)|client[\\/]api-error\.ts$)/,
              priority: 3,
            },
            // Validation, with the forms' bridge to it, for every screen that calls the API.
            { name: "zod", test: /node_modules[\\/](zod|@hookform)[\\/]/, priority: 3 },
            // The API client, with the contracts its key steps read (client/session.ts: the
            // account's, the couple's and the therapists', and what those import): what every
            // signed-in screen runs before its own calls.
            {
              name: "client",
              test: /[\\/]src[\\/](client[\\/](?!export\.ts$)|contracts[\\/](account|common|errors|route|words)\.ts$|web[\\/]ui[\\/]api-client\.ts$)/,
              priority: 2,
            },
            // Each other contract in a file of its own: a screen loads and builds only the
            // schemas it calls with. The rest (screens, their API calls, the export, which reads
            // every contract) goes where Rolldown finds it shared.
            {
              name: (id) => {
                const contract = /[\\/]src[\\/]contracts[\\/]([\w-]+)\.ts$/.exec(id)?.[1];
                return contract ? `contract-${contract}` : null;
              },
              debugName: "contracts",
              priority: 2,
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
