// Drives the app as its users do, for a test that looks at what the database was sent
// (scaling.test.ts): the rectification loop and a citizen's Open311 report, every GET of the
// OpenAPI document as every demo role (and with each query parameter as the office, a unit and a
// volunteer, whose scopes differ), a tile of every layer at z10 and z15, the OGC collections, and
// the scheduled jobs. A GET that cannot be filled in is reported, so a new endpoint is not missed.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deliverDue, routeProblems, runSchedule, selectRows, sweepOrphanFiles } from "@civgrid/api";
import { addDays, returnReasons, sendBackReasons, todayInChina } from "@civgrid/geo";
import { type SQL, sql } from "drizzle-orm";
import { vacuumStale } from "../../api/src/db/maintenance.ts";
import { tileLayers } from "../../api/src/tiles/layers.ts";
import {
  type Answer,
  type Client,
  type DemoAccount,
  demoAccounts,
  type EngineContext,
} from "./engines.ts";
import { tileAt } from "./tile-math.ts";

/** GETs not driven here, and why. */
export const notDriven: Record<string, string> = {
  "/api/notifications/stream": "an event stream that stays open",
  "/api/communities/{id}/partition/jobs/{jobId}": "a partition job in this process's memory",
  "/api/admin/backups/{name}": "an archive on disk, read without the database",
  "/tiles/{layer}/{z}/{x}/{y}": "driven apart: every layer at z10 and z15",
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
  schema?: { enum?: string[] };
}

export interface Drive {
  /** Every request made and its answer's status. */
  answers: { who: string; path: string; status: number }[];
  /** GET paths of the OpenAPI document that could not be filled in (not in notDriven). */
  unfilled: string[];
}

/** The demo city's clients and places, and how each request is made and kept. */
class Driver {
  readonly drive: Drive = { answers: [], unfilled: [] };
  readonly clients = new Map<string, Client>();
  bbox = "";
  place = { lon: 0, lat: 0 };
  photoId = 0;
  itemId = 0;

  constructor(readonly ctx: EngineContext) {}

  async first(query: SQL) {
    return (await selectRows<{ v: string | number | null }>(this.ctx.db.orm, query))[0]?.v ?? null;
  }

