// Which addresses are the citizens' pages: the web app's shell decides by them before it loads the
// pages themselves (a chunk of their own, issue 22), and the server sends those addresses the
// build's copy of index.html that preloads that chunk (CITIZEN_PAGE_HTML).

/** /report/123 → "123"; /report → null. */
export function requestIdOf(path: string): string | null {
  return /^\/report\/(\d{1,10})$/.exec(path)?.[1] ?? null;
}

export const isCitizenPath = (path: string) => path === "/report" || requestIdOf(path) !== null;

/**
 * The build's index.html with the citizen page's chunk preloaded (web/build/page-preload-plugin.ts):
 * served at the citizens' addresses, so a phone fetches that chunk beside the shell's script
 * instead of after it has run (issue 22: /report's Lighthouse score).
 */
export const CITIZEN_PAGE_HTML = "report.html";
