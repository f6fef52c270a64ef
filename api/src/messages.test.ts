import { byLocale, catalogueProblems } from "@civgrid/geo";
import { describe, expect, it } from "vitest";
import { commandLanguage, languageOf, messages, translate } from "./messages.ts";

describe("languageOf", () => {
  it("answers in Chinese unless English is preferred", () => {
    expect(languageOf(undefined)).toBe("zh-CN");
    expect(languageOf("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(languageOf("en-GB,en;q=0.9,zh;q=0.5")).toBe("en");
    expect(languageOf("fr-FR")).toBe("zh-CN");
  });
});

describe("commandLanguage", () => {
  it("takes --lang, else the shell's LC_ALL / LC_MESSAGES / LANG, and is Chinese unless English is asked for", () => {
    expect(commandLanguage([], {})).toBe("zh-CN");
    expect(commandLanguage([], { LANG: "C.UTF-8" })).toBe("zh-CN");
    expect(commandLanguage([], { LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(commandLanguage([], { LANG: "en_US.UTF-8" })).toBe("en");
    expect(commandLanguage([], { LANG: "en_US.UTF-8", LC_ALL: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(commandLanguage(["--lang=en", "x.tar.gz"], { LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(commandLanguage(["--lang=zh-CN"], { LANG: "en_US.UTF-8" })).toBe("zh-CN");
  });
});

describe("translate", () => {
  it("fills in the parameters", () => {
    expect(translate("field.integer", "en", { min: 1, max: 5 })).toBe(
      "must be a whole number from 1 to 5",
    );
    expect(translate("field.integer", "zh-CN", { min: 1, max: 5 })).toBe("应为 1 到 5 之间的整数");
  });
});

describe("the api's catalogue", () => {
  it("has every key in Chinese and English with the same placeholders", () => {
    expect(catalogueProblems(byLocale(messages))).toEqual([]);
  });
});
