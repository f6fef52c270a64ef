// A problem's rectification history, oldest first: who did what, when, and why, with each
// escalation (督办) the clock made where it happened.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ProblemEscalation, RectificationEvent } from "../api/types.ts";
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

type Entry =
  | { at: string; event: RectificationEvent }
  | { at: string; escalation: ProblemEscalation };

export function StatusTimeline({
  events,
  escalations = [],
}: {
  events: readonly RectificationEvent[];
  escalations?: readonly ProblemEscalation[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const steps: Entry[] = [...events]
    .sort((a, b) => a.seq - b.seq)
    .map((event) => ({ at: event.at, event }));
  // Each escalation after the steps taken before it (a stable sort keeps the steps' own order).
  const entries = [
    ...steps,
    ...escalations.map((escalation) => ({ at: escalation.at, escalation })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <ol className="timeline">
      {entries.map((entry) =>
        "escalation" in entry ? (
          <li
            key={`escalation-${entry.escalation.level}-${entry.at}`}
            className="timeline-escalation"
          >
            <div className="timeline-head">
              <strong>
                {t("notifications.escalationLevel", { level: entry.escalation.level })}
              </strong>
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
            </div>
            <p>
              {t("notifications.escalationOverdue", {
                count: entry.escalation.workingDaysOverdue,
              })}
            </p>
          </li>
        ) : (
          <StepEntry key={entry.event.seq} event={entry.event} />
        ),
      )}
    </ol>
  );
}

function StepEntry({ event }: { event: RectificationEvent }) {
  const { t, i18n } = useTranslation();
  return (
    <li style={{ borderColor: event.toStatus ? statusColours[event.toStatus] : undefined }}>
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
  );
}
