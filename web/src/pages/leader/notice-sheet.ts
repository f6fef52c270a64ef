// The notice (通报) as one printable A4-landscape sheet: title, the hotspot map as it is on screen,
// the weekly trend chart, the ranking's first rows, and who is commended or criticised.
import type { Ranking } from "../../api/rankings.ts";
import { sheetSize } from "../../map/print/print-sheet.ts";

export interface NoticeText {
  title: string;
  subtitle: string;
  columns: string[];
  commended: string;
  criticised: string;
  footer: string;
}

const font =
  '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
const ink = "#12355b";
const mapBox = { x: 60, y: 190, width: 1320, height: 940 };
const chartBox = { x: 60, y: 1160, width: 1320, height: 470 };
const tableX = 1430;
const MAX_ROWS = 18;

/** An SVG element drawn as an image (the chart on screen, with its own fonts and colours). */
export async function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  return image;
}

export function composeNotice(
  map: HTMLCanvasElement,
  chart: HTMLImageElement | null,
  ranking: Ranking,
  text: NoticeText,
): HTMLCanvasElement {
  const sheet = document.createElement("canvas");
  sheet.width = sheetSize.width;
  sheet.height = sheetSize.height;
  const pen = sheet.getContext("2d");
  if (!pen) throw new Error("no 2D canvas");
  pen.fillStyle = "#ffffff";
  pen.fillRect(0, 0, sheet.width, sheet.height);
  pen.textAlign = "center";
  pen.fillStyle = ink;
  pen.font = `bold 64px ${font}`;
  pen.fillText(text.title, sheet.width / 2, 100, sheet.width - 120);
  pen.fillStyle = "#495057";
  pen.font = `30px ${font}`;
  pen.fillText(text.subtitle, sheet.width / 2, 150);

  drawFitted(pen, map, mapBox);
  if (chart) drawFitted(pen, chart, chartBox);
  drawRanking(pen, ranking, text);

  pen.textAlign = "left";
  pen.fillStyle = "#6c757d";
  pen.font = `24px ${font}`;
  pen.fillText(text.footer, mapBox.x, sheet.height - 30);
  return sheet;
}

/** Draws the picture as large as fits the box, centred, keeping its proportions, framed. */
function drawFitted(
  pen: CanvasRenderingContext2D,
  picture: CanvasImageSource & { width: number; height: number },
  box: typeof mapBox,
) {
  const scale = Math.min(box.width / picture.width, box.height / picture.height);
  const w = picture.width * scale;
  const h = picture.height * scale;
  pen.drawImage(picture, box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h);
  pen.strokeStyle = "#adb5bd";
  pen.lineWidth = 2;
  pen.strokeRect(box.x, box.y, box.width, box.height);
}

function drawRanking(pen: CanvasRenderingContext2D, ranking: Ranking, text: NoticeText) {
  const widths = [70, 430, 110, 110, 110];
  const rowHeight = 54;
  let y = mapBox.y + 40;
  const cells = (values: string[], bold: boolean) => {
    pen.font = `${bold ? "bold " : ""}28px ${font}`;
    let x = tableX;
    values.forEach((value, i) => {
      pen.textAlign = i === 1 ? "left" : "center";
      const width = widths[i] ?? 100;
      pen.fillText(value, i === 1 ? x + 8 : x + width / 2, y, width - 12);
      x += width;
    });
    y += rowHeight;
  };
  pen.fillStyle = ink;
  cells(text.columns, true);
  for (const row of ranking.rows.slice(0, MAX_ROWS)) {
    const flagged =
      row.id === ranking.commended?.id || ranking.criticised.some((c) => c.id === row.id);
    pen.fillStyle = row.id === ranking.commended?.id ? "#c92a2a" : flagged ? "#862e9c" : "#212529";
    cells(
      [String(row.rank), row.name, String(row.pointsLost), String(row.open), String(row.overdue)],
      false,
    );
  }
  pen.textAlign = "left";
  pen.font = `bold 30px ${font}`;
  pen.fillStyle = "#c92a2a";
  pen.fillText(text.commended, tableX, chartBox.y + chartBox.height - 90, 900);
  pen.fillStyle = "#862e9c";
  pen.fillText(text.criticised, tableX, chartBox.y + chartBox.height - 30, 900);
}
