// Writes the service worker into the build with the list of files that make up the app shell, so
// the worker caches exactly this build and a new build replaces the old cache. Hand-written, not
// vite-plugin-pwa/workbox: the worker is forty lines and needs no runtime library.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";

const template = new URL("./service-worker.js", import.meta.url);

/** Files the shell needs offline; the larger map worker source map and the like are left out. */
const inShell = (file: string) => !file.endsWith(".map") && file !== "sw.js";

export function shellServiceWorker(): Plugin {
  return {
    name: "civgrid-shell-service-worker",
    apply: "build",
    generateBundle(_, bundle) {
      // public/ files are copied, not bundled: the install icons and the manifest are named here.
      const files = [
        ...new Set([
          "/",
          "/index.html",
          "/manifest.webmanifest",
          "/icons/icon.svg",
          "/icons/icon-192.png",
          "/icons/icon-512.png",
          ...Object.keys(bundle)
            .filter(inShell)
            .map((f) => `/${f}`),
        ]),
      ];
      const version = createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 12);
      const shell = `self.__CIVGRID_SHELL__ = ${JSON.stringify({ version, files })};\n`;
      this.emitFile({
        type: "asset",
        fileName: "sw.js",
        source: shell + readFileSync(template, "utf8"),
      });
    },
  };
}
