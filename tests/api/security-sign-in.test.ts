// Security (issue 16): sign-in throttling counted in the database before the password is checked,
// TRUST_PROXY, passwords, tokens after a password change, the last administrator, audit of failed
// sign-ins.
import { createApp, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { clientFor, describeEachEngine, signIn } from "./engines.ts";

type App = ReturnType<typeof createApp>;

/** A request as if it came over a socket from `peer` (what @hono/node-server gives the app). */
const from = (app: App, peer: string, path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== "GET") headers.set("origin", "http://localhost");
  return app.request(path, { ...init, headers }, { incoming: { socket: { remoteAddress: peer } } });
};

const login = (
  app: App,
  peer: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
) =>
  from(app, peer, "/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ username, password }),
  });

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describeEachEngine("security: signing in", (ctx) => {
  let app: App;
  beforeAll(() => {
    // Behind a reverse proxy on 10.0.0.2, as deployments run.
    app = createApp({
      db: ctx().db,
      cityId: ctx().cityId,
      basemapUrl: null,
      trustProxy: ["10.0.0.2"],
    });
  });
  const failedChecks = async (username: string) =>
    (
      await selectRows<{ n: number }>(
        ctx().db.orm,
        sql`SELECT count(*)::int AS n FROM audit_log
            WHERE action = 'login_failed' AND after->>'username' = ${username}`,
      )
    )[0]?.n;

  it("checks at most 5 of 30 concurrent wrong passwords for one account; the rest wait (429)", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => login(app, "192.0.2.10", "inspector", "wrong-password-1")),
    );
    const statuses = answers.map((a) => a.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBe(30 - checked);
    // Every checked password is in the audit log, and only those.
    expect(await failedChecks("inspector")).toBe(checked);
    const slowed = answers.find((a) => a.status === 429);
    expect(Number(slowed?.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("keeps the count in the database: another app process on the same database sees it", async () => {
    const other = createApp({ db: ctx().db, cityId: ctx().cityId, basemapUrl: null });
    const answer = await login(other, "192.0.2.11", "inspector", "wrong-password-2");
    expect(answer.status).toBe(429);
  });

  it("lets the real user in from their known device while their account is being guessed", async () => {
    const first = await login(app, "192.0.2.20", "unitadmin", "civgrid-demo");
    expect(first.status).toBe(200);
    const device = first.headers
      .getSetCookie()
      .find((c) => c.startsWith("civgrid_device="))
      ?.split(";")[0];
    expect(device).toBeTruthy();
    for (let i = 0; i < 8; i++) await login(app, "192.0.2.66", "unitadmin", `guess-number-${i}`);
    // Anyone else, even with the right password, now waits…
    expect((await login(app, "192.0.2.67", "unitadmin", "civgrid-demo")).status).toBe(429);
    // …but the user's own browser is let through.
    const again = await login(app, "192.0.2.21", "unitadmin", "civgrid-demo", {
      cookie: device as string,
    });
    expect(again.status).toBe(200);
  });

  it("slows down one address spraying a guess over many names", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await login(app, "192.0.2.30", `nobody${i}`, "summer-2024-pass")).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // Another address is not held up by it.
    expect((await login(app, "192.0.2.31", "nobody99", "summer-2024-pass")).status).toBe(401);
  });

  it("does not let a made-up session cookie skip the public limit", async () => {
    // The public limit is kept in memory, per process: each engine's run uses its own address.
    const peer = ctx().db.engine === "pglite" ? "192.0.2.40" : "192.0.2.41";
    const statuses = new Set<number>();
    for (let i = 0; i < 130; i++) {
      const answer = await from(app, peer, "/api/config", {
        headers: { cookie: "civgrid_session=made-up-token" },
      });
      statuses.add(answer.status);
    }
    expect([...statuses].sort()).toEqual([200, 429]);
  });

  it("believes X-Forwarded-For/-Proto only from TRUST_PROXY: Secure __Host- cookie over https", async () => {
    const proxied = await login(app, "10.0.0.2", "leader", "civgrid-demo", {
      "x-forwarded-for": "198.51.100.5",
      "x-forwarded-proto": "https",
    });
    expect(proxied.status).toBe(200);
    const session = proxied.headers.getSetCookie().find((c) => c.includes("civgrid_session="));
    expect(session).toMatch(/^__Host-civgrid_session=[\w-]{40,};/);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; Path=\//);
    const me = await from(app, "10.0.0.2", "/api/auth/me", {
      headers: { cookie: cookiesOf(proxied), "x-forwarded-proto": "https" },
    });
    expect(me.status).toBe(200);
    // The same headers from a peer that is not the proxy are ignored.
    const direct = await login(app, "203.0.113.9", "leader", "civgrid-demo", {
      "x-forwarded-for": "198.51.100.5",
      "x-forwarded-proto": "https",
    });
    const plain = direct.headers.getSetCookie().find((c) => c.includes("civgrid_session="));
    expect(plain).toMatch(/^civgrid_session=/);
    expect(plain).not.toMatch(/Secure/i);
  });

  it("throttles the real client behind the proxy, not the proxy's address", async () => {
    const via = (client: string, name: string) =>
      login(app, "10.0.0.2", name, "autumn-2024-pass", { "x-forwarded-for": client });
    for (let i = 0; i < 21; i++) await via("198.51.100.50", `spray${i}`);
    expect((await via("198.51.100.50", "spray99")).status).toBe(429);
    // Another client behind the same proxy is still checked.
    expect((await via("198.51.100.51", "spray98")).status).toBe(401);
    // A client that is not the proxy cannot pretend to be another address.
    for (let i = 0; i < 21; i++)
      await login(app, "203.0.113.20", `fake${i}`, "autumn-2024-pass", {
        "x-forwarded-for": `198.51.100.${100 + i}`,
      });
    expect(
      (
        await login(app, "203.0.113.20", "fake99", "autumn-2024-pass", {
          "x-forwarded-for": "198.51.100.200",
        })
      ).status,
    ).toBe(429);
  });

  it("records failed sign-ins in the audit log", async () => {
    await login(app, "192.0.2.50", "coordinator", "not-the-password");
    const admin = await signIn(app, "admin");
    const audit = await admin.request("/api/audit?limit=50");
    expect(audit.status).toBe(200);
    const failed = audit.body.entries.find(
      (e: { action: string; after: { username?: string } }) =>
        e.action === "login_failed" && e.after?.username === "coordinator",
    );
    expect(failed).toBeTruthy();
    expect(JSON.stringify(failed)).not.toContain("not-the-password");
  });
});

