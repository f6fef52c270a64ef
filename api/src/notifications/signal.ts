// The live stream's wire: pg_notify on one channel, heard by every app process (LISTEN).
export const STREAM_CHANNEL = "civgrid_live";

/** Who has news (their bell) and which problem changed (boards, inboxes and maps refresh). */
export interface StreamSignal {
  cityId: number;
  users: number[];
  problemId?: number;
}
