// The report being written, kept in the tab's session storage as it changes: a reload (重新加载
// after a part failed to draw) or a page drawn again brings back the place, item and words. Session
// storage, not local: the draft (a position, a description) goes with the tab on a shared phone.
import { useCallback, useState } from "react";
import { emptyReport, type ReportDraft, restoreDraft } from "./report-draft.ts";

const storageKey = "civgrid.reportDraft";

function read(): ReportDraft {
  try {
    return restoreDraft(globalThis.sessionStorage?.getItem(storageKey) ?? null);
  } catch {
    return emptyReport; // storage refused (private mode): a draft in memory only
  }
}

function write(draft: ReportDraft) {
  try {
    if (draft === emptyReport) globalThis.sessionStorage?.removeItem(storageKey);
    else globalThis.sessionStorage?.setItem(storageKey, JSON.stringify(draft));
  } catch {
    // storage full or refused: the draft stays in memory
  }
}

export function useStoredDraft() {
  const [draft, setState] = useState<ReportDraft>(read);
  const setDraft = useCallback((next: ReportDraft | ((draft: ReportDraft) => ReportDraft)) => {
    setState((previous) => {
      const value = typeof next === "function" ? next(previous) : next;
      write(value);
      return value;
    });
  }, []);
  return [draft, setDraft] as const;
}
