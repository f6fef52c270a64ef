// Partition previews as jobs: a large outline takes seconds, so the dialog starts a job, polls its
// progress, and cancels it when it closes. Jobs live in this process's memory: a preview is
// cheap to redo, so a restart only means the dialog asks again.
import { randomUUID } from "node:crypto";
import { computePreview, type PartitionInput, type PartitionPreview } from "./partition.ts";

export interface JobOwner {
  cityId: number;
  userId: number;
}

type JobState = "running" | "done" | "failed" | "cancelled";

interface Job {
  id: string;
  owner: JobOwner;
  communityId: number;
  state: JobState;
  /** 0 … 1 */
  progress: number;
  preview?: PartitionPreview;
  error?: unknown;
  controller: AbortController;
  settled: Promise<void>;
  finishedAt?: number;
}

/** A finished job's answer is kept this long for the page to fetch. */
const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, Job>();

function sweep(now = Date.now()) {
  for (const [id, job] of jobs)
    if (job.finishedAt && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

/**
 * Starts a preview on the worker pool. A person looks at one preview at a time: a new job of
 * the same person ends their running one, so a dialog changing N does not queue stale work.
 */
export function startPartitionJob(owner: JobOwner, communityId: number, input: PartitionInput) {
  sweep();
  for (const job of jobs.values()) {
    if (job.state === "running" && sameOwner(job.owner, owner)) cancel(job);
  }
  const controller = new AbortController();
  const job = {
    id: randomUUID(),
    owner,
    communityId,
    state: "running",
    progress: 0,
    controller,
  } as Job;
  job.settled = computePreview(input, {
    signal: controller.signal,
    onProgress: ({ done, total }) => {
      job.progress = Math.min(1, done / total);
    },
  }).then(
    (preview) => finish(job, "done", { preview }),
    (error: unknown) => finish(job, controller.signal.aborted ? "cancelled" : "failed", { error }),
  );
  jobs.set(job.id, job);
  return job;
}

function finish(job: Job, state: JobState, outcome: Pick<Job, "preview" | "error">) {
  if (job.state !== "running") return;
  Object.assign(job, { state, ...outcome, finishedAt: Date.now() });
  if (state === "done") job.progress = 1;
}

/** Waits at most `ms` for the job to finish, so a short run answers at once. */
export async function settledWithin(job: Job, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([job.settled, new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
  return job;
}

/** The caller's job for this community, or undefined (another person's job is not theirs to see). */
export function jobOf(owner: JobOwner, communityId: number, id: string): Job | undefined {
  const job = jobs.get(id);
  return job && sameOwner(job.owner, owner) && job.communityId === communityId ? job : undefined;
}

export function cancel(job: Job) {
  if (job.state !== "running") return;
  finish(job, "cancelled", {});
  job.controller.abort();
}

function sameOwner(a: JobOwner, b: JobOwner) {
  return a.cityId === b.cityId && a.userId === b.userId;
}
