// Reminders from the clock and the deployment's own channels, on both engines with real local
// receivers: channels configured only by NOTIFY_* variables deliver until the admin sets one;
// deadlines within a working day, overdue problems and their escalation (recorded in the
// problem's history), tasks due tomorrow, the week's materials due tomorrow, dedication days
// tomorrow, the unit admins' daily digest, and a citizen's own report changing status by SMS.

import { createApp, deliverDue, loadConfig, runSchedule, selectRows } from "@civgrid/api";
import { CHINA_OFFSET_MS, chinaDate } from "@civgrid/geo";
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

/** The next Thursday after today, 10:00 China time: tomorrow is Friday, the materials' deadline. */
function nextThursdayMorning(): Date {
  const today = new Date(`${chinaDate()}T10:00:00+08:00`);
  const weekday = new Date(today.getTime() + CHINA_OFFSET_MS).getUTCDay();
  const ahead = ((4 - weekday + 7) % 7) + 7 * Number(weekday === 4);
  return new Date(today.getTime() + ahead * 86_400_000);
}

interface Note {
  kind: string;
  problemId: number | null;
  taskAssignmentId: number | null;
  dedicationDayId: number | null;
  params: Record<string, string | number | null>;
}

describeEachEngine("reminders and the deployment's channels", (ctx) => {
  let receivers: Receivers;
  let coordinator: Client;
  let unitadmin: Client;
  let admin: Client;
  let place: [number, number];
  let unitAdminId: number;
  let unitId: number;
  const clock = nextThursdayMorning();
  const tomorrow = chinaDate(new Date(clock.getTime() + 86_400_000));

  const notes = async (client: Client): Promise<Note[]> =>
    (await client.request("/api/notifications?limit=100")).body.items;

  beforeAll(async () => {
    receivers = await startReceivers();
    // The deployment's variables, as main.ts reads them; the admin has set no channel.
    const config = loadConfig({
      NOTIFY_WECOM_WEBHOOK: `${receivers.base}/wecom?key=env`,
      NOTIFY_DINGTALK_WEBHOOK: `${receivers.base}/dingtalk?access_token=env`,
      NOTIFY_DINGTALK_SECRET: DINGTALK_SECRET,
      NOTIFY_SMTP_HOST: "127.0.0.1",
      NOTIFY_SMTP_PORT: String(receivers.smtpPort),
      NOTIFY_SMTP_FROM: "civgrid@example.org",
      NOTIFY_SMS_ENDPOINT: receivers.base,
      NOTIFY_SMS_ACCESS_KEY_ID: SMS_KEY.id,
      NOTIFY_SMS_ACCESS_KEY_SECRET: SMS_KEY.secret,
      NOTIFY_SMS_SIGN_NAME: "创城网格",
      NOTIFY_SMS_TEMPLATE_CODE: "SMS_0001",
    });
    createApp({
      db: ctx().db,
      cityId: ctx().cityId,
      basemapUrl: null,
      notifyChannels: config.notify.channels,
    });
    coordinator = await ctx().as("coordinator");
    unitadmin = await ctx().as("unitadmin");
    admin = await ctx().as("admin");
    ({ place, userId: unitAdminId, unitId } = await unitAdminsGrid(ctx().db.orm));
    await ctx().db.orm.execute(
      sql`UPDATE users SET mobile = '13800000002' WHERE id = ${unitAdminId}`,
    );
    await chooseChannels(unitadmin, ["email", "sms"]);
  });
  afterAll(async () => {
    // Module state: leave no deployment defaults behind for the next describe.
    createApp({ db: ctx().db, cityId: ctx().cityId, basemapUrl: null, notifyChannels: {} });
    await receivers?.stop();
  });

  const reportAndDispatch = (description: string) => reportAt(coordinator, place, description);

  it("delivers through the channels the environment names while the admin has set none", async () => {
    const shown = await admin.request("/api/admin/notification-channels");
    expect(shown.status).toBe(200);
    for (const channel of shown.body.channels) {
      expect(channel).toMatchObject({ enabled: true, source: "env" });
    }
    // The environment's secrets are not shown either.
    expect(JSON.stringify(shown.body)).not.toContain(SMS_KEY.secret);
    receivers.clear();
    await reportAndDispatch("共享单车乱停放（环境变量通道）");
    const run = await deliverDue(ctx().db, new Date(Date.now() + 1000));
    expect(run.failed + run.dead).toBe(0);
    expect(receivers.received.wecom).toHaveLength(1);
    expect(receivers.received.wecom[0]?.text.content).toContain("共享单车乱停放");
    expect(receivers.received.dingtalk).toHaveLength(1);
    expect(receivers.received.badSignatures).toBe(0);
    expect(receivers.received.mail.map((m) => m.to)).toEqual(["unit@example.org"]);
    expect(receivers.received.sms.map((s) => s.PhoneNumbers)).toEqual(["13800000002"]);
  });

  it("tells a citizen reporter by SMS when their report changes status, and nobody without a number", async () => {
    receivers.clear();
    const reported = await coordinator.request(
      "/api/problems",
      send("POST", {
        type: "Feature",
        geometry: { type: "Point", coordinates: place },
        properties: { description: "市民反映：路灯不亮" },
      }),
    );
    const id = reported.body.id as number;
    await ctx().db.orm.execute(
      sql`UPDATE problems SET source = 'citizen', reporter_phone = '13912345678', reporter_name = '王女士' WHERE id = ${id}`,
    );
    const dispatched = await coordinator.request(
      `/api/problems/${id}/transitions`,
      send("POST", { action: "dispatch", version: 1 }),
    );
    expect(dispatched.status).toBe(200);
    await deliverDue(ctx().db, new Date(Date.now() + 1000));
    const toReporter = receivers.received.sms.filter((s) => s.PhoneNumbers === "13912345678");
    expect(toReporter).toHaveLength(1);
    const content = JSON.parse(toReporter[0]!.TemplateParam).content as string;
    expect(content).toContain(`编号 ${id}`);
    expect(content).toContain("已交办责任单位处理");

    // A staff report (no reporter's number) tells no outsider.
    receivers.clear();
    await reportAndDispatch("巡查发现：井盖缺失");
    await deliverDue(ctx().db, new Date(Date.now() + 1000));
    expect(receivers.received.sms.map((s) => s.PhoneNumbers)).toEqual(["13800000002"]);
  });

  it("reminds once of deadlines within a working day, overdue problems, tasks, materials and dedication days", async () => {
    const orm = ctx().db.orm;
    const dueSoon = await reportAndDispatch("即将到期的问题");
    const overdue = await reportAndDispatch("已超期的问题");
    await orm.execute(
      sql`UPDATE problems SET deadline = ${new Date(clock.getTime() + 8 * 3_600_000).toISOString()} WHERE id = ${dueSoon}`,
    );
    await orm.execute(
      sql`UPDATE problems SET deadline = ${new Date(clock.getTime() - 2 * 86_400_000).toISOString()} WHERE id = ${overdue}`,
    );
    const [assignment] = await selectRows<{ id: number; taskId: number }>(
      orm,
      sql`SELECT a.id, a.task_id AS "taskId" FROM task_assignments a
          WHERE a.unit_id = ${unitId} AND a.status <> 'done' ORDER BY a.id LIMIT 1`,
    );
    expect(assignment).toBeDefined();
    await orm.execute(
      sql`UPDATE tasks SET deadline = ${`${tomorrow}T17:00:00+08:00`} WHERE id = ${assignment!.taskId}`,
    );
    const [volunteer] = await selectRows<{ userId: number; personId: number; gridId: number }>(
      orm,
      sql`SELECT u.id AS "userId", u.person_id AS "personId", g.id AS "gridId"
          FROM users u, grids g WHERE u.username = 'volunteer' ORDER BY g.code LIMIT 1`,
    );
    const [day] = await selectRows<{ id: number }>(
      orm,
      sql`INSERT INTO dedication_days (city_id, grid_id, held_on, title)
          VALUES (${ctx().cityId}, ${volunteer!.gridId}, ${tomorrow}, '清理楼道杂物') RETURNING id`,
    );
    await orm.execute(
      sql`INSERT INTO dedication_signups (city_id, day_id, person_id) VALUES (${ctx().cityId}, ${day!.id}, ${volunteer!.personId})`,
    );

    receivers.clear();
    const first = await runSchedule(ctx().db, clock);
    const second = await runSchedule(ctx().db, new Date(clock.getTime() + 60_000));
    expect(first).toMatchObject({
      problem_due_soon: expect.any(Number),
      problem_overdue: expect.any(Number),
      task_due_tomorrow: expect.any(Number),
      material_week_due: expect.any(Number),
      dedication_day_tomorrow: expect.any(Number),
    });
    // Nothing is said twice.
    expect(second).toEqual({});

    const mine = await notes(unitadmin);
    const about = (kind: string, match: (n: Note) => boolean) =>
      mine.filter((n) => n.kind === kind && match(n));
    expect(about("problem_due_soon", (n) => n.problemId === dueSoon)).toHaveLength(1);
    expect(about("problem_overdue", (n) => n.problemId === overdue)).toHaveLength(1);
    expect(about("problem_due_soon", (n) => n.problemId === overdue)).toHaveLength(0);
    const task = about("task_due_tomorrow", (n) => n.taskAssignmentId === assignment!.id);
    expect(task).toHaveLength(1);
    expect(task[0]!.params.deadline).toBe(`${tomorrow} 17:00`);
    const materials = about("material_week_due", () => true);
    expect(materials).toHaveLength(1);
    // The deadline in China time: Friday 18:00.
    expect(materials[0]!.params.deadline).toBe(`${tomorrow} 18:00`);

    const volunteerClient = await ctx().as("volunteer");
    const dayNotes = (await notes(volunteerClient)).filter(
      (n) => n.kind === "dedication_day_tomorrow" && n.dedicationDayId === day!.id,
    );
    expect(dayNotes).toHaveLength(1);
    expect(dayNotes[0]!.params.heldOn).toBe(tomorrow);
    // Not to a unit admin who did not sign up.
    expect(about("dedication_day_tomorrow", (n) => n.dedicationDayId === day!.id)).toHaveLength(0);

    // Through the outbound channels too, each once.
    await deliverDue(ctx().db, new Date(clock.getTime() + 120_000), 1000);
    const texts = receivers.received.wecom.map((m) => m.text.content);
    const dueSoonTexts = texts.filter(
      (t) => t.includes("整改时限将至") && t.includes("即将到期的问题"),
    );
    expect(dueSoonTexts).toHaveLength(1);
    expect(texts.filter((t) => t.includes("明天截止"))).not.toHaveLength(0);
  });

  it("records each escalation in the problem's own history, with its level", async () => {
    const [overdue] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT id FROM problems WHERE description = '已超期的问题'`,
    );
    const problem = await coordinator.request(`/api/problems/${overdue!.id}`);
    expect(problem.status).toBe(200);
    const escalations = problem.body.properties.escalations as {
      level: number;
      workingDaysOverdue: number;
      at: string;
    }[];
    expect(escalations.length).toBeGreaterThanOrEqual(1);
    expect(escalations[0]).toMatchObject({ level: 1 });
    expect(escalations[0]!.workingDaysOverdue).toBeGreaterThanOrEqual(1);
    expect(new Date(escalations[0]!.at).getTime()).toBe(clock.getTime());
    const coordinatorNotes = (await notes(coordinator)).filter(
      (n) => n.kind === "problem_escalated" && n.problemId === overdue!.id,
    );
    expect(coordinatorNotes.map((n) => n.params.level)).toEqual([1]);
    // And in the audit log, each as a sentence in China time.
    const audit = await admin.request("/api/audit?action=escalate&limit=50");
    expect(audit.status).toBe(200);
    expect(audit.body.total).toBeGreaterThanOrEqual(1);
    for (const entry of audit.body.entries as { sentence: string }[]) {
      expect(entry.sentence).toMatch(
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 系统 因超期对问题 #\d+ 升级督办$/,
      );
    }
  });

  it("sends a unit admin who chose the digest one summary a day instead of a message per event", async () => {
    await chooseChannels(unitadmin, ["email"], true);
    receivers.clear();
    await reportAndDispatch("汇总里的第一个问题");
    await reportAndDispatch("汇总里的第二个问题");
    await deliverDue(ctx().db, new Date(Date.now() + 1000));
    // The group robots still post; the person gets no message of their own.
    expect(receivers.received.wecom).toHaveLength(2);
    expect(receivers.received.mail).toHaveLength(0);
    expect(receivers.received.sms).toHaveLength(0);

    // The digest goes out from 08:00 China time.
    const hour = new Date(Date.now() + CHINA_OFFSET_MS).getUTCHours();
    const morning = new Date(Date.now() + Math.max(0, 8 - hour) * 3_600_000 + 60_000);
    const run = await runSchedule(ctx().db, morning);
    expect(run?.digest).toBe(1);
    expect((await runSchedule(ctx().db, new Date(morning.getTime() + 60_000)))?.digest).toBe(
      undefined,
    );
    const [digest] = await selectRows<{ payload: { text: string }; recipient: string }>(
      ctx().db.orm,
      sql`SELECT payload, recipient FROM deliveries WHERE kind = 'digest' AND user_id = ${unitAdminId}`,
    );
    expect(digest!.recipient).toBe("unit@example.org");
    expect(digest!.payload.text).toContain("今日汇总");
    expect(digest!.payload.text).toContain("汇总里的第一个问题");
    expect(digest!.payload.text).toContain("汇总里的第二个问题");
    await deliverDue(ctx().db, new Date(morning.getTime() + 120_000));
    expect(receivers.received.mail.map((m) => m.to)).toEqual(["unit@example.org"]);
  });

  it("uses the admin's setting over the environment's once there is one", async () => {
    const off = await admin.request(
      "/api/admin/notification-channels",
      send("PUT", {
        channels: [
          { channel: "wecom", enabled: false, config: { webhook: `${receivers.base}/wecom` } },
        ],
      }),
    );
    expect(off.status).toBe(200);
    const shown = await admin.request("/api/admin/notification-channels");
    const bySource = Object.fromEntries(
      shown.body.channels.map((c: { channel: string; source: string; enabled: boolean }) => [
        c.channel,
        [c.source, c.enabled],
      ]),
    );
    expect(bySource.wecom).toEqual(["admin", false]);
    expect(bySource.dingtalk).toEqual(["env", true]);
    receivers.clear();
    await reportAndDispatch("管理员关闭企业微信之后");
    await deliverDue(ctx().db, new Date(Date.now() + 1000));
    expect(receivers.received.wecom).toHaveLength(0);
    expect(receivers.received.dingtalk).toHaveLength(1);
  });
});
