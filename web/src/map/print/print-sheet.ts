// Lays out the printed division map on one A4-landscape sheet: title and subtitle, the map,
// the legend of lead units with their colours, and a footer saying who made it and when.

export interface LegendEntry {
  colour: string;
  label: string;
}

export interface SheetText {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: readonly LegendEntry[];
  footer: string;
}

/** A4 landscape (√2 : 1) at about 200 dpi. */
export const sheetSize = { width: 2400, height: 1697 };
/** Where the map goes on the sheet; the legend takes the column to its right. */
export const mapBox = { x: 60, y: 200, width: 1780, height: 1400 };

const font =
  '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
const ink = "#12355b";

export function composeSheet(map: HTMLCanvasElement, text: SheetText): HTMLCanvasElement {
  const sheet = document.createElement("canvas");
  sheet.width = sheetSize.width;
  sheet.height = sheetSize.height;
  const pen = sheet.getContext("2d");
  if (!pen) throw new Error("no 2D canvas");
  pen.fillStyle = "#ffffff";
  pen.fillRect(0, 0, sheet.width, sheet.height);

  pen.fillStyle = ink;
  pen.textAlign = "center";
  pen.textBaseline = "alphabetic";
  pen.font = `bold 72px ${font}`;
  pen.fillText(text.title, sheet.width / 2, 110);
  pen.fillStyle = "#495057";
  pen.font = `32px ${font}`;
  pen.fillText(text.subtitle, sheet.width / 2, 165);

  pen.drawImage(map, mapBox.x, mapBox.y, mapBox.width, mapBox.height);
  pen.strokeStyle = "#495057";
  pen.lineWidth = 3;
  pen.strokeRect(mapBox.x, mapBox.y, mapBox.width, mapBox.height);
  drawNorthArrow(pen, mapBox.x + mapBox.width - 70, mapBox.y + 40);

  drawLegend(pen, text, mapBox.x + mapBox.width + 40, mapBox.y);

  pen.textAlign = "left";
  pen.fillStyle = "#6c757d";
  pen.font = `26px ${font}`;
  pen.fillText(text.footer, mapBox.x, sheet.height - 45);
  return sheet;
}

function drawLegend(pen: CanvasRenderingContext2D, text: SheetText, x: number, y: number) {
  pen.textAlign = "left";
  pen.fillStyle = ink;
  pen.font = `bold 38px ${font}`;
  pen.fillText(text.legendTitle, x, y + 40);
  pen.font = `28px ${font}`;
  text.legend.forEach((entry, index) => {
    const top = y + 80 + index * 56;
    pen.fillStyle = entry.colour;
    pen.fillRect(x, top, 44, 36);
    pen.strokeStyle = "#495057";
    pen.lineWidth = 2;
    pen.strokeRect(x, top, 44, 36);
    pen.fillStyle = "#212529";
    pen.fillText(entry.label, x + 60, top + 29, 440);
  });
}

function drawNorthArrow(pen: CanvasRenderingContext2D, x: number, y: number) {
  pen.fillStyle = ink;
  pen.beginPath();
  pen.moveTo(x, y);
  pen.lineTo(x + 22, y + 60);
  pen.lineTo(x, y + 46);
  pen.lineTo(x - 22, y + 60);
  pen.closePath();
  pen.fill();
  pen.textAlign = "center";
  pen.font = `bold 30px ${font}`;
  pen.fillText("N", x, y + 96);
}
