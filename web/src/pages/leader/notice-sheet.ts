// The notice (通报) as one printable A4-landscape sheet: title, the hotspot map as it is on screen,
// the weekly trend chart, the ranking's first rows, and who is commended or criticised.
import type { Ranking } from "../../api/rankings.ts";
import { sheetSize } from "../../map/print/print-sheet.ts";
import { blankSheet, type Sheet, type Write, writeFrame } from "../../map/print/sheet-text.ts";

export interface NoticeText {
  title: string;
  subtitle: string;
  columns: string[];
  commended: string;
  criticised: string;
  footer: string;
}

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

/** The sheet: pictures as art, every word (title, table, commendation) as text. */
export function composeNotice(
  map: HTMLCanvasElement,
  chart: HTMLImageElement | null,
  ranking: Ranking,
  text: NoticeText,
): Sheet {
  const { sheet, pen, write } = blankSheet(sheetSize.width, sheetSize.height);
  writeFrame(write, sheetSize.width, text, {
    title: { y: 100, size: 64, maxWidth: sheetSize.width - 120 },
    subtitle: { y: 150, size: 30 },
    footer: { x: mapBox.x, y: sheetSize.height - 30, size: 24 },
  });

  drawFitted(pen, map, mapBox);
  if (chart) drawFitted(pen, chart, chartBox);
  writeRanking(write, ranking, text);
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

function writeRanking(write: Write, ranking: Ranking, text: NoticeText) {
  const widths = [70, 430, 110, 110, 110];
  const rowHeight = 54;
  let y = mapBox.y + 40;
  const cells = (values: string[], colour: string, bold: boolean) => {
    let x = tableX;
    values.forEach((value, i) => {
      const width = widths[i] ?? 100;
      write(value, i === 1 ? x + 8 : x + width / 2, y, {
        size: 28,
        colour,
        bold,
        align: i === 1 ? "left" : "center",
        maxWidth: width - 12,
      });
      x += width;
    });
    y += rowHeight;
  };
  cells(text.columns, ink, true);
  for (const row of ranking.rows.slice(0, MAX_ROWS)) {
    const flagged =
      row.id === ranking.commended?.id || ranking.criticised.some((c) => c.id === row.id);
    const colour = row.id === ranking.commended?.id ? "#c92a2a" : flagged ? "#862e9c" : "#212529";
    cells(
      [String(row.rank), row.name, String(row.pointsLost), String(row.open), String(row.overdue)],
      colour,
      false,
    );
  }
  const bold = { size: 30, bold: true, align: "left", maxWidth: 900 } as const;
  write(text.commended, tableX, chartBox.y + chartBox.height - 90, { ...bold, colour: "#c92a2a" });
  write(text.criticised, tableX, chartBox.y + chartBox.height - 30, {
    ...bold,
    colour: "#862e9c",
  });
}
