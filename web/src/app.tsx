// The shell: header with the product and city name, the language switch, and the map page.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queries } from "./api/queries.ts";
import { ErrorBanner } from "./components/error-banner.tsx";
import { LanguageSwitch } from "./components/language-switch.tsx";
import { MapPage } from "./pages/coordinator/map-page.tsx";

export function App() {
  const { t } = useTranslation();
  const config = useQuery(queries.config());
  // Without the settings the map still works, just without a basemap.
  const basemapUrl = config.isError ? null : config.data?.basemapUrl;
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t("app.title")}</h1>
        {config.data && <span className="city">{config.data.city.name}</span>}
        <LanguageSwitch />
      </header>
      {config.error && (
        <ErrorBanner message={config.error.message} onRetry={() => void config.refetch()} />
      )}
      <main>
        <MapPage basemapUrl={basemapUrl} />
      </main>
    </div>
  );
}
