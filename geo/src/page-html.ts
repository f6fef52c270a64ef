// The build's copies of index.html that preload one page's chunk (web/build/page-preload-plugin.ts)
// and the addresses the server sends each to: there a phone fetches that page's chunk beside the
// shell's script, instead of after the shell has run and asked for it (issue 22: /report's and
// /my-area's Lighthouse scores). Every other address gets index.html itself.
import { isCitizenPath } from "./citizen-paths.ts";

/** The citizens' pages (/report, /report/123): the citizen page's chunk. */
export const CITIZEN_PAGE_HTML = "report.html";
/**
 * The volunteer's and grid leader's patrol area (/my-area): its page's chunk and its first reads,
 * which the server sends only to a user who may patrol (the reads would answer others 401 or 403).
 */
export const MY_AREA_PAGE_HTML = "my-area.html";

/** The copy of index.html the server sends at `path`, or null where it sends index.html. */
export function pageHtmlAt(path: string): string | null {
  if (isCitizenPath(path)) return CITIZEN_PAGE_HTML;
  if (path === "/my-area") return MY_AREA_PAGE_HTML;
  return null;
}
