// A problem's rectification history, oldest first: who did what, when, and why.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { RectificationEvent } from "../api/types.ts";
import { formatDateTime } from "../format.ts";
import { statusColours } from "../map/colours.ts";

/**
 * A step's reason as a line: a request for more time ("+7") as its days, a coded reason
 * (not_fixed, duplicate…) by its label, anything else (older free-text reasons) as written.
 */
function reasonLine(reason: string, t: TFunction): string {
  const days = /^\+(\d+)$/.exec(reason)?.[1];
  if (days) return t("reason.moreDays", { days });
  const original = /^#(\d+)$/.exec(reason)?.[1];
  if (original) return t("loop.duplicateOfLine", { id: original });
  return t("problem.reasonValue", { reason: t(`reason.${reason}`, { defaultValue: reason }) });
}

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
          {(event.unitName || event.deadline) && (
            <p className="timeline-terms">
              {[
                event.unitName && t("loop.dispatchedTo", { unit: event.unitName }),
                event.deadline &&
                  t("loop.deadlineSet", { time: formatDateTime(event.deadline, i18n.language) }),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          )}
          {event.note && <p>{event.note}</p>}
          {event.reason && <p className="reason">{reasonLine(event.reason, t)}</p>}
        </li>
      ))}
    </ol>
  );
}
