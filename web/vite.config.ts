// Vite for the web app: builds to web/dist (served by the api at /), proxies /api in dev.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { precompress } from "./build/precompress-plugin.ts";
import { shellServiceWorker } from "./pwa/shell-plugin.ts";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // Vite 8 compiles TSX with Oxc; React 19's automatic runtime needs no plugin.
  oxc: { jsx: { runtime: "automatic" } },
  // The app shell cached for offline use and installing to the home screen (PWA).
  plugins: [shellServiceWorker(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // which chunks each page needs: read by tests/bench/web-budget.ts against the page budgets
    manifest: true,
    chunkSizeWarningLimit: 1500, // maplibre alone is over a megabyte
    rolldownOptions: {
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
