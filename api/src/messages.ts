// What the API says to people, in Chinese first and English: one table, keyed by message code.
export type Lang = "zh-CN" | "en";

type Entry = Record<Lang, string>;

const messages = {
  "error.validation": {
    "zh-CN": "请求参数有误,请检查标出的字段。",
    en: "Some fields are not valid.",
  },
  "error.not_found": { "zh-CN": "找不到{entity} {id}。", en: "{entity} {id} was not found." },
  "error.route_not_found": { "zh-CN": "没有这个接口:{path}", en: "There is no endpoint {path}." },
  "error.internal": {
    "zh-CN": "服务器出错了,请稍后重试;如果一再出现,请联系管理员。",
    en: "Something went wrong on the server. Try again; if it keeps happening, tell your administrator.",
  },
  "error.body_too_large": { "zh-CN": "提交的内容太大。", en: "The request body is too large." },
  "field.bbox": {
    "zh-CN":
      "bbox 应为四个数字:最小经度,最小纬度,最大经度,最大纬度(经度 -180~180,纬度 -90~90,最小值不大于最大值)",
    en: "bbox must be four numbers: minLon,minLat,maxLon,maxLat (longitude -180..180, latitude -90..90, min ≤ max)",
  },
  "field.id": {
    "zh-CN": "应为正整数编号",
    en: "must be a positive whole-number id",
  },
  "field.integer": {
    "zh-CN": "应为 {min} 到 {max} 之间的整数",
    en: "must be a whole number from {min} to {max}",
  },
  "field.one_of": { "zh-CN": "应为以下之一:{values}", en: "must be one of: {values}" },
  "field.boolean": { "zh-CN": "应为 true 或 false", en: "must be true or false" },
  "field.unknown": { "zh-CN": "不认识的参数", en: "is not a known parameter" },
  "field.invalid": { "zh-CN": "取值无效", en: "is not valid" },
  "entity.grid": { "zh-CN": "网格", en: "Grid" },
  "entity.community": { "zh-CN": "社区", en: "Community" },
  "entity.unit": { "zh-CN": "单位", en: "Unit" },
  "entity.point": { "zh-CN": "点位", en: "Inspection point" },
  "entity.problem": { "zh-CN": "问题", en: "Problem" },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof messages;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

export function translate(
  key: MessageKey,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const template = messages[key][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The caller's language from Accept-Language: English only when it is preferred over Chinese. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return "zh-CN";
  for (const part of acceptLanguage.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}
