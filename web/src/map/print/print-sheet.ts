// Lays out the printed division map on one A4-landscape sheet: title and subtitle, the map with
// its grid labels (laid out so none overlap), north arrow and scale bar, the table of grids (colour
// of the lead unit, number, code, lead unit, grid leader), and a footer saying who made it and when.
import { type Box, layoutLabels } from "./label-layout.ts";
import type { MapPicture } from "./print-map.ts";
import { scaleBar, scaleDenominator } from "./scale-bar.ts";
import { blankSheet, cssFont, type Sheet, type Write, writeFrame } from "./sheet-text.ts";

export interface SheetGrid {
  code: string;
  areaM2: number;
  colour: string;
  leadUnit: string;
  leadUnitShort: string;
  /** Name and masked phone, or the words for "none". */
  leader: string;
}

export interface SheetText {
  title: string;
  subtitle: string;
  /** Column heads: number, code, lead unit, grid leader. */
  columns: readonly [string, string, string, string];
  scale: (denominator: number) => string;
  length: (metres: number) => string;
  footer: string;
}

/** A4 landscape (√2 : 1) at about 200 dpi. */
export const sheetSize = { width: 2400, height: 1697 };
/** Where the map goes on the sheet; the table takes the column to its right. */
export const mapBox = { x: 60, y: 200, width: 1440, height: 1400 };
const table = { x: 1540, width: 800 };
const ink = "#12355b";
const grey = "#495057";
const label = { code: 22, unit: 20, pad: 6 };

/** `grids` in table order (their number on the sheet is their place in it, from 1). */
export function composeSheet(map: MapPicture, grids: readonly SheetGrid[], text: SheetText): Sheet {
  const { sheet, pen, write } = blankSheet(sheetSize.width, sheetSize.height);
  writeFrame(write, sheetSize.width, text, {
    title: { y: 110, size: 72 },
    subtitle: { y: 165, size: 32 },
    footer: { x: mapBox.x, y: sheetSize.height - 45, size: 26 },
  });

  pen.drawImage(map.picture, mapBox.x, mapBox.y, mapBox.width, mapBox.height);
  const toSheet = mapBox.width / map.picture.width;
  drawLabels(
    pen,
    write,
    grids,
    map.points.map(([x, y]) => [mapBox.x + x * toSheet, mapBox.y + y * toSheet]),
  );
  pen.strokeStyle = grey;
  pen.lineWidth = 3;
  pen.strokeRect(mapBox.x, mapBox.y, mapBox.width, mapBox.height);
  drawNorthArrow(pen, write, mapBox.x + mapBox.width - 70, mapBox.y + 40);
  drawScaleBar(pen, write, map.metresPerPixel / toSheet, text);
  drawTable(pen, write, grids, text);
  return sheet;
}

function drawLabels(
  pen: CanvasRenderingContext2D,
  write: Write,
  grids: readonly SheetGrid[],
  anchors: Array<[number, number]>,
) {
  const measure = (words: string, size: number) => {
    pen.font = cssFont(size);
    return pen.measureText(words).width;
  };
  const requests = grids.map((grid, i) => ({
    anchor: anchors[i] ?? [0, 0],
    width:
      Math.max(measure(grid.code, label.code), measure(grid.leadUnitShort, label.unit)) +
      2 * label.pad,
    height: label.code + 2 * label.pad + (grid.leadUnitShort ? label.unit + label.pad : 0),
    keyWidth: Math.max(34, measure(String(i + 1), label.code) + 2 * label.pad),
    keyHeight: 34,
  }));
  // larger grids first: they keep their label where they are
  const order = grids
    .map((_, i) => i)
    .sort((a, b) => (grids[b]?.areaM2 ?? 0) - (grids[a]?.areaM2 ?? 0));
  const frame: Box = { ...mapBox };
  const placed = layoutLabels(
    order.map((i) => requests[i] as (typeof requests)[number]),
    frame,
  );
  placed.forEach((placement, k) => {
    const i = order[k] ?? 0;
    const grid = grids[i];
    if (placement.kind === "none" || !grid) return;
    const { box } = placement;
    const anchor = anchors[i] ?? [0, 0];
    if (placement.leader) {
      const to: [number, number] = [
        Math.min(Math.max(anchor[0], box.x), box.x + box.width),
        Math.min(Math.max(anchor[1], box.y), box.y + box.height),
      ];
      pen.strokeStyle = "#212529";
      pen.lineWidth = 2;
      pen.beginPath();
      pen.moveTo(anchor[0], anchor[1]);
      pen.lineTo(...to);
      pen.stroke();
      pen.fillStyle = "#212529";
      pen.beginPath();
      pen.arc(anchor[0], anchor[1], 4, 0, 2 * Math.PI);
      pen.fill();
    }
    pen.fillStyle = "rgba(255, 255, 255, 0.85)";
    pen.strokeStyle = "#343a40";
    pen.lineWidth = 1.5;
    const centre = box.x + box.width / 2;
    if (placement.kind === "key") {
      pen.beginPath();
      pen.roundRect(box.x, box.y, box.width, box.height, box.height / 2);
      pen.fill();
      pen.stroke();
      write(String(i + 1), centre, box.y + box.height / 2 + label.code * 0.36, {
        size: label.code,
        colour: "#212529",
        align: "center",
      });
      return;
    }
    pen.beginPath();
    pen.roundRect(box.x, box.y, box.width, box.height, 4);
    pen.fill();
    const codeLine = box.y + label.pad + label.code * 0.88;
    write(grid.code, centre, codeLine, { size: label.code, colour: "#212529", align: "center" });
    write(grid.leadUnitShort, centre, codeLine + label.pad + label.unit, {
      size: label.unit,
      colour: "#212529",
      align: "center",
    });
  });
}

