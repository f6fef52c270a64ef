// One evaluation standard (/standards/{id}): a draft is edited in place by those who may; an active
// or retired one is read, copied into a new version, or exported.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { standardQuery } from "../../api/standards.ts";
import { QueryErrorBanner } from "../../components/error-banner.tsx";
import { Link } from "../../components/link.tsx";
import { SuccessNote } from "../../components/submit-buttons.tsx";
import { StandardEditor } from "./standard-editor.tsx";
import { StandardView } from "./standard-view.tsx";
import "../../styles/standards.css";

interface Props {
  id: number;
  /** May copy, edit and activate (standards.write). */
  canWrite: boolean;
}

export function StandardPage({ id, canWrite }: Props) {
  const { t } = useTranslation();
  const standard = useQuery(standardQuery(id));
  // Said once a draft is activated, above the standard it now is.
  const [notice, setNotice] = useState<string | null>(null);
  const data = standard.data;

  return (
    <div className="page standard-page">
      <p className="back-link">
        <Link to="/standards">{t("standards.back")}</Link>
      </p>
      {notice && <SuccessNote>{notice}</SuccessNote>}
      <QueryErrorBanner query={standard} />
      {!data && standard.isPending && <p className="form-note">{t("app.loading")}</p>}
      {data &&
        (data.status === "draft" && canWrite ? (
          <StandardEditor key={data.id} standard={data} onActivated={setNotice} />
        ) : (
          <StandardView standard={data} canWrite={canWrite} />
        ))}
    </div>
  );
}
