// Personal access tokens on both engines: created once, listed, revoked; a bearer token reads the
// API, tiles and OGC with its owner's scope, and stops at once when revoked or expired.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

describeEachEngine("personal access tokens", (ctx) => {
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const post = (body: unknown) => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

  it("shows a new token once, stores only its hash, and lists it without the token", async () => {
    const volunteer = await ctx().as("volunteer");
    const created = await volunteer.request("/api/tokens", post({ name: "QGIS 笔记本" }));
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^cgpat_[\w-]{43}$/);
    expect(created.body.expiresAt).toBeNull();
    const list = await volunteer.request("/api/tokens");
    expect(list.body.tokens[0]).toMatchObject({ id: created.body.id, name: "QGIS 笔记本" });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const stored = await ctx().db.orm.execute(
      sql`SELECT count(*)::int AS n FROM access_tokens WHERE token_hash LIKE ${`%${created.body.token}%`}`,
    );
    expect(JSON.stringify(stored)).toContain('"n":0');
    // Someone else's list does not show it.
    const mine = await ctx().request("/api/tokens");
    expect(mine.body.tokens.map((t: any) => t.id)).not.toContain(created.body.id);
  });

  it("reads the API, tiles and OGC with the owner's scope through a bearer header", async () => {
    const volunteer = await ctx().as("volunteer");
    const { body } = await volunteer.request("/api/tokens", post({ name: "GDAL" }));
    const viaSession = await volunteer.request("/api/grids");
    const viaToken = await ctx().anonymous.request("/api/grids", bearer(body.token));
    expect(viaToken.status).toBe(200);
    expect(viaToken.body.features.map((f: any) => f.id)).toEqual(
      viaSession.body.features.map((f: any) => f.id),
    );
    const ogc = await ctx().anonymous.request("/ogc/collections/grids/items", bearer(body.token));
    expect(ogc.body.numberMatched).toBe(viaSession.body.numberMatched);
    const tile = await ctx().anonymous.raw("/tiles/grids/0/0/0.mvt", bearer(body.token));
    expect(tile.status).toBe(200);
    // A token reads; it cannot write, not even to make more tokens.
    const write = await ctx().anonymous.request("/api/tokens", {
      ...post({ name: "more" }),
      headers: {
        ...bearer(body.token).headers,
        "content-type": "application/json",
        origin: "http://localhost",
      },
    });
    expect(write.status).toBe(403);
    const used = await volunteer.request("/api/tokens");
    expect(used.body.tokens.find((t: any) => t.id === body.id).lastUsedAt).toMatch(/^\d{4}-/);
  });

  it("refuses a revoked, an expired and an unknown token with 401", async () => {
    const coordinator = await ctx().as("coordinator");
    const { body } = await coordinator.request("/api/tokens", post({ name: "revoke me" }));
    expect((await ctx().anonymous.request("/ogc/collections", bearer(body.token))).status).toBe(
      200,
    );
    const revoked = await coordinator.request(`/api/tokens/${body.id}`, {
      method: "DELETE",
      headers: { origin: "http://localhost" },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toMatch(/^\d{4}-/);
    const after = await ctx().anonymous.request("/ogc/collections", bearer(body.token));
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("token_invalid");

    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const expiring = await coordinator.request(
      "/api/tokens",
      post({ name: "x", expiresOn: tomorrow }),
    );
    expect(expiring.status).toBe(201);
    await ctx().db.orm.execute(
      sql`UPDATE access_tokens SET expires_at = now() - interval '1 minute' WHERE id = ${expiring.body.id}`,
    );
    expect((await ctx().anonymous.request("/api/grids", bearer(expiring.body.token))).status).toBe(
      401,
    );
    expect((await ctx().anonymous.request("/api/grids", bearer("cgpat_nonsense"))).status).toBe(
      401,
    );
    // Another user's token id cannot be revoked.
    const other = await (await ctx().as("leader")).request(`/api/tokens/${expiring.body.id}`, {
      method: "DELETE",
      headers: { origin: "http://localhost" },
    });
    expect(other.status).toBe(404);
  });

  it("refuses a blank name and an expiry in the past or beyond a year, naming the field", async () => {
    for (const [body, field] of [
      [{ name: "" }, "name"],
      [{ name: "x", expiresOn: "2020-01-01" }, "expiresOn"],
      [{ name: "x", expiresOn: "2999-01-01" }, "expiresOn"],
      [{ name: "x", expiresOn: "tomorrow" }, "expiresOn"],
    ] as const) {
      const { status, body: answer } = await ctx().request("/api/tokens", post(body));
      expect(status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(answer.error.fields)).toEqual([field]);
    }
  });
});
