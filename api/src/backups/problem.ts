// What can go wrong in a backup or a restore, as a message key with its values: the route answers
// it in the caller's language, the backup and restore commands print it in the shell's, and the
// Error's own message (logs) is the English text.
import { type MessageKey, translate } from "../messages.ts";

export class BackupProblem extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(translate(key, "en", params));
  }
}

/** The backup could not be written (pg_dump, the disk, a missing stored file): the route's 503. */
export class BackupFailed extends BackupProblem {}

/** A restore that was refused (target not empty, archive damaged): printed as it is, no crash. */
export class RestoreRefused extends BackupProblem {}
