// Security (issue 16): every uploaded file is read with the scope of what it belongs to — every
// file kind × the seven roles and anonymous — and only roles that write may upload.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, selectRows } from "@civgrid/api";
import { type SQL, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type Client,
  clientFor,
  type DemoAccount,
  demoAccounts,
  describeEachEngine,
  signIn,
} from "./engines.ts";

const roles = demoAccounts;
const cityWide: DemoAccount[] = ["admin", "coordinator", "inspector", "leader"];

/** A small distinct JPEG per fixture (distinct bytes, so each is its own file). */
const photo = (seed: number) =>
  sharp({
    create: { width: 24, height: 16, channels: 3, background: { r: seed * 7, g: 90, b: 200 } },
  })
    .jpeg()
    .toBuffer();

interface Fixture {
  kind: string;
  /** Links the uploaded file to its record. */
  attach: (fileId: number) => SQL | null;
  /** Who may read it, by what they are in the demo city (checked in beforeAll). */
  readers: DemoAccount[];
  /** Whether anyone may read it at /open311/v2/media/{id} without signing in. */
  public?: boolean;
}

describeEachEngine("security: file scope", (ctx) => {
  let dir = "";
  let app: ReturnType<typeof createApp>;
  const clients = new Map<DemoAccount, Client>();
  const fileIds = new Map<string, number>();
  const fixtures: Fixture[] = [];

  const one = async <T>(query: SQL) => {
    const [row] = await selectRows<T>(ctx().db.orm, query);
    if (!row) throw new Error(`the demo city has no row for ${JSON.stringify(query)}`);
    return row;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "civgrid-security-files-"));
    app = createApp({ db: ctx().db, cityId: ctx().cityId, basemapUrl: null, filesDir: dir });
    for (const role of roles) clients.set(role, await signIn(app, role));
    const orm = ctx().db.orm;
    // What the demo accounts are: the unit admin's unit, the volunteer's grid and branch.
    const { unitId } = await one<{ unitId: number }>(
      sql`SELECT unit_id AS "unitId" FROM users WHERE username = 'unitadmin'`,
    );
    const { gridId, branchId } = await one<{ gridId: number; branchId: number }>(
      sql`SELECT gp.grid_id AS "gridId", p.branch_id AS "branchId" FROM users u
          JOIN people p ON p.id = u.person_id JOIN grid_people gp ON gp.person_id = p.id
          WHERE u.username = 'volunteer'`,
    );
    // The grid leader leads the volunteer's grid, in the volunteer's branch.
    await one(sql`SELECT 1 FROM users u JOIN people p ON p.id = u.person_id
      JOIN grid_people gp ON gp.person_id = p.id
      WHERE u.username = 'gridleader' AND gp.grid_id = ${gridId} AND p.branch_id = ${branchId}`);
    const otherGrid = sql`grid_id <> ${gridId} AND NOT EXISTS (SELECT 1 FROM grid_units gu
      WHERE gu.grid_id = x.grid_id AND gu.unit_id = ${unitId})`;
    const problemIn = await one<{ id: number }>(
      sql`SELECT id FROM problems WHERE grid_id = ${gridId} AND unit_id = ${unitId}
          AND source <> 'citizen' ORDER BY id LIMIT 1`,
    );
    const problemOut = await one<{ id: number }>(
      sql`SELECT id FROM problems x WHERE ${otherGrid} AND unit_id <> ${unitId} AND source <> 'citizen'
          AND reported_by IS NULL ORDER BY id LIMIT 1`,
    );
    const citizen = await one<{ id: number }>(
      sql`SELECT id FROM problems x WHERE source = 'citizen' AND ${otherGrid} AND unit_id <> ${unitId}
          ORDER BY id LIMIT 1`,
    );
    const materialOwn = await one<{ id: number }>(
      sql`SELECT id FROM materials WHERE unit_id = ${unitId} AND grid_id IS NULL ORDER BY id LIMIT 1`,
    );
    const materialOther = await one<{ id: number }>(
      sql`SELECT id FROM materials WHERE unit_id <> ${unitId} AND grid_id IS NULL ORDER BY id LIMIT 1`,
    );
    const assignmentOwn = await one<{ id: number }>(
      sql`SELECT id FROM task_assignments WHERE unit_id = ${unitId} AND grid_id IS NULL ORDER BY id LIMIT 1`,
    );
    const assignmentGrid = await one<{ id: number }>(
      sql`SELECT id FROM task_assignments WHERE grid_id = ${gridId} AND unit_id IS NULL ORDER BY id LIMIT 1`,
    );
    const assignmentOther = await one<{ id: number }>(
      sql`SELECT id FROM task_assignments x WHERE unit_id <> ${unitId} AND grid_id IS NULL ORDER BY id LIMIT 1`,
    );
    const activityBranch = await one<{ id: number }>(
      sql`SELECT a.id FROM volunteer_activities a JOIN volunteer_branches b ON b.id = a.branch_id
          WHERE a.branch_id = ${branchId} AND b.lead_unit_id <> ${unitId} ORDER BY a.id LIMIT 1`,
    );
    const activityOther = await one<{ id: number }>(
      sql`SELECT a.id FROM volunteer_activities a JOIN volunteer_branches b ON b.id = a.branch_id
          WHERE a.branch_id <> ${branchId} AND b.lead_unit_id <> ${unitId}
            AND NOT EXISTS (SELECT 1 FROM activity_participants ap JOIN users u ON u.person_id = ap.person_id
              WHERE ap.activity_id = a.id)
          ORDER BY a.id LIMIT 1`,
    );
    const item = await one<{ id: number }>(
      sql`SELECT i.id FROM standard_items i JOIN standards s ON s.id = i.standard_id
          WHERE s.city_id = ${ctx().cityId} ORDER BY i.id LIMIT 1`,
    );
    // An Open311 request filed with an address only, waiting for the office to place it (待定位).
    const waitingRequest = (f: number) =>
      sql`INSERT INTO open311_requests (city_id, token, item_id, description, address_string, photo_file_id)
          VALUES (${ctx().cityId}, gen_random_uuid(), ${item.id}, '路面破损', '荆河街道', ${f})`;
    const inProblem = (problemId: number) => (f: number) =>
      sql`INSERT INTO problem_photos (city_id, problem_id, file_id, phase)
          VALUES (${ctx().cityId}, ${problemId}, ${f}, 'before')`;
    const asMaterial = (materialId: number) => (f: number) =>
      sql`UPDATE materials SET file_id = ${f} WHERE id = ${materialId}`;
    const asEvidence = (assignmentId: number) => (f: number) =>
      sql`INSERT INTO task_evidence (city_id, assignment_id, file_id) VALUES (${ctx().cityId}, ${assignmentId}, ${f})`;
    const ofActivity = (activityId: number) => (f: number) =>
      sql`INSERT INTO activity_photos (city_id, activity_id, file_id) VALUES (${ctx().cityId}, ${activityId}, ${f})`;
    const team: DemoAccount[] = ["gridleader", "volunteer"];
    fixtures.push(
      {
        kind: "photo of a problem in the volunteer's grid, dispatched to the unit",
        attach: inProblem(problemIn.id),
        readers: [...cityWide, "unitadmin", ...team],
      },
      {
        kind: "photo of another unit's problem elsewhere",
        attach: inProblem(problemOut.id),
        readers: cityWide,
      },
      {
        kind: "a citizen's Open311 photo",
        attach: inProblem(citizen.id),
        readers: cityWide,
        public: true,
      },
      {
        kind: "the photo of an Open311 request waiting to be placed",
        attach: waitingRequest,
        readers: cityWide,
      },
      {
        kind: "the unit's own material",
        attach: asMaterial(materialOwn.id),
        readers: [...cityWide, "unitadmin"],
      },
      {
        kind: "another hospital's material",
        attach: asMaterial(materialOther.id),
        readers: cityWide,
      },
      {
        kind: "evidence of the unit's task",
        attach: asEvidence(assignmentOwn.id),
        readers: [...cityWide, "unitadmin"],
      },
      {
        kind: "evidence of a task of the volunteer's grid",
        attach: asEvidence(assignmentGrid.id),
        readers: [...cityWide, "unitadmin", ...team],
      },
      {
        kind: "evidence of another unit's task",
        attach: asEvidence(assignmentOther.id),
        readers: cityWide,
      },
      {
        kind: "photo of the volunteers' branch activity",
        attach: ofActivity(activityBranch.id),
        readers: [...cityWide, ...team],
      },
      {
        kind: "photo of another branch's activity",
        attach: ofActivity(activityOther.id),
        readers: cityWide,
      },
      // Uploaded by the coordinator and attached to nothing: its uploader only.
      { kind: "an upload attached to nothing", attach: () => null, readers: ["coordinator"] },
    );
    const coordinator = clients.get("coordinator") as Client;
    for (const [i, fixture] of fixtures.entries()) {
      const form = new FormData();
      form.set(
        "file",
        new File([new Uint8Array(await photo(i + 1))], `f${i}.jpg`, { type: "image/jpeg" }),
      );
      const uploaded = await coordinator.request("/api/files", { method: "POST", body: form });
      expect(uploaded.status).toBe(201);
      fileIds.set(fixture.kind, uploaded.body.id);
      const link = fixture.attach(uploaded.body.id);
      if (link) await orm.execute(link);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads each kind of file only with the scope of what it belongs to, 404 for everyone else", async () => {
    const seen: string[] = [];
    const expected: string[] = [];
    for (const fixture of fixtures) {
      const id = fileIds.get(fixture.kind);
      for (const role of roles) {
        const client = clients.get(role) as Client;
        const original = await client.raw(`/api/files/${id}`);
        const thumbnail = await client.raw(`/api/files/${id}/thumbnail`);
        seen.push(`${fixture.kind} · ${role}: ${original.status}/${thumbnail.status}`);
        const status = fixture.readers.includes(role) ? 200 : 404;
        expected.push(`${fixture.kind} · ${role}: ${status}/${status}`);
      }
      const anonymous = await clientFor(app).raw(`/api/files/${id}`);
      seen.push(`${fixture.kind} · anonymous: ${anonymous.status}`);
      expected.push(`${fixture.kind} · anonymous: 401`);
    }
    expect(seen).toEqual(expected);
  });

  it("serves a citizen's photo publicly at its Open311 media address, and no other file", async () => {
    for (const fixture of fixtures) {
      const answer = await clientFor(app).raw(`/open311/v2/media/${fileIds.get(fixture.kind)}`);
      expect([fixture.kind, answer.status]).toEqual([fixture.kind, fixture.public ? 200 : 404]);
    }
    const listed = await clientFor(app).request(
      "/open311/v2/requests.json?start_date=2000-01-01T00:00:00Z",
    );
    const citizenFile = fileIds.get("a citizen's Open311 photo");
    // Absolute, at the address the client used (GeoReport clients fetch it as it stands).
    expect(listed.body.map((r: { media_url: string | null }) => r.media_url)).toContain(
      `http://localhost/open311/v2/media/${citizenFile}`,
    );
  });

  it("lets a leader read but not upload; the roles that write upload", async () => {
    const form = () => {
      const body = new FormData();
      body.set(
        "file",
        new File([new Uint8Array([0xff, 0xd8, 0xff])], "x.jpg", { type: "image/jpeg" }),
      );
      return body;
    };
    const leader = clients.get("leader") as Client;
    for (const target of ["/api/files", "/api/files/documents"]) {
      const answer = await leader.request(target, { method: "POST", body: form() });
      expect([target, answer.status, answer.body.error?.code]).toEqual([target, 403, "forbidden"]);
    }
    // A volunteer's bad photo is judged (400), not refused for the role.
    const volunteer = clients.get("volunteer") as Client;
    expect((await volunteer.request("/api/files", { method: "POST", body: form() })).status).toBe(
      400,
    );
  });
});
