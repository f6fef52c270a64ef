// On start: the database's city, created on first start (with the demo city when asked for).
import { buildTengzhou } from "@civgrid/seeds";
import { asc } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { cities } from "../db/schema/index.ts";
import { loadDataset } from "./load-dataset.ts";

export interface CityChoice {
  seed: "demo" | "none";
  city: { code: string; name: string };
}

export async function ensureCity(
  db: Db,
  choice: CityChoice,
  log: (line: string) => void,
): Promise<number> {
  const [existing] = await db.orm
    .select({ id: cities.id })
    .from(cities)
    .orderBy(asc(cities.id))
    .limit(1);
  if (existing) return existing.id;
  if (choice.seed === "demo") {
    log("loading the Tengzhou demo city …");
    const started = Date.now();
    const report = await loadDataset(db.orm, buildTengzhou(), (step) => log(`  ${step}`));
    const counts = Object.entries(report.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ");
    log(`demo city loaded in ${Date.now() - started} ms: ${counts}`);
    return report.cityId;
  }
  const [created] = await db.orm.insert(cities).values(choice.city).returning({ id: cities.id });
  if (!created) throw new Error("the city was not created");
  log(`created an empty city ${choice.city.name} (${choice.city.code})`);
  return created.id;
}
