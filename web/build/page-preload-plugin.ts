// Writes, beside index.html, a copy of it for a page that is a lazy chunk of its own, with
// `<link rel="modulepreload">` for that chunk and the chunks it imports (those index.html does not
// already load): the server sends it at that page's addresses, so the browser fetches the page's
// chunk beside the shell's script instead of after the shell has run and asked for it (one round
// trip less on a phone's link; issue 22, /report's Lighthouse score). Staff pages keep the plain
// index.html and never download the page's chunk.
// A few lines over the bundle rather than a plugin package: the known HTML plugins inject the same
// tags into every page; none writes a per-route copy from the chunk graph.
import path from "node:path";
import type { Plugin } from "vite";

/** What a bundle's chunk tells of itself (Rollup's and Rolldown's OutputChunk alike). */
interface BuiltChunk {
  type: "chunk";
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/** The files of `chunk` and of every chunk it imports statically, and their style sheets. */
function closure(
  chunk: BuiltChunk,
  chunks: Map<string, BuiltChunk>,
  into = { scripts: new Set<string>(), styles: new Set<string>() },
) {
  if (into.scripts.has(chunk.fileName)) return into;
  into.scripts.add(chunk.fileName);
  for (const css of chunk.viteMetadata?.importedCss ?? []) into.styles.add(css);
  for (const imported of chunk.imports) {
    const next = chunks.get(imported);
    if (next) closure(next, chunks, into);
  }
  return into;
}

/**
 * index.html with the preloads added at the end of its head: the scripts and style sheets given,
 * each as vite itself writes them (crossorigin, under `base`).
 */
function withPreloads(
  html: string,
  base: string,
  scripts: Iterable<string>,
  styles: Iterable<string> = [],
) {
  const links = [
    ...[...scripts].map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`),
    ...[...styles].map((file) => `<link rel="stylesheet" crossorigin href="${base}${file}">`),
  ];
  if (!html.includes("</head>")) throw new Error("index.html has no </head>");
  return html.replace("</head>", `  ${links.join("\n    ")}\n  </head>`);
}

/**
 * For each `{ html file name: page module }` (the module as in the source, relative to the web
 * app's root), that page's copy of index.html. The build fails if a module is not a chunk's entry.
 */
export function pagePreloads(pages: Record<string, string>): Plugin {
  let root = "";
  let base = "/";
  return {
    name: "civgrid-page-preload",
    apply: "build",
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle: {
      // after vite has written index.html into the bundle
      order: "post",
      handler(_options, bundle) {
        const index = bundle["index.html"];
        if (index?.type !== "asset") this.error("the build has no index.html");
        const chunks = new Map<string, BuiltChunk>();
        for (const output of Object.values(bundle))
          if (output.type === "chunk") chunks.set(output.fileName, output as BuiltChunk);
        const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
        if (!entry) this.error("the build has no entry chunk");
        const shell = closure(entry, chunks);
        for (const [fileName, module] of Object.entries(pages)) {
          const id = path.resolve(root, module);
          const page = [...chunks.values()].find((chunk) => chunk.facadeModuleId === id);
          if (!page) this.error(`${module} is not a chunk of its own: nothing to preload`);
          const own = closure(page, chunks);
          const scripts = [...own.scripts].filter((file) => !shell.scripts.has(file));
          const styles = [...own.styles].filter((file) => !shell.styles.has(file));
          this.emitFile({
            type: "asset",
            fileName,
            source: withPreloads(String(index.source), base, scripts, styles),
          });
        }
      },
    },
  };
}
