// Exporting the notice (通报): the XLSX from the API, or the printable sheet (PNG, or PDF with a text layer) composed
// here from the map as it is, the trend chart and the ranking.
import { chinaDateTime } from "@civgrid/geo";
import type { Map as MapLibreMap } from "maplibre-gl";
import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import { noticeUrl, type Ranking } from "../../api/rankings.ts";
import { useSaving } from "../../map/print/use-saving.ts";
import { saveFile } from "../../save-file.ts";

interface Props {
  map: MapLibreMap | null;
  ranking: Ranking | undefined;
  chartRef: RefObject<HTMLDivElement | null>;
  cityName: string;
}

export function NoticeExport({ map, ranking, chartRef, cityName }: Props) {
  const { t } = useTranslation();
  const { busy, failed, run } = useSaving();
  const period = ranking?.period;
  const title = period ? t("leader.noticeTitle", { city: cityName, ...period }) : "";

  // The sheet's composing and the PNG/PDF writers load when a notice is saved (issue 22: the
  // leaders' page draws without them).
  const sheet = async () => {
    if (!map || !ranking) throw new Error(t("app.loading"));
    const { composeNotice, svgImage } = await import("./notice-sheet.ts");
    const svg = chartRef.current?.querySelector("svg");
    const name = (r: { name: string; pointsLost: number }) => `${r.name}（${r.pointsLost}）`;
    return composeNotice(map.getCanvas(), svg ? await svgImage(svg) : null, ranking, {
      title,
      subtitle: t("leader.noticeSubtitle"),
      columns: ["rank", "name", "pointsLost", "open", "overdue"].map((c) =>
        t(`rankings.column.${c}`),
      ),
      commended: t("rankings.commendedValue", {
        name: ranking.commended ? name(ranking.commended) : t("rankings.nobody"),
      }),
      criticised: t("rankings.criticisedValue", {
        names: ranking.criticised.length
          ? ranking.criticised.map(name).join(t("rankings.separator"))
          : t("rankings.nobody"),
      }),
      footer: t("leader.noticeFooter", { at: chinaDateTime(new Date()) }),
    });
  };
  const save = (kind: "png" | "pdf") =>
    run(async () => {
      const notice = await sheet();
      const { pdfOf, pngOf } = await import("../../map/print/print-files.ts");
      saveFile(
        kind === "png" ? await pngOf(notice) : await pdfOf(notice, title),
        `${title}.${kind}`,
      );
    });
  return (
    <div className="notice-export">
      <span>{t("leader.exportNotice")}</span>
      <a
        className="button-link"
        href={ranking && noticeUrl({ by: ranking.by, ...ranking.period })}
        download
      >
        Excel
      </a>
      <button type="button" disabled={busy || !ranking || !map} onClick={() => void save("pdf")}>
        PDF
      </button>
      <button type="button" disabled={busy || !ranking || !map} onClick={() => void save("png")}>
        PNG
      </button>
      {failed && <span className="field-error">{failed}</span>}
    </div>
  );
}
