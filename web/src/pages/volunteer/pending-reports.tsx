// The outbox as the volunteer sees it: each report waiting for the network, or refused and why.
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../format.ts";
import type { QueuedReport } from "./report-queue.ts";

interface Props {
  queued: QueuedReport[];
  sending: boolean;
  onSend: () => void;
  onDiscard: (key: string) => void;
}

export function PendingReports({ queued, sending, onSend, onDiscard }: Props) {
  const { t, i18n } = useTranslation();
  if (!queued.length) return null;
  return (
    <section className="form-card pending-reports" aria-live="polite">
      <h2>{t("volunteer.pending.heading", { count: queued.length })}</h2>
      <ul>
        {queued.map((entry) => (
          <li key={entry.key} className={entry.failure ? "refused" : "pending"}>
            <span className="pending-description">{entry.report.properties.description}</span>
            <small>
              {formatDateTime(entry.createdAt, i18n.language)} ·{" "}
              {entry.failure
                ? t("volunteer.pending.refused", { reason: entry.failure })
                : t("volunteer.pending.waiting")}
            </small>
            {entry.failure && (
              <button type="button" onClick={() => onDiscard(entry.key)}>
                {t("volunteer.pending.discard")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onSend} disabled={sending}>
        {sending ? t("rectification.sending") : t("volunteer.pending.sendNow")}
      </button>
    </section>
  );
}
