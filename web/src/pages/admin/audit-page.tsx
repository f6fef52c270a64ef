// The audit log (admins): who changed what and when, newest first, a row opens to before/after.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditQuery } from "../../api/audit.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Pager } from "../../components/pager.tsx";
import { AuditRow } from "./audit-row.tsx";

const pageSize = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const audit = useQuery(auditQuery({ limit: pageSize, offset }));
  const entries = audit.data?.entries ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <h2>{t("audit.heading")}</h2>
      </div>
      {audit.error && (
        <ErrorBanner message={audit.error.message} onRetry={() => void audit.refetch()} />
      )}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t("audit.at")}</th>
              <th>{t("audit.user")}</th>
              <th>{t("audit.action")}</th>
              <th>{t("audit.entity")}</th>
              <th>{t("audit.entityId")}</th>
              <th>
                <span className="visually-hidden">{t("audit.details")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
            {entries.length === 0 && (
              <tr>
                <td colSpan={6} className="empty">
                  {audit.isPending ? t("app.loading") : t("audit.none")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager offset={offset} limit={pageSize} total={audit.data?.total ?? 0} onChange={setOffset} />
    </div>
  );
}
