// An error the user should see, in the API's words, with a way to try again.
import { useTranslation } from "react-i18next";

interface Props {
  message: string;
  onRetry?: () => void;
}

export function ErrorBanner({ message, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <div className="error-banner" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("error.retry")}
        </button>
      )}
    </div>
  );
}

/** A query's failure, if it failed, with its retry (nothing while it has not). */
export function QueryErrorBanner({
  query,
}: {
  query: { error: Error | null; refetch: () => unknown };
}) {
  if (!query.error) return null;
  return <ErrorBanner message={query.error.message} onRetry={() => void query.refetch()} />;
}

/** A whole page while its query has no answer to show: its failure (with retry), or "loading". */
export function PageWaiting({ query }: { query: { error: Error | null; refetch: () => unknown } }) {
  const { t } = useTranslation();
  return query.error ? (
    <div className="page">
      <QueryErrorBanner query={query} />
    </div>
  ) : (
    <p className="page">{t("app.loading")}</p>
  );
}
