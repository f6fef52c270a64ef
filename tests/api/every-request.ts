// Drives the app as its users do, for a test that looks at what the database was sent
// (scaling.test.ts): every GET of the OpenAPI document as every demo role (and with each query
// parameter as the office, a unit and a volunteer, whose scopes differ), a tile of every layer at
// z10 and z15, the OGC collections, the rectification loop, a citizen's Open311 report, and the
// scheduled jobs. A GET that cannot be filled in fails the drive, so a new endpoint is not missed.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deliverDue, routeProblems, runSchedule, selectRows, sweepOrphanFiles } from "@civgrid/api";
import { addDays, returnReasons, sendBackReasons, todayInChina } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { vacuumStale } from "../../api/src/db/maintenance.ts";
import { tileLayers } from "../../api/src/tiles/layers.ts";
import type { Answer, Client, DemoAccount, EngineContext } from "./engines.ts";
import { tileAt } from "./tile-math.ts";

/** GETs not driven here, and why. */
export const notDriven: Record<string, string> = {
  "/api/notifications/stream": "an event stream that stays open",
  "/api/communities/{id}/partition/jobs/{jobId}": "a partition job in this process's memory",
  "/api/admin/backups/{name}": "an archive on disk, read without the database",
  "/tiles/{layer}/{z}/{x}/{y}": "driven below: every layer at z10 and z15",
};

/** The table behind a path's {id}, by the path's first word after /api/. */
const idTables: Record<string, string> = {
  users: "users",
  tokens: "access_tokens",
  communities: "communities",
  grids: "grids",
  units: "units",
  points: "inspection_points",
  problems: "problems",
  standards: "standards",
  files: "files",
  tasks: "tasks",
  inspections: "inspections",
  patrols: "patrols",
  "dedication-days": "dedication_days",
  "open311-requests": "problems",
};

const everyRole: DemoAccount[] = [
  "admin",
  "coordinator",
  "inspector",
  "unitadmin",
  "gridleader",
  "volunteer",
  "leader",
];
/** The roles whose scopes differ (the city, a unit, a grid): each query parameter is tried as each. */
const scopedRoles: DemoAccount[] = ["coordinator", "unitadmin", "volunteer"];

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; enum?: string[]; format?: string };
}

export interface Drive {
  /** Every request made and its answer's status. */
  answers: { who: string; path: string; status: number }[];
  /** GET paths of the OpenAPI document that could not be filled in (not in notDriven). */
  unfilled: string[];
}

