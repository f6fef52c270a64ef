// Auto-partition: a preview of N balanced, compact grids, and accepting it replaces the community's grids.
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describeEachEngine("auto-partition", (ctx) => {
  it("previews exactly N balanced, compact parts by area, changing nothing", async () => {
    const coordinator = await ctx().as("coordinator");
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const before = (await coordinator.request(`/api/grids?communityId=${community.id}`)).body
      .numberMatched;
    const preview = await coordinator.request(
      `/api/communities/${community.id}/partition/preview`,
      post({ count: 7 }),
    );
    expect(preview.status).toBe(200);
    expect(preview.body.parts).toHaveLength(7);
    expect(preview.body.metrics.cv).toBeLessThanOrEqual(0.05);
    expect(preview.body.metrics.polsbyPopper).toBeGreaterThanOrEqual(0.6);
    expect(
      (await coordinator.request(`/api/grids?communityId=${community.id}`)).body.numberMatched,
    ).toBe(before);
  });

  it("balances inspection points when asked, and derives N from a target area", async () => {
    const coordinator = await ctx().as("coordinator");
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const byPoints = await coordinator.request(
      `/api/communities/${community.id}/partition/preview`,
      post({ count: 3, weight: "points" }),
    );
    expect(byPoints.status).toBe(200);
    expect(byPoints.body.pointCount).toBeGreaterThan(10);
    const byArea = await coordinator.request(
      `/api/communities/${community.id}/partition/preview`,
      post({ targetAreaM2: Math.round(community.properties.areaM2 / 4) }),
    );
    expect(byArea.body.count).toBe(4);
  });

  it("accepts a preview: the community's grids are replaced, cover it, and are numbered anew", async () => {
    const coordinator = await ctx().as("coordinator");
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const current = (await coordinator.request(`/api/grids?communityId=${community.id}`)).body
      .features;
    const preview = await coordinator.request(
      `/api/communities/${community.id}/partition/preview`,
      post({ count: 6 }),
    );
    const stale = current.map((g: any) => ({ id: g.id, version: g.properties.version }));
    const accepted = await coordinator.request(
      `/api/communities/${community.id}/partition`,
      post({ parts: preview.body.parts, current: stale }),
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.gridIds).toHaveLength(6);
    const now = (await coordinator.request(`/api/grids?communityId=${community.id}`)).body.features;
    expect(now.map((g: any) => g.id).sort()).toEqual([...accepted.body.gridIds].sort());
    const codes = now.map((g: any) => g.properties.code);
    expect(new Set(codes).size).toBe(6);
    for (const old of current) expect(codes).not.toContain(old.properties.code);
    expect(
      (await coordinator.request(`/api/communities/${community.id}/coverage`)).body.gapPercent,
    ).toBeLessThan(0.01);
    // Accepting again against the grids seen before is refused: they were replaced meanwhile.
    const again = await coordinator.request(
      `/api/communities/${community.id}/partition`,
      post({ parts: preview.body.parts, current: stale }),
    );
    expect(again.status).toBe(409);
  });

  it.each([
    [{}, "count"],
    [{ count: 0 }, "count"],
    [{ count: 301 }, "count"],
    [{ count: 3, targetAreaM2: 50_000 }, "count"],
    [{ count: 3, weight: "households" }, "weight"],
  ])("refuses %j naming %s", async (body, field) => {
    const coordinator = await ctx().as("coordinator");
    const [community] = (await coordinator.request("/api/communities")).body.features;
    const answer = await coordinator.request(
      `/api/communities/${community.id}/partition/preview`,
      post(body),
    );
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toContain(field);
  });

  it("refuses the preview to a volunteer", async () => {
    const volunteer = await ctx().as("volunteer");
    const [community] = (await (await ctx().as("coordinator")).request("/api/communities")).body
      .features;

    expect(
      (
        await volunteer.request(
          `/api/communities/${community.id}/partition/preview`,
          post({ count: 3 }),
        )
      ).status,
    ).toBe(403);
  });
});
