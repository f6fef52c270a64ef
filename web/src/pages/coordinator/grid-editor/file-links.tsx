// The community's grids as files: export links, the division table, the printed map.
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { communitiesExportUrl, type ExportFormat, exportUrl } from "../../../api/grid-files.ts";

import type { GridFeature } from "../../../api/grids.ts";
import { Link } from "../../../components/link.tsx";
import type { Community } from "./mode-panel.tsx";

// The printable sheet (its layout, the PDF/PNG writers) loads when 打印 is chosen (issue 22).
const PrintDialog = lazy(() =>
  import("./print-dialog.tsx").then((m) => ({ default: m.PrintDialog })),
);

const formats: readonly ExportFormat[] = ["geojson", "kml", "csv"];

export function FileLinks({ community, grids }: { community: Community; grids: GridFeature[] }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  return (
    <section className="map-box file-links">
      <h3>{t("editor.files")}</h3>
      <p>
        {t("editor.export")}
        {formats.map((format) => (
          <a key={format} href={exportUrl(format, community.id)} download>
            {t(`editor.format_${format}`)}
          </a>
        ))}
      </p>
      <p>
        {t("editor.exportCommunities")}
        {formats.map((format) => (
          <a key={format} href={communitiesExportUrl(format)} download>
            {t(`editor.format_${format}`)}
          </a>
        ))}
      </p>
      <p>
        <Link to={`/grids/division?communityId=${community.id}`}>{t("nav.division")}</Link>
        <button
          type="button"
          className="link-button"
          disabled={grids.length === 0}
          onClick={() => setPrinting(true)}
        >
          {t("print.heading")}
        </button>
      </p>
      {printing && (
        <Suspense fallback={null}>
          <PrintDialog community={community} grids={grids} onClose={() => setPrinting(false)} />
        </Suspense>
      )}
    </section>
  );
}
