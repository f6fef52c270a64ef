// How a notification reads and where it leads: its text in the page's language (geo's wording,
// shared with the messages the api sends out), its time in China, and the page that opens it.
import { chinaDateTime, type Locale, notificationMessage } from "@civgrid/geo";
import type { Role } from "../api/auth.ts";
import type { Notification } from "./api.ts";

export const localeOf = (language: string): Locale => (language.startsWith("en") ? "en" : "zh-CN");

export const notificationWords = (n: Notification, language: string) =>
  notificationMessage(n.kind, n.params, localeOf(language));

export const notificationTime = (n: Notification) => chinaDateTime(new Date(n.createdAt));

/** The page that shows what the notification is about, for this role. */
export function notificationLink(n: Notification, role: Role): string | null {
  if (n.problemId) return `/problems/${n.problemId}`;
  if (n.taskAssignmentId) return role === "coordinator" ? "/tasks" : "/my-tasks";
  if (n.materialId || n.kind === "material_week_due") return "/materials";
  if (n.dedicationDayId) return "/my-area";
  return null;
}
