// Shared by the tasks and materials tests: a campaign whose implementation phase holds today,
// and the smallest PDF the content check recognises.
import { type SQL, sql } from "drizzle-orm";

/** A date `days` from today (UTC calendar), as YYYY-MM-DD. */
export const day = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const phasesAroundToday = () => ({
  mobilisation: { startsOn: day(-90), endsOn: day(-31) },
  implementation: { startsOn: day(-30), endsOn: day(60) },
  assessment: { startsOn: day(61), endsOn: day(120) },
  consolidation: { startsOn: day(121), endsOn: day(300) },
});

/** Clears the demo's campaign, tasks and materials, so a test counts only what it wrote. */
export async function clearDemoCampaign(orm: { execute: (q: SQL) => Promise<unknown> }) {
  await orm.execute(sql`DELETE FROM materials`);
  await orm.execute(sql`DELETE FROM tasks`);
  await orm.execute(sql`DELETE FROM campaigns`);
}

export function minimalPdf(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  ) as Uint8Array<ArrayBuffer>;
}
