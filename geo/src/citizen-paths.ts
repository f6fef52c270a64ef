// Which addresses are the citizens' pages: the web app's shell decides by them before it loads the
// pages themselves (a chunk of their own, issue 22), and the server sends those addresses the
// build's copy of index.html that preloads that chunk (page-html.ts).

/** /report/123 → "123"; /report → null. */
export function requestIdOf(path: string): string | null {
  return /^\/report\/(\d{1,10})$/.exec(path)?.[1] ?? null;
}

export const isCitizenPath = (path: string) => path === "/report" || requestIdOf(path) !== null;
