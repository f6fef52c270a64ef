// What CivGrid tells people (notification kinds), the channels it can tell them through, and each
// kind's wording in both languages: written once, read by the api (outbound messages) and the web
// (the bell's list).
import { fillTemplate, type Locale } from "../catalogue.ts";

export const notificationKinds = [
  "problem_dispatched",
  "problem_returned",
  "problem_sent_back",
  "problem_extension_requested",
  "problem_extension_granted",
  "problem_extension_refused",
  "problem_due_soon",
  "problem_overdue",
  "problem_escalated",
  "task_assigned",
  "task_reminded",
  "task_returned",
  "task_due_tomorrow",
  "material_returned",
  "material_week_due",
  "dedication_day_tomorrow",
  "report_status",
  "digest",
  "channel_test",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Channels besides in-app (which is always on). Group robots post once per event into a group. */
export const outboundChannels = ["wecom", "dingtalk", "email", "sms"] as const;
export type OutboundChannel = (typeof outboundChannels)[number];
export const groupChannels: readonly OutboundChannel[] = ["wecom", "dingtalk"];
/** Channels a person chooses for themselves (and quiet hours hold back). */
export const personalChannels: readonly OutboundChannel[] = ["email", "sms"];

export const deliveryStatuses = ["pending", "sent", "dead", "skipped"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Who an escalation step reaches. */
export const escalationTargets = ["unit_head", "unit_admins", "coordinators", "leaders"] as const;
export type EscalationTarget = (typeof escalationTargets)[number];

export interface EscalationStep {
  level: number;
  /** Working days past the deadline at which the step is taken. */
  afterWorkingDays: number;
  targets: EscalationTarget[];
}

/** Used until a coordinator configures steps: 1 working day late → the unit's head and the office; 3 → the leaders. */
export const defaultEscalationSteps: EscalationStep[] = [
  { level: 1, afterWorkingDays: 1, targets: ["unit_head", "coordinators"] },
  { level: 2, afterWorkingDays: 3, targets: ["leaders"] },
];

/** Delivery retries: after this many failed attempts a delivery is dead (dead-letter). */
export const MAX_DELIVERY_ATTEMPTS = 6;

/** Wait before attempt n+1 after n failures: 30 s, 1 min, 2 min … at most an hour. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
}

type Book = Record<NotificationKind, Record<Locale, string>>;

/** Templates: {placeholders} come from the notification's params. */
export const notificationTexts: Book = {
  problem_dispatched: {
    "zh-CN": "新问题交办：{description}（{grid}），请于 {deadline} 前整改",
    en: "Problem dispatched to you: {description} ({grid}); rectify by {deadline}",
  },
  problem_returned: {
    "zh-CN": "整改被退回返工：{description}，原因：{reason}",
    en: "Rectification returned for rework: {description}; reason: {reason}",
  },
  problem_sent_back: {
    "zh-CN": "{unit} 回退了问题：{description}，原因：{reason}，请重新交办",
    en: "{unit} sent a problem back: {description}; reason: {reason}; please re-dispatch",
  },
  problem_extension_requested: {
    "zh-CN": "{unit} 申请延期 {days} 天：{description}",
    en: "{unit} asks for {days} more days: {description}",
  },
  problem_extension_granted: {
    "zh-CN": "延期申请已同意：{description}，新时限 {deadline}",
    en: "Extension granted: {description}; new deadline {deadline}",
  },
  problem_extension_refused: {
    "zh-CN": "延期申请未同意：{description}，请按原时限 {deadline} 整改",
    en: "Extension refused: {description}; the deadline stays {deadline}",
  },
  problem_due_soon: {
    "zh-CN": "整改时限将至（剩 1 个工作日）：{description}，时限 {deadline}",
    en: "Due within 1 working day: {description}, deadline {deadline}",
  },
  problem_overdue: {
    "zh-CN": "问题已超期未整改：{description}，时限 {deadline}",
    en: "Overdue: {description}, deadline was {deadline}",
  },
  problem_escalated: {
    "zh-CN": "【督办{level}级】{unit} 的问题已超期 {days} 个工作日：{description}",
    en: "[Escalation level {level}] {unit}'s problem is {days} working days overdue: {description}",
  },
  task_assigned: {
    "zh-CN": "新任务：{title}，截止 {deadline}",
    en: "New task: {title}, due {deadline}",
  },
  task_reminded: {
    "zh-CN": "催办：任务「{title}」尚未完成，截止 {deadline}",
    en: "Reminder: the task “{title}” is not done yet, due {deadline}",
  },
  task_returned: {
    "zh-CN": "任务「{title}」被退回：{reason}",
    en: "The task “{title}” was returned: {reason}",
  },
  task_due_tomorrow: {
    "zh-CN": "任务「{title}」明天截止（{deadline}）",
    en: "The task “{title}” is due tomorrow ({deadline})",
  },
  material_returned: {
    "zh-CN": "报送资料「{title}」被退回：{reason}",
    en: "The material “{title}” was returned: {reason}",
  },
  material_week_due: {
    "zh-CN": "本周资料明天截止（{deadline}），{unit} 尚未报送",
    en: "This week's materials are due tomorrow ({deadline}); {unit} has submitted none",
  },
  dedication_day_tomorrow: {
    "zh-CN": "明天是网格奉献日：{grid}，{heldOn}",
    en: "Tomorrow is a grid dedication day: {grid}, {heldOn}",
  },
  report_status: {
    "zh-CN": "您反映的问题（编号 {problemId}）状态更新为：{status}",
    en: "The problem you reported (no. {problemId}) is now: {status}",
  },
  digest: {
    "zh-CN": "今日汇总：{count} 条新消息\n{lines}",
    en: "Today's digest: {count} new notifications\n{lines}",
  },
  channel_test: {
    "zh-CN": "CivGrid 创城网格测试消息：{channel} 通道配置正确",
    en: "CivGrid test message: the {channel} channel works",
  },
};

/** A notification's text in a language, its placeholders filled from params. */
export function notificationText(
  kind: NotificationKind,
  params: Record<string, string | number | null | undefined>,
  locale: Locale = "zh-CN",
): string {
  const template = notificationTexts[kind]?.[locale] ?? kind;
  return fillTemplate(template, params, "—");
}

/** Words for the coded params a notification carries (reasons, statuses), in both languages. */
export const notificationParamWords: Record<string, Record<string, Record<Locale, string>>> = {
  reason: {
    not_fixed: { "zh-CN": "未整改到位", en: "not fixed" },
    partly_fixed: { "zh-CN": "部分整改", en: "partly fixed" },
    photo_unclear: { "zh-CN": "照片不清", en: "photo unclear" },
    wrong_place: { "zh-CN": "位置不符", en: "wrong place" },
    other: { "zh-CN": "其他", en: "other" },
    not_our_grid: { "zh-CN": "不属本网格", en: "not our grid" },
    not_our_duty: { "zh-CN": "非本单位职责", en: "not our duty" },
    duplicate: { "zh-CN": "重复上报", en: "duplicate" },
  },
  status: {
    dispatched: { "zh-CN": "已交办责任单位处理", en: "passed to the responsible unit" },
    closed: { "zh-CN": "已整改完成", en: "fixed and closed" },
    ledger: { "zh-CN": "已登记，暂缓处理", en: "on record, to be handled later" },
  },
};

/** The notification's text with its coded params put into words. */
export function notificationMessage(
  kind: NotificationKind,
  params: Record<string, string | number | null | undefined>,
  locale: Locale = "zh-CN",
): string {
  const worded = { ...params };
  for (const [name, words] of Object.entries(notificationParamWords)) {
    const value = params[name];
    const word = value === null || value === undefined ? undefined : words[String(value)];
    if (word) worded[name] = word[locale];
  }
  return notificationText(kind, worded, locale);
}
