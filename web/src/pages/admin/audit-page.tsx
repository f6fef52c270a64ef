// The audit log (admins): one sentence per entry, newest first, e.g. "2026-12-03 10:15 创城办 张三
// 将问题 #42 派发给 中心人民医院"; filtered by who, what and when; a row opens to before/after.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditFilters, auditChoicesQuery, auditQuery } from "../../api/audit.ts";
import { errorText } from "../../api/client.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Pager } from "../../components/pager.tsx";
import { AuditRow } from "./audit-row.tsx";

const pageSize = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useQuery(auditQuery({ limit: pageSize, offset }, filters));
  const choices = useQuery(auditChoicesQuery());
  const entries = audit.data?.entries ?? [];
  const filter = (change: AuditFilters) => {
    setFilters({ ...filters, ...change });
    setOffset(0);
  };
  return (
    <div className="page">
      <div className="page-head">
        <h2>{t("audit.heading")}</h2>
      </div>
      <div className="filters">
        <select
          aria-label={t("audit.user")}
          value={filters.userId ?? ""}
          onChange={(event) => filter({ userId: Number(event.target.value) || undefined })}
        >
          <option value="">{t("audit.everyone")}</option>
          {choices.data?.users.map((user) => (
            <option key={user.id} value={user.id}>
              {t(`role.${user.role}`)} {user.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t("audit.action")}
          value={filters.action ?? ""}
          onChange={(event) => filter({ action: event.target.value || undefined })}
        >
          <option value="">{t("audit.everything")}</option>
          {choices.data?.actions.map((choice) => (
            <option key={choice.action} value={choice.action}>
              {choice.label}
            </option>
          ))}
        </select>
        <label className="check">
          {t("audit.from")}
          <input
            type="date"
            value={filters.from ?? ""}
            onChange={(event) => filter({ from: event.target.value || undefined })}
          />
        </label>
        <label className="check">
          {t("audit.to")}
          <input
            type="date"
            value={filters.to ?? ""}
            onChange={(event) => filter({ to: event.target.value || undefined })}
          />
        </label>
      </div>
      {audit.error && (
        <ErrorBanner message={errorText(audit.error)} onRetry={() => void audit.refetch()} />
      )}
      <ul className="audit-sentences">
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} />
        ))}
        {entries.length === 0 && (
          <li className="empty">{audit.isPending ? t("app.loading") : t("audit.none")}</li>
        )}
      </ul>
      <Pager offset={offset} limit={pageSize} total={audit.data?.total ?? 0} onChange={setOffset} />
    </div>
  );
}
