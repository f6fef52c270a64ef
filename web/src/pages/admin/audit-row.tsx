// One audit entry as its sentence; when it recorded the data before and after, a button shows both.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../api/audit.ts";
import { auditChanges } from "./audit-changes.ts";

const json = (value: unknown) => (value == null ? "—" : JSON.stringify(value, null, 2));

export function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const hasData = entry.before != null || entry.after != null;
  const changes = auditChanges(entry.before, entry.after);
  return (
    <li className="audit-entry">
      <p>
        {entry.sentence}
        {hasData && (
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t("audit.hide") : t("audit.show")}
          </button>
        )}
      </p>
      {open && (
        <div className="audit-data">
          {changes.trimmed && <p>{t("audit.changedOnly")}</p>}
          <div>
            <h3>{t("audit.before")}</h3>
            <pre>{json(changes.before)}</pre>
          </div>
          <div>
            <h3>{t("audit.after")}</h3>
            <pre>{json(changes.after)}</pre>
          </div>
        </div>
      )}
    </li>
  );
}
