// Notifications on both engines with real local receivers: dispatching a problem reaches the
// unit's people once per channel (WeCom, DingTalk with its signature, e-mail over SMTP, SMS),
// a rolled-back change tells nobody, a receiver that is down gets the message once it is back,
// dead deliveries can be retried, reminders from the clock never repeat, and bad settings get 400.
import { deliverDue, notify, runSchedule, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";
import {
  chooseChannels,
  reportAndDispatch as reportAt,
  send,
  unitAdminsGrid,
} from "./notification-fixtures.ts";
import {
  DINGTALK_SECRET,
  type Receivers,
  SMS_KEY,
  startReceivers,
} from "./notification-receivers.ts";

describeEachEngine("notifications", (ctx) => {
  let receivers: Receivers;
  let coordinator: Client;
  let unitadmin: Client;
  let admin: Client;
  let place: [number, number];
  let unitAdminId: number;
  /** A clock ahead of the database's, so everything queued is due. */
  const later = (seconds = 1) => new Date(Date.now() + seconds * 1000);

  const channels = (r: Receivers) => ({
    channels: [
      { channel: "wecom", enabled: true, config: { webhook: `${r.base}/wecom?key=abc` } },
      {
        channel: "dingtalk",
        enabled: true,
        config: { webhook: `${r.base}/dingtalk?access_token=t0k`, secret: DINGTALK_SECRET },
      },
      {
        channel: "email",
        enabled: true,
        config: { host: "127.0.0.1", port: r.smtpPort, secure: false, from: "civgrid@example.org" },
      },
      {
        channel: "sms",
        enabled: true,
        config: {
          provider: "aliyun",
          endpoint: r.base,
          accessKeyId: SMS_KEY.id,
          accessKeySecret: SMS_KEY.secret,
          signName: "创城网格",
          templateCode: "SMS_0001",
        },
      },
    ],
  });

  beforeAll(async () => {
    receivers = await startReceivers();
    coordinator = await ctx().as("coordinator");
    unitadmin = await ctx().as("unitadmin");
    admin = await ctx().as("admin");
    const orm = ctx().db.orm;
    const grid = await unitAdminsGrid(orm);
    place = grid.place;
    unitAdminId = grid.userId;
    await orm.execute(sql`UPDATE users SET mobile = '13800000001' WHERE id = ${unitAdminId}`);
    const saved = await admin.request(
      "/api/admin/notification-channels",
      send("PUT", channels(receivers)),
    );
    expect(saved.status).toBe(200);
    // Secrets never come back in a read.
    expect(JSON.stringify(saved.body)).not.toContain(DINGTALK_SECRET);
    expect(JSON.stringify(saved.body)).not.toContain(SMS_KEY.secret);
    await chooseChannels(unitadmin, ["email", "sms"]);
  });
  afterAll(async () => {
    await receivers?.stop();
  });

  const reportAndDispatch = () => reportAt(coordinator, place, "楼道堆放杂物");

  it("delivers one message per channel to the unit's people when a problem is dispatched", async () => {
    receivers.clear();
    const before = (await unitadmin.request("/api/notifications?unread=true")).body
      .unread as number;
    const id = await reportAndDispatch();
    const run = await deliverDue(ctx().db, later());
    expect(run.failed + run.dead).toBe(0);
    expect(receivers.received.wecom).toHaveLength(1);
    expect(receivers.received.wecom[0]?.text.content).toContain("楼道堆放杂物");
    expect(receivers.received.wecom[0]?.text.mentioned_mobile_list).toContain("13800000001");
    expect(receivers.received.dingtalk).toHaveLength(1);
    expect(receivers.received.badSignatures).toBe(0);
    expect(receivers.received.mail.map((m) => m.to)).toEqual(["unit@example.org"]);
    expect(receivers.received.sms.map((s) => s.PhoneNumbers)).toEqual(["13800000001"]);
    // Nothing is sent twice.
    expect((await deliverDue(ctx().db, later(3600))).sent).toBe(0);
    expect(receivers.received.wecom).toHaveLength(1);

    const mine = await unitadmin.request("/api/notifications?unread=true");
    expect(mine.status).toBe(200);
    expect(mine.body.unread).toBe(before + 1);
    expect(mine.body.items[0]).toMatchObject({
      kind: "problem_dispatched",
      problemId: id,
      readAt: null,
    });
    // The coordinator who dispatched is not told of their own act.
    const theirs = await coordinator.request("/api/notifications");
    expect(theirs.body.items.some((n: { problemId: number }) => n.problemId === id)).toBe(false);

    const read = await unitadmin.request(
      "/api/notifications/read",
      send("POST", { ids: [mine.body.items[0].id] }),
    );
    expect(read.body).toEqual({ marked: 1, unread: before });
    const all = await unitadmin.request("/api/notifications/read", send("POST", { all: true }));
    expect(all.body.unread).toBe(0);
  });

  it("tells nobody of a change that is rolled back", async () => {
    receivers.clear();
    const [problem] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT max(id) AS id FROM problems`,
    );
    const count = async () =>
      (
        await selectRows<{ n: number }>(
          ctx().db.orm,
          sql`SELECT (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM notifications) AS n`,
        )
      )[0]?.n;
    const before = Number(await count());
    await expect(
      ctx().db.orm.transaction(async (tx) => {
        await notify(tx, {
          cityId: ctx().cityId,
          kind: "problem_dispatched",
          problemId: problem!.id,
        });
        throw new Error("the dispatch failed after notifying");
      }),
    ).rejects.toThrow("the dispatch failed");
    expect(Number(await count())).toBe(before);
    await deliverDue(ctx().db, later());
    expect(receivers.received.wecom).toHaveLength(0);
    expect(receivers.received.mail).toHaveLength(0);
  });

  it("gets the message to a receiver that was down once it is back, and dead-letters after six failures", async () => {
    receivers.clear();
    receivers.state.down = true;
    await reportAndDispatch();
    const first = await deliverDue(ctx().db, later());
    expect(first.sent).toBe(0);
    expect(first.failed).toBe(4);
    const pending = await admin.request("/api/admin/deliveries?status=pending");
    expect(pending.body.items[0]).toMatchObject({ attempts: 1 });
    expect(pending.body.items.map((d: { lastError: string }) => d.lastError).join()).toMatch(
      /HTTP 500|mailbox unavailable/,
    );
    // Back-off: not retried before its time.
    expect((await deliverDue(ctx().db, later(5))).failed).toBe(0);
    receivers.state.down = false;
    const second = await deliverDue(ctx().db, later(40));
    expect(second.sent).toBe(4);
    expect(receivers.received.wecom).toHaveLength(1);
    expect(receivers.received.dingtalk).toHaveLength(1);
    expect(receivers.received.mail).toHaveLength(1);
    expect(receivers.received.sms).toHaveLength(1);

    receivers.clear();
    receivers.state.down = true;
    await reportAndDispatch();
    let clock = Date.now();
    for (let attempt = 0; attempt < 6; attempt++) {
      clock += 2 * 3_600_000;
      await deliverDue(ctx().db, new Date(clock));
    }
    const dead = await admin.request("/api/admin/deliveries?status=dead");
    expect(
      dead.body.items.filter((d: { kind: string }) => d.kind === "problem_dispatched").length,
    ).toBeGreaterThanOrEqual(4);
    expect(dead.body.items[0]).toMatchObject({ attempts: 6 });
    receivers.state.down = false;
    const retried = await admin.request(
      `/api/admin/deliveries/${dead.body.items[0].id}/retry`,
      send("POST", {}),
    );
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe("pending");
    expect((await deliverDue(ctx().db, later())).sent).toBe(1);
    const again = await admin.request(
      `/api/admin/deliveries/${dead.body.items[0].id}/retry`,
      send("POST", {}),
    );
    expect(again.status).toBe(409);
  });

  it("sends 催办 and task returns, and skips (and says so) a person with no mobile for SMS", async () => {
    receivers.clear();
    const [assignment] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT a.id FROM task_assignments a JOIN users u ON u.unit_id = a.unit_id AND u.username = 'unitadmin'
          WHERE a.status <> 'done' ORDER BY a.id LIMIT 1`,
    );
    expect(assignment).toBeDefined();
    const reminded = await coordinator.request(
      `/api/tasks/assignments/${assignment!.id}/remind`,
      send("POST", {}),
    );
    expect(reminded.status).toBe(200);
    await deliverDue(ctx().db, later());
    expect(receivers.received.mail.map((m) => m.to)).toEqual(["unit@example.org"]);
    expect(receivers.received.wecom[0]?.text.content).toContain("催办");
    const mine = await unitadmin.request("/api/notifications?unread=true");
    expect(mine.body.items[0]).toMatchObject({
      kind: "task_reminded",
      taskAssignmentId: assignment!.id,
    });
    const skipped = await admin.request("/api/admin/deliveries?status=skipped");
    expect(skipped.status).toBe(200);
    for (const d of skipped.body.items) expect(d.lastError).toMatch(/no_mobile|no_email/);
  });

  it("reminds of overdue problems once and escalates them in the configured steps", async () => {
    const id = await reportAndDispatch();
    const orm = ctx().db.orm;
    // Its deadline was a week ago.
    await orm.execute(
      sql`UPDATE problems SET deadline = now() - interval '7 days' WHERE id = ${id}`,
    );
    const steps = await coordinator.request(
      "/api/escalation-steps",
      send("PUT", {
        steps: [
          { level: 1, afterWorkingDays: 1, targets: ["unit_head", "coordinators"] },
          { level: 2, afterWorkingDays: 3, targets: ["leaders"] },
        ],
      }),
    );
    expect(steps.status).toBe(200);
    await runSchedule(ctx().db, new Date());
    await runSchedule(ctx().db, new Date());
    const marks = await selectRows<{ kind: string; n: number }>(
      orm,
      sql`SELECT kind, count(*)::int AS n FROM notifications WHERE problem_id = ${id} GROUP BY kind ORDER BY kind`,
    );
    const byKind = Object.fromEntries(marks.map((m) => [m.kind, m.n]));
    expect(byKind.problem_overdue).toBeGreaterThanOrEqual(1);
    const overdueOnce = byKind.problem_overdue;
    await runSchedule(ctx().db, new Date());
    const [again] = await selectRows<{ n: number }>(
      orm,
      sql`SELECT count(*)::int AS n FROM notifications WHERE problem_id = ${id} AND kind = 'problem_overdue'`,
    );
    expect(again?.n).toBe(overdueOnce);
    const levels = await coordinator.request("/api/escalation-steps/levels");
    expect(
      levels.body.problems.find((p: { problemId: number }) => p.problemId === id),
    ).toMatchObject({ level: 2 });
    const leader = await ctx().as("leader");
    const leaderNews = await leader.request("/api/notifications");
    expect(
      leaderNews.body.items.some(
        (n: { kind: string; problemId: number; params: { level: number } }) =>
          n.kind === "problem_escalated" && n.problemId === id && n.params.level === 2,
      ),
    ).toBe(true);
    const coordinatorNews = await coordinator.request("/api/notifications");
    expect(
      coordinatorNews.body.items.filter(
        (n: { kind: string; problemId: number }) =>
          n.kind === "problem_escalated" && n.problemId === id,
      ),
    ).toHaveLength(1);
  });

  it("refuses bad escalation steps field by field, in the reader's language, and keeps the saved ones", async () => {
    const before = await coordinator.request("/api/escalation-steps");
    expect(before.status).toBe(200);
    const put = (steps: unknown, language = "zh-CN") =>
      coordinator.request("/api/escalation-steps", {
        ...send("PUT", { steps }),
        headers: { "content-type": "application/json", "accept-language": language },
      });
    const notIncreasing = await put([
      { level: 1, afterWorkingDays: 3, targets: ["unit_head"] },
      { level: 3, afterWorkingDays: 2, targets: ["leaders", "leaders"] },
    ]);
    expect(notIncreasing.status).toBe(400);
    expect(notIncreasing.body.error.fields).toEqual({
      "steps.1.level": "应为第 2 级（级别从 1 起连续编号）",
      "steps.1.afterWorkingDays": "应多于上一级的 3 个工作日",
      "steps.1.targets": "同一对象不能重复选择",
    });
    const english = await put([], "en");
    expect(english.status).toBe(400);
    expect(english.body.error.fields).toEqual({ steps: "set at least one escalation step" });
    const badValues = await put([
      { level: 1, afterWorkingDays: 0, targets: ["mayor"] },
      { level: 2, afterWorkingDays: 1.5, targets: [] },
    ]);
    expect(badValues.status).toBe(400);
    expect(Object.keys(badValues.body.error.fields).sort()).toEqual([
      "steps.0.afterWorkingDays",
      "steps.0.targets.0",
      "steps.1.afterWorkingDays",
      "steps.1.targets",
    ]);
    expect(badValues.body.error.fields["steps.0.afterWorkingDays"]).toBe("应为 1 到 60 之间的整数");
    const notANumber = await put([{ level: 1, afterWorkingDays: "two", targets: ["leaders"] }]);
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.error.fields["steps.0.afterWorkingDays"]).toBe(
      "应为 1 到 60 之间的整数",
    );
    const notAList = await put("1,3");
    expect(notAList.status).toBe(400);
    expect(Object.keys(notAList.body.error.fields)).toEqual(["steps"]);
    const unitAdminTries = await unitadmin.request(
      "/api/escalation-steps",
      send("PUT", { steps: [{ level: 1, afterWorkingDays: 1, targets: ["leaders"] }] }),
    );
    expect(unitAdminTries.status).toBe(403);
    // Nothing was half-written.
    expect((await coordinator.request("/api/escalation-steps")).body).toEqual(before.body);
  });

  it("documents every notification endpoint in the OpenAPI document, with response schemas", async () => {
    const doc = await ctx().anonymous.request("/api/openapi.json");
    expect(doc.status).toBe(200);
    for (const path of [
      "/api/notifications",
      "/api/notifications/read",
      "/api/notifications/stream",
      "/api/notification-settings",
      "/api/admin/notification-channels",
      "/api/admin/notification-channels/{channel}/test",
      "/api/admin/deliveries",
      "/api/admin/deliveries/{id}/retry",
      "/api/escalation-steps",
      "/api/escalation-steps/levels",
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    expect(doc.body.components.schemas.Notification.properties.kind.enum).toContain(
      "problem_dispatched",
    );
    expect(doc.body.components.schemas.Delivery.properties.status.enum).toEqual([
      "pending",
      "sent",
      "dead",
      "skipped",
    ]);
  });

  it("refuses bad settings field by field and changes nothing", async () => {
    const bad = await admin.request(
      "/api/admin/notification-channels",
      send("PUT", {
        channels: [
          { channel: "wecom", enabled: true, config: { webhook: "ftp://example.org/hook" } },
          {
            channel: "email",
            enabled: true,
            config: { host: "127.0.0.1", port: 70000, from: "x@example.org" },
          },
        ],
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual([
      "channels.0.config.webhook",
      "channels.1.config.port",
    ]);
    expect(bad.body.error.fields["channels.0.config.webhook"]).toContain("http");
    const self = await admin.request(
      "/api/admin/notification-channels",
      send("PUT", {
        channels: [
          { channel: "wecom", enabled: true, config: { webhook: "http://localhost/api/health" } },
        ],
      }),
    );
    expect(self.status).toBe(400);
    expect(self.body.error.fields["channels.0.config.webhook"]).toBe("不能指向本系统自身的地址");
    const quiet = await unitadmin.request(
      "/api/notification-settings",
      send("PUT", {
        channels: [],
        email: null,
        quietStart: "25:00",
        quietEnd: "7am",
        digest: false,
      }),
    );
    expect(quiet.status).toBe(400);
    expect(Object.keys(quiet.body.error.fields).sort()).toEqual(["quietEnd", "quietStart"]);
    receivers.state.down = true;
    const test = await admin.request(
      "/api/admin/notification-channels/wecom/test",
      send("POST", { config: { webhook: `${receivers.base}/wecom?key=new` } }),
    );
    receivers.state.down = false;
    expect(test.status).toBe(400);
    expect(test.body.error.message).toContain("HTTP 500");
    const stored = await admin.request("/api/admin/notification-channels");
    const wecom = stored.body.channels.find((c: { channel: string }) => c.channel === "wecom");
    expect(wecom.config.webhook).not.toContain("key=new");
    expect(wecom.enabled).toBe(true);
    const ok = await admin.request(
      "/api/admin/notification-channels/dingtalk/test",
      send("POST", {}),
    );
    expect(ok.status).toBe(200);
    expect((await unitadmin.request("/api/admin/deliveries")).status).toBe(403);
  });
});
