// The public and Open311 limits are counted in the database (issue 20), so that every app process
// on one server shares them: a fixed window per key, concurrent requests counted one after
// another, limits with different names counted apart. On both engines. (Two real processes
// sharing the count: tests/api/replicas.test.ts.)
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { Throttle } from "../../api/src/accounts/throttle.ts";
import { selectRows } from "../../api/src/db/client.ts";
import { describeEachEngine } from "./engines.ts";

describeEachEngine("request throttles in the database", (ctx) => {
  it("lets the limit through, then says how long to wait, per key and per limit", async () => {
    const orm = ctx().db.orm;
    const throttle = new Throttle("test-a", 3, 60_000);
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await throttle.take(orm, "10.0.0.1"));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(0);
    expect(waits[3]).toBeLessThanOrEqual(60);
    // Another address, and another limit on the same address, have their own counts.
    expect(await throttle.take(orm, "10.0.0.2")).toBe(0);
    expect(await new Throttle("test-b", 3, 60_000).take(orm, "10.0.0.1")).toBe(0);
    const [row] = await selectRows<{ hits: number }>(
      orm,
      sql`SELECT hits FROM request_throttles WHERE key = 'test-a:10.0.0.1'`,
    );
    expect(row?.hits).toBe(4);
  });

  it("counts concurrent requests one after another: exactly the limit goes through", async () => {
    const throttle = new Throttle("test-c", 5, 60_000);
    const waits = await Promise.all(
      Array.from({ length: 12 }, () => throttle.take(ctx().db.orm, "10.0.0.3")),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
  });

  it("starts a new window once the last one is over", async () => {
    const throttle = new Throttle("test-d", 1, 500);
    expect(await throttle.take(ctx().db.orm, "k")).toBe(0);
    expect(await throttle.take(ctx().db.orm, "k")).toBe(1);
    const deadline = Date.now() + 5000;
    let wait = 1;
    while (wait && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      wait = await throttle.take(ctx().db.orm, "k");
    }
    expect(wait).toBe(0);
  });
});
