// Vite for the web app: builds to web/dist (served by the api at /), proxies /api in dev.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
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
        // the office's printing and PDF libraries are not for the phone's offline shell
        globIgnores: ["**/{pdf-writer,grid-editor-page}*"],
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
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
