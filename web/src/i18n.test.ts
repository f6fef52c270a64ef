import { catalogueProblems, flattenResources } from "@civgrid/geo";
import { describe, expect, it } from "vitest";
import i18n from "./i18n.ts";
import en from "./locales/en.json" with { type: "json" };
import zhCN from "./locales/zh-CN.json" with { type: "json" };

describe("the web's catalogue", () => {
  it("has every key in Chinese and English with the same single-brace placeholders", () => {
    expect(
      catalogueProblems({ "zh-CN": flattenResources(zhCN), en: flattenResources(en) }),
    ).toEqual([]);
  });

  it("fills single-brace placeholders, plurals included", async () => {
    await i18n.changeLanguage("en");
    expect(i18n.t("rectification.daysOverdue", { count: 1 })).toBe("1 day late");
    expect(i18n.t("rectification.daysOverdue", { count: 3 })).toBe("3 days late");
    await i18n.changeLanguage("zh-CN");
    expect(i18n.t("basemap.keyHint", { mark: "{key}" })).toBe("地址里的 {key} 会换成这个密钥。");
  });
});
