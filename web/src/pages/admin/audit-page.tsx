// The audit log (admins): one sentence per entry, newest first, e.g. "2026-12-03 10:15 创城办 张三
// 将问题 #42 派发给 中心人民医院"; filtered by who, what and when; a row opens to before/after.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditFilters, auditChoicesQuery, auditQuery } from "../../api/audit.ts";
import { errorText } from "../../api/client.ts";
import { DateRange } from "../../components/date-range.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { FilterSelect } from "../../components/filter-select.tsx";
import { PageHead } from "../../components/page-head.tsx";
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
      <PageHead heading={t("audit.heading")} />
      <div className="filters">
        <FilterSelect
          label={t("audit.user")}
          value={filters.userId}
          all={t("audit.everyone")}
          options={(choices.data?.users ?? []).map((user) => ({
            value: user.id,
            label: `${t(`role.${user.role}`)} ${user.name}`,
          }))}
          onChange={(value) => filter({ userId: Number(value) || undefined })}
        />
        <FilterSelect
          label={t("audit.action")}
          value={filters.action}
          all={t("audit.everything")}
          options={(choices.data?.actions ?? []).map((choice) => ({
            value: choice.action,
            label: choice.label,
          }))}
          onChange={(action) => filter({ action })}
        />
        <DateRange
          labels={[t("audit.from"), t("audit.to")]}
          from={filters.from ?? ""}
          to={filters.to ?? ""}
          onChange={filter}
        />
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
