// A citizen looks up their report by its number, without an account. Only what citizens filed is
// public (inspections, 暗访 among them, and patrols stay inside), and of it only what a citizen may
// read: status, category, times, the steps by name, and the before/after photos — never the staff's
// notes, the people who acted, or the reporter's name and phone.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";
import type { ProblemStatus } from "../db/schema/index.ts";
import { problemPhotos } from "../problems/queries.ts";

const citizenReport = (cityId: number, number: number) =>
  sql`p.city_id = ${cityId} AND p.source = 'citizen' AND p.id = ${number}`;

export async function publicReport(ex: Executor, cityId: number, number: number) {
  const [report] = await selectRows<{
    number: number;
    status: ProblemStatus;
    category: string | null;
    reportedAt: string;
    updatedAt: string;
  }>(
    ex,
    sql`SELECT p.id AS number, p.status, i.title AS category,
          ${isoTime(sql`p.reported_at`)} AS "reportedAt", ${isoTime(sql`p.updated_at`)} AS "updatedAt"
        FROM problems p LEFT JOIN standard_items i ON i.id = p.item_id AND i.city_id = p.city_id
        WHERE ${citizenReport(cityId, number)}`,
  );
  if (!report) return null;
  const steps = await selectRows<{ action: string; at: string }>(
    ex,
    sql`SELECT action, ${isoTime(sql`at`)} AS at FROM rectification_events
        WHERE city_id = ${cityId} AND problem_id = ${number} ORDER BY seq`,
  );
  const photos = await problemPhotos(ex, cityId, number);
  const base = `/api/public/reports/${number}/photos`;
  return {
    ...report,
    steps,
    photos: photos.map((p) => ({
      ...p,
      url: `${base}/${p.fileId}`,
      thumbnailUrl: `${base}/${p.fileId}/thumbnail`,
    })),
  };
}

/** A photo of a citizen's report, by the report's number: none of any other problem. */
export async function publicReportPhoto(
  ex: Executor,
  cityId: number,
  number: number,
  fileId: number,
): Promise<boolean> {
  const [row] = await selectRows<{ found: boolean }>(
    ex,
    sql`SELECT true AS found FROM problems p
          JOIN problem_photos pp ON pp.problem_id = p.id AND pp.city_id = p.city_id
        WHERE ${citizenReport(cityId, number)} AND pp.file_id = ${fileId} LIMIT 1`,
  );
  return Boolean(row);
}