export async function driveEveryRequest(ctx: EngineContext): Promise<Drive> {
  const drive: Drive = { answers: [], unfilled: [] };
  const ask = async (who: string, client: Client, url: string, init?: RequestInit) => {
    const answer: Answer = await client.request(url, init);
    drive.answers.push({ who, path: url, status: answer.status });
    return answer;
  };
  const { db, cityId } = ctx;
  const first = async (query: ReturnType<typeof sql>) =>
    (await selectRows<{ v: string | number | null }>(db.orm, query))[0]?.v ?? null;

  // Where the demo city is, and a place inside a grid the demo unit admin's unit leads.
  const [box] = await selectRows<{ bbox: string; lon: number; lat: number }>(
    db.orm,
    sql`SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) AS bbox,
          ST_X(ST_Centroid(e)) AS lon, ST_Y(ST_Centroid(e)) AS lat
        FROM (SELECT ST_Extent(geom)::geometry AS e FROM grids WHERE city_id = ${cityId}) x`,
  );
  const [place] = await selectRows<{ lon: number; lat: number }>(
    db.orm,
    sql`SELECT ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat
        FROM grids g JOIN grid_units gu ON gu.grid_id = g.id AND gu.role = 'lead' AND gu.city_id = g.city_id
        JOIN users u ON u.unit_id = gu.unit_id AND u.username = 'unitadmin' AND u.city_id = g.city_id
        WHERE g.city_id = ${cityId} ORDER BY g.code LIMIT 1`,
  );
  if (!box || !place) throw new Error("the demo city has no grids");
  const itemId = Number(await first(sql`SELECT min(id) AS v FROM standard_items`));
  const [photo] = await selectRows<{ id: number }>(
    db.orm,
    sql`INSERT INTO files (city_id, sha256, mime, size, original_name)
        VALUES (${cityId}, ${"e".repeat(64)}, 'image/jpeg', 1000, '整改后.jpg') RETURNING id`,
  );

  const clients = new Map<string, Client>([["anonymous", ctx.anonymous]]);
  for (const role of everyRole) {
    const client = await ctx.as(role);
    clients.set(role, client);
    await ask(role, client, "/api/auth/me");
  }
  const as = (who: string) => clients.get(who) as Client;

  // The loop: a report, dispatch, start, submit with a photo, return, submit, close; a volunteer's
  // report sent back; a citizen's report through Open311, dispatched and looked up by its number.
  const coordinator = as("coordinator");
  const unitadmin = as("unitadmin");
  const report = (who: string) =>
    ask(
      who,
      as(who),
      "/api/problems",
      post({
        type: "Feature",
        geometry: { type: "Point", coordinates: [place.lon, place.lat] },
        properties: { description: "垃圾桶满溢", itemId },
      }),
    );
  const step = (who: string, id: number, body: Record<string, unknown>) =>
    ask(who, as(who), `/api/problems/${id}/transitions`, post(body));
  const problem = (await report("coordinator")).body.id as number;
  await step("coordinator", problem, { action: "dispatch", version: 1 });
  await step("unitadmin", problem, { action: "start", version: 2 });
  await step("unitadmin", problem, { action: "submit", version: 3, photoIds: [photo?.id] });
  await step("coordinator", problem, { action: "return", version: 4, reason: returnReasons[0] });
  await step("unitadmin", problem, { action: "submit", version: 5, photoIds: [photo?.id] });
  await step("coordinator", problem, { action: "close", version: 6, note: "核验通过" });
  const patrol = (await report("volunteer")).body.id as number;
  await step("coordinator", patrol, { action: "dispatch", version: 1 });
  await step("unitadmin", patrol, { action: "send_back", version: 2, reason: sendBackReasons[0] });
  await ask("unitadmin", unitadmin, `/api/problems/${patrol}/duplicates`);

  const citizen = as("anonymous");
  const services = await ask("anonymous", citizen, "/open311/v2/services.json");
  const serviceCode = services.body[0].service_code as string;
  const filed = await ask("anonymous", citizen, "/open311/v2/requests.json", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      service_code: serviceCode,
      lat: String(place.lat),
      long: String(place.lon),
      description: "路边垃圾无人清理",
    }).toString(),
  });
  const requestId = filed.body[0].service_request_id as string;
  await step("coordinator", Number(requestId), { action: "dispatch", version: 1 });

  // Every GET of the API's own description.
  const today = todayInChina();
  const ids = new Map<string, number | null>();
  for (const [word, table] of Object.entries(idTables)) {
    ids.set(
      word,
      Number(
        await first(
          sql`SELECT min(id) AS v FROM ${sql.identifier(table)} WHERE city_id = ${cityId}`,
        ),
      ),
    );
  }
  const cell = await first(
    sql`SELECT hex_250::text AS v FROM problems WHERE city_id = ${cityId} ORDER BY id LIMIT 1`,
  );
  const communityCode = await first(
    sql`SELECT code AS v FROM communities WHERE city_id = ${cityId} ORDER BY id LIMIT 1`,
  );
  const idOf = (name: string) => {
    const word = name.replace(/Id$/, "");
    const plural = { community: "communities", person: "users", user: "users" }[word];
    return ids.get(plural ?? `${word}s`) ?? 1;
  };
  const paramValues: Record<string, string> = {
    format: "json",
    service_code: serviceCode,
    service_request_id: requestId,
    number: requestId,
    token: "not-a-token",
    fileId: String(photo?.id),
    id: String(photo?.id),
    collectionId: "problems",
    featureId: String(problem),
  };
  const queryValue = (p: Parameter): string | undefined => {
    const byName: Record<string, string | undefined> = {
      bbox: box.bbox,
      zoom: "13",
      q: "滕州",
      code: communityCode === null ? undefined : String(communityCode),
      cells: cell === null ? undefined : String(cell),
      cellSize: "250",
      limit: "5",
      offset: "1",
      days: "3",
      weeks: "2",
      minPoints: "2",
      before: "2147483647",
      status: "dispatched",
      datetime: `${addDays(today, -30)}T00:00:00Z/..`,
      from: addDays(today, -30),
      to: today,
      week: today,
      start_date: `${addDays(today, -30)}T00:00:00Z`,
      end_date: `${today}T23:59:59Z`,
    };
    if (p.name in byName) return byName[p.name];
    if (p.schema?.enum) return p.schema.enum[0];
    if (p.name.endsWith("Id")) return String(idOf(p.name));
    return undefined;
  };

  const document = (await ask("coordinator", coordinator, "/api/openapi.json")).body;
  for (const [template, operations] of Object.entries<any>(document.paths)) {
    if (!operations.get || template in notDriven) continue;
    const word = /^\/api\/([^/]+)\//.exec(template)?.[1];
    const url = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = name === "id" && word ? ids.get(word) : paramValues[name];
      return value === undefined || value === null ? whole : String(value);
    });
    if (url.includes("{")) {
      drive.unfilled.push(template);
      continue;
    }
    const query: Parameter[] = (operations.get.parameters ?? []).filter(
      (p: Parameter) => p.in === "query",
    );
    const required = new URLSearchParams();
    for (const p of query.filter((q) => q.required)) required.set(p.name, queryValue(p) ?? "");
    const withQuery = (params: URLSearchParams) => (params.size ? `${url}?${params}` : url);
    for (const [who, client] of clients) {
      await ask(who, client, withQuery(required));
      if (!scopedRoles.includes(who as DemoAccount)) continue;
      for (const p of query.filter((q) => !q.required)) {
        const value = queryValue(p);
        if (value === undefined) continue;
        const params = new URLSearchParams(required);
        params.set(p.name, value);
        await ask(who, client, withQuery(params));
      }
    }
  }

  // Tiles of every layer at a city's zoom and a street's, and the OGC collections.
  for (const who of scopedRoles) {
    for (const layer of tileLayers) {
      for (const z of [10, 15]) {
        const { x, y } = tileAt(place.lon, place.lat, z);
        await ask(who, as(who), `/tiles/${layer}/${z}/${x}/${y}.mvt`);
      }
    }
  }
  const collections = (await ask("coordinator", coordinator, "/ogc/collections")).body.collections;
  for (const { id } of collections as { id: string }[]) {
    const items = await ask("coordinator", coordinator, `/ogc/collections/${id}/items?limit=2`);
    const feature = items.body.features?.[0]?.id;
    if (feature !== undefined) {
      await ask("coordinator", coordinator, `/ogc/collections/${id}/items/${feature}`);
    }
  }

  // The scheduled jobs, as main.ts runs them.
  const filesDir = await mkdtemp(path.join(tmpdir(), "civgrid-joins-files-"));
  await sweepOrphanFiles(db, filesDir);
  await runSchedule(db);
  await deliverDue(db);
  await routeProblems(db.orm, cityId, [problem, patrol]);
  if (db.engine === "pglite") await vacuumStale(db);
  return drive;
}
