// The evaluation standards (测评标准, /standards): every version of every standard, and importing
// a new draft from Excel.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { standardsQuery } from "../../api/standards.ts";
import { Dialog } from "../../components/dialog.tsx";
import { QueryErrorBanner } from "../../components/error-banner.tsx";
import { Pager } from "../../components/pager.tsx";
import { StandardImport } from "./standard-import.tsx";
import { StandardsTable } from "./standards-table.tsx";
import "../../styles/standards.css";
import { PageHead } from "../../components/page-head.tsx";

const pageSize = 20;

interface Props {
  /** May import, copy, edit and activate (standards.write); everyone else only reads. */
  canWrite: boolean;
}

export function StandardsPage({ canWrite }: Props) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [importing, setImporting] = useState(false);
  const standards = useQuery(standardsQuery({ limit: pageSize, offset }));

  return (
    <div className="page">
      <PageHead heading={t("standards.heading")}>
        {canWrite && (
          <button type="button" className="primary" onClick={() => setImporting(true)}>
            {t("standards.import")}
          </button>
        )}
      </PageHead>
      {canWrite && <p className="form-note standards-intro">{t("standards.intro")}</p>}
      <QueryErrorBanner query={standards} />
      <StandardsTable standards={standards.data?.standards ?? []} loading={standards.isPending} />
      <Pager
        offset={offset}
        limit={pageSize}
        total={standards.data?.total ?? 0}
        onChange={setOffset}
      />
      {importing && (
        <Dialog heading={t("standards.import")} onClose={() => setImporting(false)}>
          <StandardImport />
        </Dialog>
      )}
    </div>
  );
}
