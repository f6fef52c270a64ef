// Start and stop a patrol, and this week's patrols in my area as a list (the map shows the walks).
import { useTranslation } from "react-i18next";
import type { Patrol } from "../../api/volunteers.ts";
import { formatDateTime } from "../../format.ts";
import { type RunningPatrol, recordedPoints } from "./use-patrol.ts";

interface Props {
  running: RunningPatrol | null;
  /** A patrol of mine left under way (the page was reloaded): continue it or end it. */
  interrupted: RunningPatrol | null;
  onResume: () => void;
  onEnd: () => void;
  busy: boolean;
  error: string | null;
  canStart: boolean;
  onStart: () => void;
  onStop: () => void;
  week: Patrol[];
}

export function PatrolPanel({
  running,
  interrupted,
  onResume,
  onEnd,
  busy,
  error,
  canStart,
  onStart,
  onStop,
  week,
}: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section className="form-card patrol-panel">
      {running ? (
        <>
          <p className="patrol-running" role="status">
            {t("volunteer.patrol.running", { points: recordedPoints(running) })}
          </p>
          <button type="button" className="primary" onClick={onStop} disabled={busy}>
            {t("volunteer.patrol.stop")}
          </button>
        </>
      ) : interrupted ? (
        <>
          <p className="patrol-interrupted" role="status">
            {t("volunteer.patrol.interrupted", {
              at: formatDateTime(interrupted.startedAt, i18n.language),
              points: recordedPoints(interrupted),
            })}
          </p>
          <div className="patrol-choice">
            <button type="button" className="primary" onClick={onResume} disabled={busy}>
              {t("volunteer.patrol.resume")}
            </button>
            <button type="button" onClick={onEnd} disabled={busy}>
              {t("volunteer.patrol.end")}
            </button>
          </div>
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
