// Vite for the web app: builds to web/dist (served by the api at /), proxies /api in dev.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
// the one file, not the package: the config loads without geo's geometry libraries
import { CITIZEN_PAGE_HTML } from "../geo/src/citizen-paths.ts";
import { pagePreloads } from "./build/page-preload-plugin.ts";
import { precompress } from "./build/precompress-plugin.ts";

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
        // offline are the precached index.html, never /report's copy of it
        globIgnores: ["**/{pdf-writer,grid-editor-page}*", CITIZEN_PAGE_HTML],
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      },
    }),
    // /report's copy of index.html, preloading the citizen page's chunk (the server sends it there)
    pagePreloads({ [CITIZEN_PAGE_HTML]: "src/pages/citizen/citizen-page.tsx" }),
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
          // React and i18next, which every page starts with, in one chunk: left to itself rolldown
          // cuts them into several small shared chunks once pages are split, each compressed on
          // its own, which cost the first paint about a kilobyte of gzip (issue 22's budget).
          // React Query stays where rolldown puts it: the shell uses only part of it.
          groups: [
            {
              name: "shell-libraries",
              test: /node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next)[\\/]/,
            },
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
