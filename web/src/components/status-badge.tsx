// A rectification status as a coloured pill.
import { useTranslation } from "react-i18next";
import type { ProblemStatus } from "../api/types.ts";
import { statusColours } from "../map/colours.ts";

export function StatusBadge({ status }: { status: ProblemStatus }) {
  const { t } = useTranslation();
  return (
    <span className="status-badge" style={{ background: statusColours[status] }}>
      {t(`status.${status}`)}
    </span>
  );
}
