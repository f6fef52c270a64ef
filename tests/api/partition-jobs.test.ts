// A partition preview of a large outline runs on the worker pool as a job with progress: other
// requests (/api/health) are answered while it computes, and closing the dialog cancels it.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { prefectureOutline } from "../bench/prefecture-outline.ts";
import { describeEachEngine } from "./engines.ts";

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describeEachEngine("partition jobs", (ctx) => {
  /** A community whose outline is a jagged coast (6,000 vertices unless told) with three islands. */
  async function largeCommunity(mainlandVertices = 6000): Promise<number> {
    const [row] = await selectRows<{ id: number; lon: number; lat: number }>(
      ctx().db.orm,
      sql`SELECT id, ST_X(ST_Centroid(geom)) AS lon, ST_Y(ST_Centroid(geom)) AS lat
          FROM communities ORDER BY id LIMIT 1`,
    );
    const outline = prefectureOutline({
      radiusKm: 2,
      islands: 3,
      mainlandVertices,
      centre: [row!.lon, row!.lat],
    });
    await ctx().db.orm.execute(
      sql`UPDATE communities SET geom = ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(outline)}), 4326)
          WHERE id = ${row!.id}`,
    );
    return row!.id;
  }

  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean) => {
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  // 30 grids, not more: above 30 the search is a single settled start, which now ends within
  // half a second, before the test can see it still running.
  it("answers /api/health while a 30-grid preview of a large outline is still computing, then shows it", async () => {
    const coordinator = await ctx().as("coordinator");
    const id = await largeCommunity();
    const started = await coordinator.request(
      `/api/communities/${id}/partition/jobs`,
      post({ count: 30 }),
    );
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ state: "running" });
    const job = `/api/communities/${id}/partition/jobs/${started.body.id}`;
    // The partition has begun (it reported progress) …
    const computing = await until(
      () => coordinator.request(job),
      (answer) => answer.body.progress > 0 || answer.body.state !== "running",
    );
    expect(computing.body.state).toBe("running");
    // … and the server answers others meanwhile: on the event loop it would answer only after.
    const health = await ctx().anonymous.request("/api/health");
    expect(health.status).toBe(200);
    expect((await coordinator.request(job)).body.state).toBe("running");
    const progress: number[] = [];
    const done = await until(
      () => coordinator.request(job),
      (answer) => {
        progress.push(answer.body.progress);
        return answer.body.state !== "running";
      },
    );
    expect(done.body.state).toBe("done");
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(done.body.progress).toBe(1);
    expect(done.body.preview.parts).toHaveLength(30);
    expect(done.body.preview.metrics.cv).toBeLessThan(0.01);
    // The islands joined grids on their shores: some parts are MultiPolygons.
    expect(done.body.preview.parts.some((p: { type: string }) => p.type === "MultiPolygon")).toBe(
      true,
    );
  });

  it("cancels a job when the dialog closes, keeps it from others, and answers a small one", async () => {
    const coordinator = await ctx().as("coordinator");
    // A longer coast than the test above: the job must still be running when the dialog closes.
    const id = await largeCommunity(24_000);
    const started = await coordinator.request(
      `/api/communities/${id}/partition/jobs`,
      post({ count: 30 }),
    );
    expect(started.status).toBe(202);
    const job = `/api/communities/${id}/partition/jobs/${started.body.id}`;
    const admin = await ctx().as("admin");
    // Not another person's to see (the administrator may not even partition).
    expect([403, 404]).toContain((await admin.request(job)).status);
    expect((await coordinator.request(job, { method: "DELETE" })).status).toBe(204);
    expect((await coordinator.request(job)).body.state).toBe("cancelled");
    // A small community answers the POST itself: no progress bar needed.
    const [other] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT id FROM communities WHERE id <> ${id} ORDER BY id LIMIT 1`,
    );
    const small = await coordinator.request(
      `/api/communities/${other!.id}/partition/jobs`,
      post({ count: 3 }),
    );
    // Usually done within the POST (200); on a loaded machine it may still be running (202).
    expect(small.status).toBe(small.body.state === "done" ? 200 : 202);
    const finished = await until(
      () => coordinator.request(`/api/communities/${other!.id}/partition/jobs/${small.body.id}`),
      (answer) => answer.body.state !== "running",
    );
    expect(finished.body).toMatchObject({ state: "done", progress: 1 });
    expect(finished.body.preview.parts).toHaveLength(3);
  });

  it("refuses a bad count before starting anything", async () => {
    const coordinator = await ctx().as("coordinator");
    const answer = await coordinator.request(
      `/api/communities/1/partition/jobs`,
      post({ count: 0 }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.count).toMatch(/\S/);
  });
});
