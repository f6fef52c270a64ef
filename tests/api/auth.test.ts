// Signing in and out: passwords, sessions that can be revoked and expire, throttling, one-time passwords.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { clientFor, describeEachEngine, signIn } from "./engines.ts";

const login = (username: string, password: string) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username, password }),
});

describeEachEngine("signing in", (ctx) => {
  it("signs in with username and password and says who is signed in", async () => {
    const response = await ctx().app.request("/api/auth/login", login("unitadmin", "civgrid-demo"));
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^civgrid_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await clientFor(ctx().app, cookie.split(";")[0]).request("/api/auth/me");
    expect(me.body.user).toMatchObject({ username: "unitadmin", role: "unit_admin" });
    expect(me.body.scope).toEqual({ kind: "unit", unitId: me.body.user.unitId });
    expect(me.body.permissions).toContain("rectification.submit");
    expect(me.body.user).not.toHaveProperty("passwordHash");
  });

  it("signs in with a mobile number too", async () => {
    const admin = await ctx().as("admin");
    const created = await admin.request("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        username: "mobile_user",
        displayName: "手机登录",
        mobile: "13900000001",
        role: "leader",
        password: "first-pass-1",
      }),
    });
    expect(created.status).toBe(201);
    const answer = await ctx().anonymous.request(
      "/api/auth/login",
      login("13900000001", "first-pass-1"),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.user.username).toBe("mobile_user");
  });

  it("refuses a wrong password and an unknown user with the same 401 message", async () => {
    const wrong = await ctx().anonymous.request(
      "/api/auth/login",
      login("coordinator", "nope-nope"),
    );
    const unknown = await ctx().anonymous.request(
      "/api/auth/login",
      login("nobody-here", "nope-nope"),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe("bad_credentials");
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    expect(wrong.body.error.message).toContain("密码不正确");
  });

  it("names a missing field", async () => {
    const answer = await ctx().anonymous.request("/api/auth/login", login("", ""));
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toEqual(["username", "password"]);
  });

  it("refuses every request without a session, except health, config and docs", async () => {
    for (const path of [
      "/api/grids",
      "/api/problems/1",
      "/api/users",
      "/api/audit",
      "/api/auth/me",
    ]) {
      const answer = await ctx().anonymous.request(path);
      expect(answer.status, path).toBe(401);
      expect(answer.body.error.code).toBe("not_signed_in");
    }
    for (const path of ["/api/health", "/api/config", "/api/openapi.json"]) {
      expect((await ctx().anonymous.request(path)).status, path).toBe(200);
    }
    const forged = clientFor(ctx().app, "civgrid_session=forged-token-value");
    expect((await forged.request("/api/grids")).status).toBe(401);
  });

  it("signs out: the session is revoked on the server", async () => {
    const leader = await signIn(ctx().app, "leader");
    expect((await leader.request("/api/grids")).status).toBe(200);
    expect((await leader.request("/api/auth/logout", { method: "POST" })).status).toBe(204);
    const after = await leader.request("/api/grids");
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("session_expired");
  });

  it("refuses an expired session with a clear 401", async () => {
    const inspector = await signIn(ctx().app, "inspector");
    await ctx().db.orm.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 minute'
      WHERE user_id = (SELECT id FROM users WHERE username = 'inspector')`);
    const answer = await inspector.request("/api/grids");
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toContain("登录已过期");
  });

  it("slows down guessing: the sixth wrong password in a row answers 429 with Retry-After", async () => {
    const name = `guess-${ctx().db.engine}`;
    for (let i = 0; i < 5; i++) {
      expect((await ctx().anonymous.request("/api/auth/login", login(name, "wrong"))).status).toBe(
        401,
      );
    }
    const sixth = await ctx().anonymous.request("/api/auth/login", login(name, "wrong"));
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(sixth.body.error.message).toMatch(/\d+ 秒/);
  });

  it("changes one's own password: other sessions end, this one goes on, the new password works", async () => {
    const admin = await ctx().as("admin");
    await admin.request("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        username: "changer",
        displayName: "改密码",
        role: "inspector",
        password: "initial-pass",
      }),
    });
    const first = await signIn(ctx().app, "changer", "initial-pass");
    const blocked = await first.request("/api/grids");
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe("password_change_required");
    const second = await signIn(ctx().app, "changer", "initial-pass");
    const change = (currentPassword: string, newPassword: string) =>
      first.request("/api/auth/password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ currentPassword, newPassword }),
      });
    const wrong = await change("not-it", "another-pass-1");
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBe("当前密码不正确");
    const short = await change("initial-pass", "short");
    expect(short.body.error.fields.newPassword).toContain("12");
    expect((await change("initial-pass", "another-pass-1")).status).toBe(204);
    expect((await first.request("/api/grids")).status).toBe(200);
    expect((await second.request("/api/grids")).status).toBe(401);
    await signIn(ctx().app, "changer", "another-pass-1");
  });

  it("refuses a disabled account at sign-in and ends its sessions", async () => {
    const admin = await ctx().as("admin");
    await admin.request("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        username: "leaving",
        displayName: "将停用",
        role: "leader",
        password: "leaving-pass",
      }),
    });
    const [row] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT id FROM users WHERE username = 'leaving'`,
    );
    await ctx().db.orm.execute(
      sql`UPDATE users SET must_change_password = false WHERE id = ${row!.id}`,
    );
    const session = await signIn(ctx().app, "leaving", "leaving-pass");
    const disabled = await admin.request(`/api/users/${row!.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.body.disabled).toBe(true);
    expect((await session.request("/api/grids")).status).toBe(401);
    const again = await ctx().anonymous.request(
      "/api/auth/login",
      login("leaving", "leaving-pass"),
    );
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("account_disabled");
    expect(again.body.error.message).toContain("停用");
  });

  it("stores passwords as argon2id hashes, never in clear", async () => {
    const hashes = await selectRows<{ h: string }>(
      ctx().db.orm,
      sql`SELECT password_hash AS h FROM users`,
    );
    for (const { h } of hashes) {
      expect(h).toMatch(/^\$argon2id\$/);
      expect(h).not.toContain("civgrid-demo");
    }
  });
});

describeEachEngine("request hygiene", (ctx) => {
  it("sends security headers", async () => {
    const answer = await ctx().anonymous.request("/api/health");
    expect(answer.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(answer.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a request body over the size limit with 413", async () => {
    const answer = await ctx().anonymous.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "x".repeat(2 * 1024 * 1024), password: "y" }),
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe("body_too_large");
  });

  it("answers malformed JSON with a 400, not a 500", async () => {
    const answer = await ctx().anonymous.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBeTruthy();
  });
});
