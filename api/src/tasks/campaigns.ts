// Campaigns (创城年度) and their four phases: 宣传发动 → 创建实施 → 检查考核 → 巩固提高, with
// dates; the current phase is the one today (in China) falls in.
import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { type Actor, recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { phaseKinds } from "../db/schema/index.ts";
import { AppError, fieldMessage, invalidFields, type Message } from "../errors.ts";
import { todayInChina } from "./china-time.ts";

export type PhaseKind = (typeof phaseKinds)[number];
export type { Actor };

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/, fieldMessage("field.date"))
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), fieldMessage("field.date"))
  .openapi({ format: "date", example: "2023-03-01" });

const phaseDates = z.object({ startsOn: dateSchema, endsOn: dateSchema }).strict();

export const campaignInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, fieldMessage("field.text", { min: 1, max: 100 }))
      .max(100),
    year: z.number().int().min(2000).max(2100),
    phases: z
      .object({
        mobilisation: phaseDates,
        implementation: phaseDates,
        assessment: phaseDates,
        consolidation: phaseDates,
      })
      .strict(),
  })
  .strict()
  .openapi("CampaignInput");
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const phaseSchema = z.object({
  phase: z.enum(phaseKinds),
  startsOn: z.string(),
  endsOn: z.string(),
});
export const campaignSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    year: z.number().int(),
    phases: z.array(phaseSchema),
    currentPhase: z
      .enum(phaseKinds)
      .nullable()
      .openapi({ description: "The phase today (China time) falls in; null between or after" }),
  })
  .openapi("Campaign");
export type Campaign = z.infer<typeof campaignSchema>;

/** The city's campaigns, newest first, each with its phases in order. */
export async function listCampaigns(ex: Executor, cityId: number): Promise<Campaign[]> {
  const rows = await selectRows<{
    id: number;
    name: string;
    year: number;
    phase: PhaseKind | null;
    startsOn: string | null;
    endsOn: string | null;
  }>(
    ex,
    sql`SELECT c.id, c.name, c.year, p.phase, p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn"
        FROM campaigns c LEFT JOIN campaign_phases p ON p.campaign_id = c.id AND p.city_id = c.city_id
        WHERE c.city_id = ${cityId}
        ORDER BY c.year DESC, c.id DESC, p.starts_on`,
  );
  const today = todayInChina();
  const byId = new Map<number, Campaign>();
  for (const r of rows) {
    let campaign = byId.get(r.id);
    if (!campaign) {
      campaign = { id: r.id, name: r.name, year: r.year, phases: [], currentPhase: null };
      byId.set(r.id, campaign);
    }
    if (r.phase && r.startsOn && r.endsOn) {
      campaign.phases.push({ phase: r.phase, startsOn: r.startsOn, endsOn: r.endsOn });
      if (r.startsOn <= today && today <= r.endsOn) campaign.currentPhase = r.phase;
    }
  }
  return [...byId.values()];
}

export async function getCampaign(ex: Executor, cityId: number, id: number): Promise<Campaign> {
  const campaign = (await listCampaigns(ex, cityId)).find((c) => c.id === id);
  if (!campaign) {
    throw new AppError(404, "not_found", {
      key: "error.not_found",
      params: { entity: "entity.campaign", id },
    });
  }
  return campaign;
}

/** The campaign running today, or else the newest one; null when the city has none. */
export async function currentCampaign(ex: Executor, cityId: number): Promise<Campaign | null> {
  const all = await listCampaigns(ex, cityId);
  return all.find((c) => c.currentPhase) ?? all[0] ?? null;
}

/** Phases follow each other in their fixed order, each ending before the next starts. */
function phaseProblems(input: CampaignInput): Record<string, Message> {
  const problems: Record<string, Message> = {};
  let previousEnd = "";
  for (const kind of phaseKinds) {
    const { startsOn, endsOn } = input.phases[kind];
    if (endsOn < startsOn) {
      problems[`phases.${kind}.endsOn`] = { key: "campaign.phase_ends_before_start" };
    } else if (previousEnd && startsOn <= previousEnd) {
      problems[`phases.${kind}.startsOn`] = {
        key: "campaign.phase_overlaps",
        params: { end: previousEnd },
      };
    }
    previousEnd = endsOn;
  }
  return problems;
}

export async function createCampaign(
  ex: Executor,
  actor: Actor,
  input: CampaignInput,
): Promise<number> {
  const problems = phaseProblems(input);
  if (Object.keys(problems).length) {
    throw invalidFields(problems);
  }
  const [row] = await selectRows<{ id: number }>(
    ex,
    sql`INSERT INTO campaigns (city_id, name, year) VALUES (${actor.cityId}, ${input.name}, ${input.year})
        ON CONFLICT ON CONSTRAINT campaigns_city_name_key DO NOTHING RETURNING id`,
  );
  if (!row) {
    throw new AppError(409, "conflict", {
      key: "campaign.name_taken",
      params: { name: input.name },
    });
  }
  for (const kind of phaseKinds) {
    const { startsOn, endsOn } = input.phases[kind];
    await ex.execute(sql`INSERT INTO campaign_phases (city_id, campaign_id, phase, starts_on, ends_on)
        VALUES (${actor.cityId}, ${row.id}, ${kind}, ${startsOn}, ${endsOn})`);
  }
  await recordAuditBy(ex, actor, {
    action: "create",
    entity: "campaign",
    entityId: row.id,
    after: input,
  });
  return row.id;
}
