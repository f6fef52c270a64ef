// The phone's outbox of problem reports, kept in IndexedDB so a report made with no network (or a
// closed browser) is sent later. Each report keeps the idempotency key it was given when made, so
// however often it is sent, it becomes one problem. Hand-written over IndexedDB rather than with
// dexie: the queue is one object store with four operations.
import type { ProblemReport } from "../../api/volunteers.ts";

export interface QueuedReport {
  /** The Idempotency-Key, made once when the report is queued. */
  key: string;
  createdAt: string;
  report: ProblemReport;
  /** A photo still to upload (it travels as a Blob in IndexedDB). */
  photo?: { blob: Blob; name: string } | undefined;
  /** Set once sending failed for a reason the network cannot fix (a 4xx); shown to the user. */
  failure?: string | undefined;
}

const DB = "civgrid-outbox";
const STORE = "reports";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: "key" });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const reportQueue = {
  /** Every queued report, oldest first. */
  all: async () =>
    (await run<QueuedReport[]>("readonly", (s) => s.getAll())).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    ),
  put: (entry: QueuedReport) => run("readwrite", (s) => s.put(entry)),
  remove: (key: string) => run("readwrite", (s) => s.delete(key)),
};

/** A fresh idempotency key for a report. */
export const newReportKey = () => `report-${crypto.randomUUID()}`;
