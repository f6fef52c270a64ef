// geo/'s shape check, on a worker thread when the shape is large: its self-intersection test
// grows with the square of the vertices (a 9,990-vertex grid took 3–5 s on the event loop).
import { type SizeLimits, type Verdict, validateGridGeometry } from "@civgrid/geo";
import { runInWorker } from "./pool.ts";

/** Below this many vertices the check takes milliseconds: a thread hop would cost more. */
export const INLINE_VERTICES = 1000;

export function validateGrid(input: unknown, limits?: SizeLimits): Promise<Verdict> {
  if (vertexCount(input) < INLINE_VERTICES)
    return Promise.resolve(validateGridGeometry(input, limits));
  return runInWorker("validateGrid", { geometry: input, ...(limits && { limits }) });
}

/** Positions in a (Multi)Polygon-like input, counted without trusting its shape. */
function vertexCount(input: unknown): number {
  const coordinates = (input as { coordinates?: unknown } | null)?.coordinates;
  let count = 0;
  const walk = (value: unknown, depth: number) => {
    if (!Array.isArray(value) || depth > 3) return;
    if (typeof value[0] === "number") count++;
    else for (const inner of value) walk(inner, depth + 1);
  };
  walk(coordinates, 0);
  return count;
}
