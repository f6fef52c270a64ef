// A problem's rectification history, oldest first: who did what, when, and why.
import { useTranslation } from "react-i18next";
import type { RectificationEvent } from "../api/types.ts";
import { formatDateTime } from "../format.ts";
import { statusColours } from "../map/colours.ts";

export function StatusTimeline({ events }: { events: readonly RectificationEvent[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <ol className="timeline">
      {sorted.map((event) => (
        <li
          key={event.seq}
          style={{ borderColor: event.toStatus ? statusColours[event.toStatus] : undefined }}
        >
          <div className="timeline-head">
            <strong>{t(`action.${event.action}`)}</strong>
            <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
          </div>
          <div className="timeline-meta">
            {event.actorName && <span>{event.actorName}</span>}
            {event.toStatus && (
              <span>
                {event.fromStatus ? `${t(`status.${event.fromStatus}`)} → ` : "→ "}
                {t(`status.${event.toStatus}`)}
              </span>
            )}
          </div>
          {event.note && <p>{event.note}</p>}
          {event.reason && (
            <p className="reason">{t("problem.reasonValue", { reason: event.reason })}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
