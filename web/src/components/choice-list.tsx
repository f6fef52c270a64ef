// A list of stacked map features to pick from: problems with their status, units by name.
import type { ProblemStatus } from "../api/types.ts";
import { StatusBadge } from "./status-badge.tsx";

export interface ChoiceEntry<R> {
  key: string;
  target: R;
  title: string;
  detail?: string;
  status?: ProblemStatus;
  overdue?: boolean;
}

interface Props<R> {
  entries: ReadonlyArray<ChoiceEntry<R>>;
  overdueLabel: string;
  onPick: (target: R) => void;
}

export function ChoiceList<R>({ entries, overdueLabel, onPick }: Props<R>) {
  return (
    <ul className="choice-list">
      {entries.map((entry) => (
        <li key={entry.key}>
          <button type="button" onClick={() => onPick(entry.target)}>
            <span className="choice-title">{entry.title}</span>
            <span className="choice-meta">
              {entry.status && <StatusBadge status={entry.status} />}
              {entry.overdue && <span className="overdue-tag">{overdueLabel}</span>}
              {entry.detail && <span>{entry.detail}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
