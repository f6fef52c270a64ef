// i18next set-up: Chinese first, English second; the choice is remembered in localStorage.
import i18n from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { initReactI18next } from "react-i18next";
import zhCN from "./locales/zh-CN.json" with { type: "json" };

export const languages = ["zh-CN", "en"] as const;
export type Language = (typeof languages)[number];

const storageKey = "civgrid.language";

function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

function rememberedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(stored) ? stored : "zh-CN";
  } catch {
    return "zh-CN"; // storage can be blocked (private mode); Chinese is the default anyway
  }
}

i18n.on("languageChanged", (language) => {
  if (typeof document !== "undefined") document.documentElement.lang = language;
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // not remembered: the switch still works for this visit
  }
});

// Chinese, the default, comes with the page; English is fetched when chosen (issue 22: what a page
// needs before its first paint), and the page waits for it (react-i18next suspends meanwhile).
void i18n
  .use(initReactI18next)
  .use(resourcesToBackend((language: string) => import(`./locales/${language}.json`)))
  .init({
    resources: { "zh-CN": { translation: zhCN } },
    partialBundledLanguages: true,
    lng: rememberedLanguage(),
    fallbackLng: "zh-CN",
    supportedLngs: [...languages],
    // CivGrid's one catalogue format (geo/src/catalogue.ts) writes placeholders in single braces.
    // React escapes already.
    interpolation: { escapeValue: false, prefix: "{", suffix: "}" },
  });

export default i18n;
