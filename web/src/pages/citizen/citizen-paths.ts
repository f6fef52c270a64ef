// Which addresses are the citizens' pages: the app shell decides by them before it loads the
// pages themselves (they are a chunk of their own, issue 22).

/** /report/123 → "123"; /report → null. */
export function requestIdOf(path: string): string | null {
  return /^\/report\/(\d{1,10})$/.exec(path)?.[1] ?? null;
}

export const isCitizenPath = (path: string) => path === "/report" || requestIdOf(path) !== null;
