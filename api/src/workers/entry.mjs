// The worker threads' entry: plain JavaScript, because a worker started from a test runner or
// from `node` has no TypeScript loader; tsx's namespaced tsImport compiles the tasks (and what
// they import, geo/ included) without touching a loader the process may already have.
import { tsImport } from "tsx/esm/api";

const { runTask } = await tsImport("./tasks.ts", import.meta.url);

export default runTask;
