// The public pages for citizens (市民随手拍): filing a report at /report and following it at
// /report/{id}; no account, a header of their own.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queries } from "../../api/queries.ts";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { Link } from "../../components/link.tsx";
import { ReportForm } from "./report-form.tsx";
import { ReportLookup, RequestStatus } from "./request-status.tsx";

/** /report/123 → "123"; /report → null. */
export function requestIdOf(path: string): string | null {
  return /^\/report\/(\d{1,10})$/.exec(path)?.[1] ?? null;
}

export const isCitizenPath = (path: string) => path === "/report" || requestIdOf(path) !== null;

export function CitizenPage({ path }: { path: string }) {
  const { t } = useTranslation();
  const config = useQuery(queries.config());
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
