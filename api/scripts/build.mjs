// Builds the server into one file, dist/main.mjs, for `start` (issue 23): run through tsx, a start
// spent seconds resolving and transpiling several hundred TypeScript modules one by one. esbuild
// (tsx's own compiler) bundles our code (api/, geo/, seeds/) and leaves every library where it is,
// imported by its resolved path, so each keeps its own files (PGlite's WebAssembly, PostGIS's
// bundle) and geo's and seeds' libraries resolve from their own packages.
// A bundle instead of `tsc` output: the code keeps its `.ts` imports and its paths next to itself.
// The build takes ~3 s under load, more than it saves, so a start whose sources, lockfile and
// installed packages are all older than the bundle runs the bundle as it is (`--force` rebuilds).
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const api = fileURLToPath(new URL("..", import.meta.url));
const outfile = path.join(api, "dist/main.mjs");
const metafile = path.join(api, "dist/main.meta.json");
/** Besides the bundled sources: what changes when a library is added, upgraded or removed. */
const alsoRead = [
  fileURLToPath(import.meta.url),
  path.join(api, "package.json"),
  path.join(api, "../pnpm-lock.yaml"),
  path.join(api, "../node_modules/.modules.yaml"),
];

/** The bundle is newer than every file it was built from (a missing one counts as changed). */
async function upToDate() {
  try {
    const built = (await stat(outfile)).mtimeMs;
    const { inputs } = JSON.parse(await readFile(metafile, "utf8"));
    const files = [...Object.keys(inputs).map((f) => path.resolve(api, f)), ...alsoRead];
    const times = await Promise.all(files.map(async (f) => (await stat(f)).mtimeMs));
    return times.every((t) => t < built);
  } catch {
    return false;
  }
}

if (!process.argv.includes("--force") && (await upToDate())) process.exit(0);

/** Ours: bundled. Everything else: external, at the path it resolves to from its importer. */
const librariesInPlace = {
  name: "libraries-in-place",
  setup(b) {
    // A library resolves the same from anywhere in one workspace package: once per package.
    const resolved = new Map();
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@civgrid/") || args.path.startsWith("node:")) return undefined;
      if (args.pluginData === "resolving") return undefined;
      const from = path.relative(api, args.resolveDir).split(path.sep);
      const owner = from[0] === ".." ? from.slice(0, 2).join("/") : "api";
      const key = `${owner} ${args.path}`;
      if (!resolved.has(key)) {
        resolved.set(
          key,
          b.resolve(args.path, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            importer: args.importer,
            pluginData: "resolving",
          }),
        );
      }
      const found = await resolved.get(key);
      if (found.errors.length) return { errors: found.errors };
      return { path: pathToFileURL(found.path).href, external: true };
    });
    // A module's own location (migrations beside db/, seeds' data, the workers' entry) stays its
    // source file's, not the bundle's.
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      return {
        contents: source.replaceAll(
          "import.meta.url",
          JSON.stringify(pathToFileURL(args.path).href),
        ),
        loader: "ts",
      };
    });
  },
};

const result = await build({
  entryPoints: [path.join(api, "src/main.ts")],
  outfile,
  absWorkingDir: api,
  metafile: true,
  write: false,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["node", "import"],
  mainFields: ["main"],
  plugins: [librariesInPlace],
  sourcemap: "linked",
  logLevel: "warning",
});
// Through temporary names: a second process starting meanwhile never runs half a bundle.
await mkdir(path.dirname(outfile), { recursive: true });
for (const file of result.outputFiles) {
  await writeFile(`${file.path}.${process.pid}.tmp`, file.contents);
  await rename(`${file.path}.${process.pid}.tmp`, file.path);
}
await writeFile(
  `${metafile}.${process.pid}.tmp`,
  JSON.stringify({ inputs: result.metafile.inputs }),
);
await rename(`${metafile}.${process.pid}.tmp`, metafile);