function drawScaleBar(
  pen: CanvasRenderingContext2D,
  write: Write,
  metresPerSheetPx: number,
  text: SheetText,
) {
  const bar = scaleBar(metresPerSheetPx, 300);
  const x = mapBox.x + 30;
  const y = mapBox.y + mapBox.height - 50;
  pen.fillStyle = "rgba(255, 255, 255, 0.9)";
  pen.fillRect(x - 16, y - 88, Math.max(bar.px, 220) + 110, 120);
  pen.strokeStyle = "#212529";
  pen.lineWidth = 2;
  pen.fillStyle = "#212529";
  pen.fillRect(x, y, bar.px / 2, 14);
  pen.strokeRect(x, y, bar.px, 14);
  write("0", x, y - 10, { size: 24, colour: "#212529", align: "center" });
  write(text.length(bar.metres), x + bar.px, y - 10, {
    size: 24,
    colour: "#212529",
    align: "left",
  });
  write(text.scale(scaleDenominator(metresPerSheetPx, sheetSize.width)), x, y - 50, {
    size: 26,
    colour: "#212529",
    align: "left",
  });
}

function drawTable(
  pen: CanvasRenderingContext2D,
  write: Write,
  grids: readonly SheetGrid[],
  text: SheetText,
) {
  const widths = [44, 56, 190, 250, 260];
  const rowHeight = Math.min(52, Math.floor((mapBox.height - 64) / Math.max(grids.length, 1)));
  const size = Math.min(26, Math.round(rowHeight * 0.6));
  const cells = (values: readonly string[], y: number, style: { size: number; bold?: boolean }) => {
    let x = table.x + (widths[0] ?? 0);
    values.forEach((value, i) => {
      const width = widths[i + 1] ?? 100;
      write(value, x + 6, y, { ...style, colour: "#212529", align: "left", maxWidth: width - 12 });
      x += width;
    });
  };
  cells(text.columns, mapBox.y + 40, { size: 28, bold: true });
  pen.strokeStyle = grey;
  pen.lineWidth = 2;
  pen.beginPath();
  pen.moveTo(table.x, mapBox.y + 56);
  pen.lineTo(table.x + table.width, mapBox.y + 56);
  pen.stroke();
  grids.forEach((grid, i) => {
    const top = mapBox.y + 64 + i * rowHeight;
    pen.fillStyle = grid.colour;
    pen.fillRect(table.x, top + rowHeight * 0.15, 32, rowHeight * 0.7);
    pen.strokeStyle = grey;
    pen.lineWidth = 1.5;
    pen.strokeRect(table.x, top + rowHeight * 0.15, 32, rowHeight * 0.7);
    cells(
      [String(i + 1), grid.code, grid.leadUnit, grid.leader],
      top + rowHeight * 0.5 + size * 0.36,
      { size },
    );
  });
}

function drawNorthArrow(pen: CanvasRenderingContext2D, write: Write, x: number, y: number) {
  pen.fillStyle = ink;
  pen.beginPath();
  pen.moveTo(x, y);
  pen.lineTo(x + 22, y + 60);
  pen.lineTo(x, y + 46);
  pen.lineTo(x - 22, y + 60);
  pen.closePath();
  pen.fill();
  write("N", x, y + 96, { size: 30, colour: ink, align: "center", bold: true });
}
