// Writes, beside index.html, a copy of it for a page that is a lazy chunk of its own, with
// `<link rel="modulepreload">` for that chunk and the chunks it imports (those index.html does not
// already load), and `<link rel="preload" as="fetch">` for the API reads the page makes first: the
// server sends it at that page's addresses, so the browser fetches the page's chunk and its data
// beside the shell's script instead of after the shell has run and asked for them (round trips
// less on a phone's link; issue 22, /report's and /my-area's Lighthouse scores). Staff pages keep
// the plain index.html and never download the page's chunk.
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

/** A page's copy of index.html: its lazy chunk, and the API reads it makes first (if any). */
export interface PageCopy {
  /** the page's module, as in the source, relative to the web app's root */
  module: string;
  /**
   * Same-origin GET paths, each read with fetch's defaults (cors mode, same-origin credentials),
   * which is what `<link rel="preload" as="fetch" crossorigin>` asks for: the page's fetch then
   * takes the preloaded answer instead of asking again.
   */
  reads?: readonly string[];
}

/**
 * index.html with the preloads added at the end of its head, each as vite itself writes them
 * (crossorigin, under `base`): the scripts and style sheets, then the reads. The scripts come
 * first because they are the long wait (a hundred kilobytes where each read is one), and a phone's
 * HTTP/1.1 link has six connections: reads asked first would hold them while the scripts wait.
 */
function withPreloads(
  html: string,
  base: string,
  scripts: Iterable<string>,
  styles: Iterable<string>,
  reads: readonly string[],
) {
  const links = [
    ...[...scripts].map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`),
    ...[...styles].map((file) => `<link rel="stylesheet" crossorigin href="${base}${file}">`),
    ...reads.map((read) => `<link rel="preload" as="fetch" crossorigin href="${read}">`),
  ];
  if (!html.includes("</head>")) throw new Error("index.html has no </head>");
  return html.replace("</head>", `  ${links.join("\n    ")}\n  </head>`);
}

/**
 * For each `{ html file name: page }`, that page's copy of index.html. The build fails if a page's
 * module is not a chunk's entry.
 */
export function pagePreloads(pages: Record<string, PageCopy>): Plugin {
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
        for (const [fileName, { module, reads = [] }] of Object.entries(pages)) {
          const id = path.resolve(root, module);
          const page = [...chunks.values()].find((chunk) => chunk.facadeModuleId === id);
          if (!page) this.error(`${module} is not a chunk of its own: nothing to preload`);
          const own = closure(page, chunks);
          const scripts = [...own.scripts].filter((file) => !shell.scripts.has(file));
          const styles = [...own.styles].filter((file) => !shell.styles.has(file));
          this.emitFile({
            type: "asset",
            fileName,
            source: withPreloads(String(index.source), base, scripts, styles, reads),
          });
        }
      },
    },
  };
}
