// What other packages (tests, benchmarks) use of the api.

export { insertUsers } from "./accounts/users.ts";
export { createApp } from "./app.ts";
export { createBackup, listBackups } from "./backups/archive.ts";
export { checkTarget, RestoreRefused, restoreBackup } from "./backups/restore.ts";
export { runBackup, startBackupSchedule } from "./backups/run.ts";
export { loadConfig } from "./config.ts";
export { type Db, openDb, selectRows } from "./db/client.ts";
export { claimPeriod } from "./db/scheduled.ts";
export { sweepOrphanFiles } from "./files/orphans.ts";
export { storePhoto } from "./files/store.ts";
export { mayMerge, splitPieces } from "./grids/restructure-checks.ts";
export { notify } from "./notifications/notify.ts";
export { runSchedule } from "./notifications/schedule.ts";
export { dingtalkSignedUrl } from "./notifications/senders.ts";
export { deliverDue } from "./notifications/worker.ts";
export { routeProblems } from "./problems/routing.ts";
export { DEMO_PASSWORD, ensureAccounts } from "./seed/accounts.ts";
export { ensureCity } from "./seed/ensure-city.ts";
export { loadDataset } from "./seed/load-dataset.ts";
