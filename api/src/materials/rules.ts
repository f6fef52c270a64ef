// Materials (资料报送): their categories, the week a material reports on, and its weekly deadline.
import type { MaterialCategory } from "@civgrid/geo";
import { addDays, mondayOf, todayInChina } from "../tasks/china-time.ts";

// The categories are geo/'s (shared with the web): see geo/src/vocabulary.ts.
export { type MaterialCategory, materialCategories } from "@civgrid/geo";

/** Folder names in the archive, as the assessors' binders are labelled. */
export const categoryNames: Record<MaterialCategory, string> = {
  activity_report: "活动报告",
  photos: "活动照片",
  responsibility_letter: "责任状",
  minutes: "会议纪要",
  other: "其他资料",
};

/**
 * A week's materials are due by Friday 18:00 (China time) of that week: the bureau compiles
 * them for the district on Friday evening ("每周向区卫生局报送").
 */
export function weekDeadline(monday: string): Date {
  return new Date(`${addDays(monday, 4)}T18:00:00+08:00`);
}

/** The Monday of the current week in China. */
export const currentWeek = (now = new Date()) => mondayOf(todayInChina(now));