  /** A request as `who`; `must` when the drive is worthless unless it goes through. */
  async ask(who: string, url: string, init?: RequestInit, must = false): Promise<Answer> {
    const answer = await (this.clients.get(who) as Client).request(url, init);
    this.drive.answers.push({ who, path: url, status: answer.status });
    if (must && answer.status >= 300) {
      throw new Error(`${who} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer;
  }

  /** Signs in as every role; finds the city's extent, a place in the unit admin's grid, a photo. */
  async setUp() {
    const { db, cityId } = this.ctx;
    this.clients.set("anonymous", this.ctx.anonymous);
    for (const role of demoAccounts) {
      this.clients.set(role, await this.ctx.as(role));
      await this.ask(role, "/api/auth/me", undefined, true);
    }
    this.bbox = String(
      await this.first(sql`SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) AS v
        FROM (SELECT ST_Extent(geom)::geometry AS e FROM grids WHERE city_id = ${cityId}) x`),
    );
    const [place] = await selectRows<{ lon: number; lat: number }>(
      db.orm,
      sql`SELECT ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat
          FROM grids g JOIN grid_units gu ON gu.grid_id = g.id AND gu.role = 'lead' AND gu.city_id = g.city_id
          JOIN users u ON u.unit_id = gu.unit_id AND u.username = 'unitadmin' AND u.city_id = g.city_id
          WHERE g.city_id = ${cityId} ORDER BY g.code LIMIT 1`,
    );
    if (!place) throw new Error("the demo city has no grid led by the unit admin's unit");
    this.place = place;
    this.itemId = Number(
      await this.first(sql`SELECT min(id) AS v FROM standard_items WHERE city_id = ${cityId}`),
    );
    this.photoId = Number(
      await this.first(sql`INSERT INTO files (city_id, sha256, mime, size, original_name)
        VALUES (${cityId}, ${"e".repeat(64)}, 'image/jpeg', 1000, '整改后.jpg') RETURNING id AS v`),
    );
  }

  /**
   * The loop: a report dispatched, started, submitted with a photo, returned, submitted again and
   * closed; a volunteer's report sent back; a citizen's report through Open311, dispatched.
   */
  async loop() {
    const report = async (who: string) =>
      (
        await this.ask(
          who,
          "/api/problems",
          post({
            type: "Feature",
            geometry: { type: "Point", coordinates: [this.place.lon, this.place.lat] },
            properties: { description: "垃圾桶满溢", itemId: this.itemId },
          }),
          true,
        )
      ).body.id as number;
    const step = (who: string, id: number, body: Record<string, unknown>) =>
      this.ask(who, `/api/problems/${id}/transitions`, post(body), true);
    const photoIds = [this.photoId];
    const problem = await report("coordinator");
    await step("coordinator", problem, { action: "dispatch", version: 1 });
    await step("unitadmin", problem, { action: "start", version: 2 });
    await step("unitadmin", problem, { action: "submit", version: 3, note: "已清运", photoIds });
    await step("coordinator", problem, { action: "return", version: 4, reason: returnReasons[0] });
    await step("unitadmin", problem, { action: "start", version: 5 });
    await step("unitadmin", problem, { action: "submit", version: 6, note: "已清运", photoIds });
    await step("coordinator", problem, { action: "close", version: 7, note: "核验通过" });
    const patrol = await report("volunteer");
    await step("coordinator", patrol, { action: "dispatch", version: 1 });
    await step("unitadmin", patrol, {
      action: "send_back",
      version: 2,
      reason: sendBackReasons[0],
    });

    const services = await this.ask("anonymous", "/open311/v2/services.json", undefined, true);
    const serviceCode = services.body[0].service_code as string;
    const filed = await this.ask(
      "anonymous",
      "/open311/v2/requests.json",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          service_code: serviceCode,
          lat: String(this.place.lat),
          long: String(this.place.lon),
          description: "路边垃圾无人清理",
        }).toString(),
      },
      true,
    );
    const requestId = filed.body[0].service_request_id as string;
    await step("coordinator", Number(requestId), { action: "dispatch", version: 1 });
    return { problem, patrol, serviceCode, requestId };
  }

  /** Every GET of the API's own description, its path filled in with the city's rows. */
  async everyGet(made: Awaited<ReturnType<Driver["loop"]>>) {
    const { cityId } = this.ctx;
    const ids = new Map<string, number>();
    for (const [word, table] of Object.entries(idTables)) {
      const id = await this.first(
        sql`SELECT min(id) AS v FROM ${sql.identifier(table)} WHERE city_id = ${cityId}`,
      );
      // The demo has no inspection: the lookup of none is still sent, and that is what is read.
      ids.set(word, Number(id ?? 0));
    }
    const pathValues: Record<string, string> = {
      format: "json",
      service_code: made.serviceCode,
      service_request_id: made.requestId,
      number: made.requestId,
      token: "not-a-token",
      fileId: String(this.photoId),
      id: String(this.photoId),
      collectionId: "problems",
      featureId: String(made.problem),
    };
    const queryValue = await this.queryValues(ids);
    const document = (await this.ask("coordinator", "/api/openapi.json", undefined, true)).body;
    for (const [template, operations] of Object.entries<any>(document.paths)) {
      if (!operations.get || template in notDriven) continue;
      const word = /^\/api\/([^/]+)\//.exec(template)?.[1];
      const url = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = name === "id" && word ? ids.get(word) : pathValues[name];
        return value === undefined ? whole : String(value);
      });
      if (url.includes("{")) {
        this.drive.unfilled.push(template);
        continue;
      }
      const query: Parameter[] = (operations.get.parameters ?? []).filter(
        (p: Parameter) => p.in === "query",
      );
      const required = new URLSearchParams();
      for (const p of query.filter((q) => q.required)) required.set(p.name, queryValue(p) ?? "");
      const withQuery = (params: URLSearchParams) => (params.size ? `${url}?${params}` : url);
      for (const who of this.clients.keys()) {
        await this.ask(who, withQuery(required));
        if (!scopedRoles.includes(who as DemoAccount)) continue;
        for (const p of query.filter((q) => !q.required)) {
          const value = queryValue(p);
          if (value === undefined) continue;
          const params = new URLSearchParams(required);
          params.set(p.name, value);
          await this.ask(who, withQuery(params));
        }
      }
    }
  }

  /** A value for a query parameter: by its name, the first of its choices, or a row's id. */
  private async queryValues(ids: Map<string, number>) {
    const { cityId } = this.ctx;
    const today = todayInChina();
    const monthAgo = addDays(today, -30);
    const cell = await this.first(
      sql`SELECT hex_250::text AS v FROM problems WHERE city_id = ${cityId} ORDER BY id LIMIT 1`,
    );
    const code = await this.first(
      sql`SELECT code AS v FROM communities WHERE city_id = ${cityId} ORDER BY id LIMIT 1`,
    );
    const byName: Record<string, string | undefined> = {
      bbox: this.bbox,
      zoom: "13",
      q: "滕州",
      code: code === null ? undefined : String(code),
      cells: cell === null ? undefined : String(cell),
      cellSize: "250",
      limit: "5",
      offset: "1",
      days: "3",
      weeks: "2",
      minPoints: "2",
      before: "2147483647",
      status: "dispatched",
      datetime: `${monthAgo}T00:00:00Z/..`,
      from: monthAgo,
      to: today,
      week: today,
      start_date: `${monthAgo}T00:00:00Z`,
      end_date: `${today}T23:59:59Z`,
    };
    const plural: Record<string, string> = { community: "communities", person: "users" };
    return (p: Parameter): string | undefined => {
      if (p.name in byName) return byName[p.name];
      if (p.schema?.enum) return p.schema.enum[0];
      if (!p.name.endsWith("Id")) return undefined;
      const word = p.name.replace(/Id$/, "");
      return String(ids.get(plural[word] ?? `${word}s`) ?? 1);
    };
  }

  /** Tiles of every layer at a city's zoom and a street's, in each scope; the OGC collections. */
  async maps() {
    for (const who of scopedRoles) {
      for (const layer of tileLayers) {
        for (const z of [10, 15]) {
          const { x, y } = tileAt(this.place.lon, this.place.lat, z);
          await this.ask(who, `/tiles/${layer}/${z}/${x}/${y}.mvt`, undefined, true);
        }
      }
    }
    const collections = (await this.ask("coordinator", "/ogc/collections", undefined, true)).body
      .collections as { id: string }[];
    for (const { id } of collections) {
      const items = await this.ask("coordinator", `/ogc/collections/${id}/items?limit=2`);
      const feature = items.body.features?.[0]?.id;
      if (feature !== undefined) {
        await this.ask("coordinator", `/ogc/collections/${id}/items/${feature}`, undefined, true);
      }
    }
  }

  /** The scheduled jobs, as main.ts runs them. */
  async jobs(problemIds: number[]) {
    const { db, cityId } = this.ctx;
    const filesDir = await mkdtemp(path.join(tmpdir(), "civgrid-joins-files-"));
    try {
      await sweepOrphanFiles(db, filesDir);
    } finally {
      await rm(filesDir, { recursive: true, force: true });
    }
    await runSchedule(db);
    await deliverDue(db);
    await routeProblems(db.orm, cityId, problemIds);
    if (db.engine === "pglite") await vacuumStale(db);
  }
}

export async function driveEveryRequest(ctx: EngineContext): Promise<Drive> {
  const driver = new Driver(ctx);
  await driver.setUp();
  const made = await driver.loop();
  await driver.ask("unitadmin", `/api/problems/${made.patrol}/duplicates`);
  await driver.everyGet(made);
  await driver.maps();
  await driver.jobs([made.problem, made.patrol]);
  return driver.drive;
}
