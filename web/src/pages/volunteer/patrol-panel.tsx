// Start and stop a patrol, and this week's patrols in my area as a list (the map shows the walks).
import { useTranslation } from "react-i18next";
import type { Patrol } from "../../api/volunteers.ts";
import { formatDateTime } from "../../format.ts";
import type { RunningPatrol } from "./use-patrol.ts";

interface Props {
  running: RunningPatrol | null;
  busy: boolean;
  error: string | null;
  canStart: boolean;
  onStart: () => void;
  onStop: () => void;
  week: Patrol[];
}

export function PatrolPanel({ running, busy, error, canStart, onStart, onStop, week }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section className="form-card patrol-panel">
      {running ? (
        <>
          <p className="patrol-running" role="status">
            {t("volunteer.patrol.running", { points: running.points.length })}
          </p>
          <button type="button" className="primary" onClick={onStop} disabled={busy}>
            {t("volunteer.patrol.stop")}
          </button>
        </>
      ) : (
        <button type="button" className="primary" onClick={onStart} disabled={busy || !canStart}>
          {t("volunteer.patrol.start")}
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <h2>{t("volunteer.patrol.week", { count: week.length })}</h2>
      <ul className="week-patrols">
        {week.map(({ id, properties: p }) => (
          <li key={id}>
            <strong>{p.personName}</strong> {formatDateTime(p.startedAt, i18n.language)}
            <small>
              {p.endedAt
                ? t("volunteer.patrol.walked", { metres: Math.round(p.lengthM) })
                : t("volunteer.patrol.underWay")}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