describeEachEngine("security: accounts", (ctx) => {
  const post = (body: unknown) => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const patch = (body: unknown) => ({ ...post(body), method: "PATCH" });

  it("refuses a short or common password with a message saying why; demo passwords still sign in", async () => {
    const admin = await ctx().as("admin");
    const account = (password: string) =>
      admin.request(
        "/api/users",
        post({ username: "weak.one", displayName: "弱密码", role: "leader", password }),
      );
    const short = await account("12345678");
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password).toBe("密码至少 12 位");
    const common = await account("1qaz2wsx3edc");
    expect(common.status).toBe(400);
    expect(common.body.error.fields.password).toContain("最常见的密码");
    const english = await admin.request("/api/users", {
      ...post({
        username: "weak.one",
        displayName: "弱密码",
        role: "leader",
        password: "qwerty123456",
      }),
      headers: { "content-type": "application/json", "accept-language": "en" },
    });
    expect(english.body.error.fields.password).toContain("most used passwords");
    expect((await account("three plain words")).status).toBe(201);
    // The demo password is shorter, but existing passwords are not judged at sign-in.
    await signIn(ctx().app, "leader");
  });

  it("ends personal access tokens when their owner's password changes", async () => {
    const admin = await ctx().as("admin");
    await admin.request(
      "/api/users",
      post({
        username: "token.owner",
        displayName: "令牌",
        role: "inspector",
        password: "first-long-pass",
      }),
    );
    const owner = await signIn(ctx().app, "token.owner", "first-long-pass");
    const change = (currentPassword: string, newPassword: string) =>
      owner.request("/api/auth/password", post({ currentPassword, newPassword }));
    expect((await change("first-long-pass", "second-long-pass")).status).toBe(204);
    const token = (await owner.request("/api/tokens", post({ name: "QGIS" }))).body.token;
    const bearer = { headers: { authorization: `Bearer ${token}` } };
    expect((await clientFor(ctx().app).request("/api/grids", bearer)).status).toBe(200);
    expect((await change("second-long-pass", "third-long-pass")).status).toBe(204);
    expect((await clientFor(ctx().app).request("/api/grids", bearer)).status).toBe(401);
    const listed = await owner.request("/api/tokens");
    expect(listed.body.tokens[0].revokedAt).not.toBeNull();
  });

  it("refuses to demote or disable the last active administrator (409)", async () => {
    const admin = await ctx().as("admin");
    const [me] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT id FROM users WHERE username = 'admin'`,
    );
    const demote = await admin.request(`/api/users/${me?.id}`, patch({ role: "coordinator" }));
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toContain("最后一个");
    // With a second administrator, the first may step down.
    const second = await admin.request(
      "/api/users",
      post({
        username: "admin.two",
        displayName: "管理员二",
        role: "admin",
        password: "second-admin-pass",
      }),
    );
    expect(second.status).toBe(201);
    const other = await admin.request(`/api/users/${second.body.id}`, patch({ disabled: true }));
    expect(other.status).toBe(200);
    // Disabled, it no longer counts: the first is again the last one.
    expect((await admin.request(`/api/users/${me?.id}`, patch({ role: "leader" }))).status).toBe(
      409,
    );
    const [admins] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled`,
    );
    expect(admins?.n).toBe(1);
  });
});
