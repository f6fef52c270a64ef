// The worker pool: CPU-heavy work (partition, large geometry checks, file parsing) runs here so
// the event loop keeps answering everyone else. piscina queues tasks, sizes the pool to the
// cores, and ends a task's thread when its AbortSignal fires (a closed partition dialog).
import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { Progress, TaskInput, TaskMessage, TaskName, TaskOutput } from "./tasks.ts";

export type { Progress } from "./tasks.ts";

let pool: Piscina | null = null;

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: new URL("./entry.mjs", import.meta.url).href,
    // One core stays with the event loop; at least one worker even on a single core.
    maxThreads: Math.max(1, availableParallelism() - 1),
    minThreads: 0,
    // A worker compiles geo/ on its first task (~1 s under tsx): keep it for a while.
    idleTimeout: 5 * 60_000,
  });
  return pool;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** Runs one task on a worker thread; rejects with an AbortError when `signal` fires. */
export async function runInWorker<N extends TaskName>(
  name: N,
  input: TaskInput<N>,
  { signal, onProgress }: RunOptions = {},
): Promise<TaskOutput<N>> {
  const channel = onProgress ? new MessageChannel() : null;
  channel?.port1.on("message", (progress: Progress) => onProgress?.(progress));
  const message: TaskMessage<N> = { name, input, ...(channel && { port: channel.port2 }) };
  try {
    return await thePool().run(message, {
      ...(channel && { transferList: [channel.port2] }),
      ...(signal && { signal }),
    });
  } finally {
    channel?.port1.close();
  }
}

/** Ends the workers (SIGTERM): tasks still queued or running are dropped. */
export async function closeWorkerPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
