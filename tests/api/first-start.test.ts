// A server started without demo data: an empty city and one administrator whose one-time password
// is printed once and must be changed at first sign-in.
import { createApp, ensureAccounts, ensureCity } from "@civgrid/api";
import { afterAll, describe, expect, it } from "vitest";
import { type EngineName, openEngine, serverUnavailable, signIn } from "./engines.ts";

// The server run is skipped (loudly, and never under CI=true) by engines.ts when there is no server.
const engines: EngineName[] = (await serverUnavailable()) ? ["pglite"] : ["pglite", "postgres"];

for (const engine of engines) {
  describe(`first start without demo data [${engine}]`, () => {
    let close = async () => {};
    afterAll(() => close());

    it("creates one admin with a printed one-time password that must be changed", async () => {
      const { db, drop } = await openEngine(engine);
      close = async () => {
        await db.close();
        await drop();
      };
      await db.migrate();
      const lines: string[] = [];
      const cityId = await ensureCity(
        db,
        { seed: "none", city: { code: "131002", name: "安次区" } },
        (l) => lines.push(l),
      );
      await ensureAccounts(db, cityId, "none", (l) => lines.push(l));
      const printed = lines.join("\n").match(/one-time password\s+(\S+)/)?.[1];
      expect(printed).toMatch(/^[A-Za-z0-9]{12}$/);
      // A second start prints nothing new and creates no second admin.
      await ensureAccounts(db, cityId, "none", (l) => lines.push(`again: ${l}`));
      expect(lines.some((l) => l.startsWith("again"))).toBe(false);

      const app = createApp({ db, cityId, basemapUrl: null });
      const admin = await signIn(app, "admin", printed);
      const blocked = await admin.request("/api/users");
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.code).toBe("password_change_required");
      const changed = await admin.request("/api/auth/password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: printed, newPassword: "a-new-admin-pass" }),
      });
      expect(changed.status).toBe(204);
      const users = await admin.request("/api/users");
      expect(users.body.users.map((u: any) => u.username)).toEqual(["admin"]);
      expect((await admin.request("/api/grids")).body.numberMatched).toBe(0);
    });
  });
}
