// What the worker threads run: CPU-heavy, pure work (geo/ geometry, file parsing), with plain
// data in and out (structured clone), and progress posted on a MessagePort.
import type { MessagePort } from "node:worker_threads";
import {
  PartitionError,
  type PartitionOptions,
  partitionBalanced,
  type SizeLimits,
  validateGridGeometry,
} from "@civgrid/geo";
import type { MultiPolygon, Polygon } from "geojson";
import { readGeoFile } from "../grids/read-geo-file.ts";

export interface Progress {
  done: number;
  total: number;
}

const tasks = {
  partition: (
    input: { outline: Polygon | MultiPolygon; options: Omit<PartitionOptions, "onProgress"> },
    report: (progress: Progress) => void,
  ) => {
    try {
      return {
        ok: true as const,
        result: partitionBalanced(input.outline, { ...input.options, onProgress: report }),
      };
    } catch (error) {
      // A class does not survive the thread boundary: send its key, rebuilt on the other side.
      if (error instanceof PartitionError)
        return { ok: false as const, refusal: { key: error.key, params: error.params } };
      throw error;
    }
  },
  validateGrid: (input: { geometry: unknown; limits?: SizeLimits }) =>
    validateGridGeometry(input.geometry, input.limits),
  readGeoFile: (input: { name: string; bytes: Uint8Array }) => readGeoFile(input.name, input.bytes),
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
export type TaskInput<N extends TaskName> = Parameters<Tasks[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<Tasks[N]>>;

export interface TaskMessage<N extends TaskName = TaskName> {
  name: N;
  input: TaskInput<N>;
  port?: MessagePort;
}

/** At most one progress message per PROGRESS_MS: the main thread only needs to show a bar. */
const PROGRESS_MS = 100;

export function runTask<N extends TaskName>({ name, input, port }: TaskMessage<N>) {
  let last = 0;
  const report = (progress: Progress) => {
    const now = Date.now();
    if (!port || (now - last < PROGRESS_MS && progress.done < progress.total)) return;
    last = now;
    port.postMessage(progress);
  };
  const task = tasks[name] as (input: TaskInput<N>, report: (p: Progress) => void) => unknown;
  return task(input, report);
}
