// The public pages for citizens (市民随手拍): filing a report at /report and following it at
// /report/{id}; no account, a header of their own.
import { requestIdOf } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { configQuery } from "../../api/config-query.ts";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { Link } from "../../components/link.tsx";

import { ReportForm } from "./report-form.tsx";
import { ReportLookup, RequestStatus } from "./request-status.tsx";

export function CitizenPage({ path }: { path: string }) {
  const { t } = useTranslation();
  const config = useQuery(configQuery());
  const requestId = requestIdOf(path);
  return (
    <div className="app citizen">
      <header className="app-header">
        <h1>{t("citizen.title")}</h1>
        {config.data && <span className="city">{config.data.city.name}</span>}
        <Link to="/login" className="citizen-sign-in">
          {t("citizen.staffSignIn")}
        </Link>
        <LanguageSwitch />
      </header>
      <main>
        <div className="page citizen-page">
          {requestId ? (
            <RequestStatus id={requestId} />
          ) : (
            <>
              <ReportForm basemapUrl={config.isError ? null : config.data?.basemapUrl} />
              <section className="form-card">
                <h2>{t("citizen.lookUpHeading")}</h2>
                <ReportLookup />
              </section>
            </>
          )}
        </div>
      </main>
    </div>
  );
}
