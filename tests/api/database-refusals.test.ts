// Input the database itself would refuse (NUL, lone surrogates, unknown ids, impossible dates,
// polygons PostGIS cannot take, JSON nested past any sense) gets a 4xx naming the field, in the
// reader's language, and nothing is written — never a 500.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type DemoAccount, describeEachEngine } from "./engines.ts";

interface Case {
  title: string;
  as: DemoAccount | null;
  method: "GET" | "POST";
  path: string;
  /** The request body as sent, so that escapes like \u0000 and \ud800 reach the server as text. */
  body?: () => string;
  status: number;
  /** The field the answer must name, when it can be told. */
  field?: string;
}

describeEachEngine("input the database would refuse", (ctx) => {
  let where: {
    communityId: number;
    lon: number;
    lat: number;
    standardId: number;
    pointId: number;
    itemId: number;
  };

  beforeAll(async () => {
    [where] = (await selectRows<typeof where>(
      ctx().db.orm,
      sql`SELECT g.community_id AS "communityId", ST_X(ST_PointOnSurface(g.geom)) AS lon,
            ST_Y(ST_PointOnSurface(g.geom)) AS lat,
            (SELECT min(id) FROM standards) AS "standardId", (SELECT min(id) FROM inspection_points) AS "pointId",
            (SELECT min(id) FROM standard_items WHERE standard_id = (SELECT min(id) FROM standards)) AS "itemId"
          FROM grids g ORDER BY g.code LIMIT 1`,
    )) as [typeof where];
  });

  const report = (properties: string) =>
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[${where.lon},${where.lat}]},"properties":${properties}}`;
  const grid = (
    name: string,
    ring = "[[117.1,35.1],[117.101,35.1],[117.101,35.101],[117.1,35.101],[117.1,35.1]]",
  ) =>
    `{"type":"Feature","geometry":{"type":"Polygon","coordinates":[${ring}]},"properties":{"communityId":${where.communityId},"name":"${name}"}}`;
  const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

  const cases: Case[] = [
    {
      title: "a NUL character in a login name",
      as: null,
      method: "POST",
      path: "/api/auth/login",
      body: () => String.raw`{"username":"admin\u0000","password":"civgrid-demo"}`,
      status: 400,
      field: "username",
    },
    {
      title: "a NUL character in a grid name",
      as: "coordinator",
      method: "POST",
      path: "/api/grids",
      body: () => grid(String.raw`网格\u0000一`),
      status: 400,
      field: "properties.name",
    },
    {
      title: "a NUL character in a search",
      as: "coordinator",
      method: "GET",
      path: "/api/people?q=%E5%BC%A0%00",
      status: 400,
      field: "q",
    },
    {
      title: "a lone surrogate in a name",
      as: "coordinator",
      method: "POST",
      path: "/api/grids",
      body: () => grid(String.raw`网格\ud800`),
      status: 400,
      field: "properties.name",
    },
    {
      title: "a lone surrogate in a login name",
      as: null,
      method: "POST",
      path: "/api/auth/login",
      body: () => String.raw`{"username":"\udc00admin","password":"civgrid-demo"}`,
      status: 400,
      field: "username",
    },
    {
      title: "an itemId that does not exist",
      as: "inspector",
      method: "POST",
      path: "/api/problems",
      body: () => report(`{"description":"楼道堆物","itemId":2147483600}`),
      status: 400,
      field: "properties.itemId",
    },
    {
      title: "a pointId that does not exist",
      as: "inspector",
      method: "POST",
      path: "/api/problems",
      body: () => report(`{"description":"楼道堆物","pointId":2147483600}`),
      status: 400,
      field: "properties.pointId",
    },
    {
      title: "an impossible date (2099-02-31)",
      as: "inspector",
      method: "POST",
      path: "/api/inspections",
      body: () =>
        JSON.stringify({
          kind: "open",
          standardId: where.standardId,
          startedAt: "2099-02-31T10:00:00+08:00",
          visits: [{ pointId: where.pointId, results: [{ itemId: where.itemId, result: "pass" }] }],
        }),
      status: 400,
      field: "startedAt",
    },
    {
      title: "a polygon PostGIS refuses (a whole-world box)",
      as: "coordinator",
      method: "POST",
      path: "/api/grids",
      body: () => grid("全球", "[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]"),
      status: 400,
    },
    {
      title: "deeply nested JSON",
      as: "coordinator",
      method: "POST",
      path: "/api/grids",
      body: () =>
        `{"type":"Feature","geometry":{"type":"Polygon","coordinates":${deep(100_000)}},"properties":{"communityId":${where.communityId}}}`,
      status: 400,
    },
  ];

  const written = async () =>
    (
      await selectRows<{ n: number }>(
        ctx().db.orm,
        sql`SELECT (SELECT count(*) FROM problems) + (SELECT count(*) FROM grids) +
              (SELECT count(*) FROM inspections) + (SELECT count(*) FROM audit_log) AS n`,
      )
    )[0]?.n;

  it.each(cases)("$title → $status with a message, nothing written", async (c) => {
    const client = c.as ? await ctx().as(c.as) : ctx().anonymous;
    const before = await written();
    for (const lang of ["zh-CN", "en"]) {
      const answer = await client.request(c.path, {
        method: c.method,
        headers: {
          "accept-language": lang,
          ...(c.body && { "content-type": "application/json", origin: "http://localhost" }),
        },
        ...(c.body && { body: c.body() }),
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(c.status);
      expect(answer.body.error.message).toMatch(
        lang === "en" ? /^[\x20-\x7e]+$/ : /[\u4e00-\u9fff]/,
      );
      if (c.field)
        expect(answer.body.error.fields?.[c.field], JSON.stringify(answer.body)).toMatch(/\S/);
    }
    expect(await written()).toBe(before);
  });
});
