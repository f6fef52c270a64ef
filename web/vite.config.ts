// Vite for the web app: builds to web/dist (served by the api at /), proxies /api in dev.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
// the one file, not the package: the config loads without geo's geometry libraries
import { CITIZEN_PAGE_HTML, MY_AREA_PAGE_HTML } from "../geo/src/page-html.ts";
import { pagePreloads } from "./build/page-preload-plugin.ts";
import { precompress } from "./build/precompress-plugin.ts";
import { firstReads } from "./src/api/first-reads.ts";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // Vite 8 compiles TSX with Oxc; React 19's automatic runtime needs no plugin.
  oxc: { jsx: { runtime: "automatic" } },
  // The service worker (src/sw.ts, Workbox): the app shell and the patrol area offline. The
  // manifest stays public/manifest.webmanifest and register-service-worker.ts registers it.
  plugins: [
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.ts",
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ["**/*.{js,mjs,css,html,svg,png,webmanifest}"],
        // the office's printing and PDF libraries are not for the phone's offline shell; pages
        // offline are the precached index.html, never /report's or /my-area's copy of it
        globIgnores: ["**/{pdf-writer,grid-editor-page}*", CITIZEN_PAGE_HTML, MY_AREA_PAGE_HTML],
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      },
    }),
    // /report's and /my-area's copies of index.html, preloading their page's chunk and, for the
    // patrol area, its first reads (the server sends each there: geo's pageHtmlAt)
    pagePreloads({
      [CITIZEN_PAGE_HTML]: { module: "src/pages/citizen/citizen-page.tsx" },
      [MY_AREA_PAGE_HTML]: {
        module: "src/pages/volunteer/my-area-page.tsx",
        reads: Object.values(firstReads),
      },
    }),
    precompress(),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // which chunks each page needs: read by tests/bench/web-budget.ts against the page budgets
    manifest: true,
    chunkSizeWarningLimit: 1500, // maplibre alone is over a megabyte
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the entry needs before the first paint in two chunks: the libraries (React,
          // i18next, React Query, zustand), which change seldom and stay cached across releases,
          // and our own shell with the Chinese strings. Left to itself rolldown cuts what the
          // pages' lazy chunks also import into a dozen small shared chunks, each a request of its
          // own before the first paint, which on a phone's link (HTTP/1.1, six connections) costs
          // round trips (issue 22: /my-area's Lighthouse score), and each compressed on its own.
          groups: [
            { name: "shell-libraries", test: /node_modules[\\/]/, tags: ["$initial"] },
            { name: "shell", tags: ["$initial"] },
          ],
        },
      },
      onwarn(warning, warn) {
        // React Query marks modules "use client" for server components; meaningless in an SPA
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
