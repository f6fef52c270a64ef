// i18next set-up: Chinese first, English second; the choice is remembered in localStorage.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./locales/en.json" with { type: "json" };
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

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: rememberedLanguage(),
  fallbackLng: "zh-CN",
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes already
});

export default i18n;
