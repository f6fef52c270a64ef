// What the user sees instead of a blank page when a page, or a lazily loaded part of one, fails
// to draw (a render error, or a chunk that cannot be downloaded while offline): a message in the
// reader's language with 重试 and 重新加载. Only the part inside the boundary is replaced, so the
// header and nav stay, and a page's own state (a report being written) outside it is kept.
// react-error-boundary: the well-kept class component React itself still requires for this.
import { type ReactNode, Suspense } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";
import { useTranslation } from "react-i18next";

interface Props {
  children: ReactNode;
  /** A change in any of these (the path, the open tab) clears the error and draws again. */
  resetKeys?: unknown[];
  /** A part of a page (its map, a panel) rather than the whole page: a smaller message. */
  part?: boolean;
}

export function PageErrorBoundary({ children, resetKeys, part = false }: Props) {
  return (
    <ErrorBoundary
      resetKeys={resetKeys}
      fallbackRender={(props) => <Failed {...props} part={part} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function Failed({ resetErrorBoundary, part }: FallbackProps & { part: boolean }) {
  const { t } = useTranslation();
  // offline is the likely cause of a chunk that cannot be loaded: say so rather than show a code
  const offline = typeof navigator !== "undefined" && !navigator.onLine;
  return (
    <div className={part ? "page-error page-error-part" : "page page-error"} role="alert">
      <p className="page-error-title">
        {t(part ? "errorBoundary.partTitle" : "errorBoundary.title")}
      </p>
      <p className="muted">{t(offline ? "errorBoundary.offline" : "errorBoundary.hint")}</p>
      <div className="page-error-actions">
        <button type="button" onClick={resetErrorBoundary}>
          {t("errorBoundary.retry")}
        </button>
        <button type="button" onClick={() => window.location.reload()}>
          {t("errorBoundary.reload")}
        </button>
      </div>
    </div>
  );
}

/** A lazily loaded part of a page (its map, a panel): its placeholder while loading, the message if it fails. */
export function LazyPart({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return (
    <PageErrorBoundary part>
      <Suspense fallback={fallback}>{children}</Suspense>
    </PageErrorBoundary>
  );
}
