// A printed sheet is its art (a canvas: map, lines, colours) and its words, kept apart so that the
// PDF carries the words as real text (selectable, searchable) and the PNG paints them in.

export interface TextRun {
  text: string;
  /** Sheet pixels; `y` is the baseline. */
  x: number;
  y: number;
  /** Font size, sheet pixels. */
  size: number;
  colour: string;
  align: "left" | "center";
  bold?: boolean;
  /** Set: the text is made smaller to fit this width. */
  maxWidth?: number;
}

export interface Sheet {
  art: HTMLCanvasElement;
  texts: TextRun[];
}

export const sheetFont =
  '"Noto Sans SC", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

export const cssFont = (size: number, bold = false) =>
  `${bold ? "bold " : ""}${size}px ${sheetFont}`;

/** Puts a word on the sheet. */
export type Write = (
  text: string,
  x: number,
  y: number,
  style: Omit<TextRun, "text" | "x" | "y">,
) => void;

/** A blank white sheet and a pen for its art. */
export function blankSheet(width: number, height: number) {
  const art = document.createElement("canvas");
  art.width = width;
  art.height = height;
  const pen = art.getContext("2d");
  if (!pen) throw new Error("no 2D canvas");
  pen.fillStyle = "#ffffff";
  pen.fillRect(0, 0, width, height);
  const texts: TextRun[] = [];
  const write: Write = (text, x, y, style) => {
    texts.push({ text, x, y, ...style });
  };
  return { sheet: { art, texts } satisfies Sheet, pen, write };
}

/** The font size at which `width` (measured at `size`) fits `maxWidth`. */
export const fittedSize = (size: number, width: number, maxWidth?: number) =>
  maxWidth && width > maxWidth ? (size * maxWidth) / width : size;

/** The sheet as one picture: the art with its words painted on (the PNG, the preview). */
export function flatten({ art, texts }: Sheet): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = art.width;
  canvas.height = art.height;
  const pen = canvas.getContext("2d");
  if (!pen) throw new Error("no 2D canvas");
  pen.drawImage(art, 0, 0);
  pen.textBaseline = "alphabetic";
  for (const run of texts) {
    pen.font = cssFont(run.size, run.bold);
    const size = fittedSize(run.size, pen.measureText(run.text).width, run.maxWidth);
    pen.font = cssFont(size, run.bold);
    pen.fillStyle = run.colour;
    pen.textAlign = run.align;
    pen.fillText(run.text, run.x, run.y);
  }
  return canvas;
}

/** The words that frame a sheet. */
export interface FrameWords {
  title: string;
  subtitle: string;
  /** Who made it and when. */
  footer: string;
}

/** Where the frame's words go (baselines, sheet pixels) and how large; each sheet has its own. */
export interface FrameLayout {
  title: { y: number; size: number; maxWidth?: number };
  subtitle: { y: number; size: number };
  footer: { x: number; y: number; size: number };
}

/** Writes a sheet's frame: title and subtitle centred at the top, the footer at the bottom left. */
export function writeFrame(write: Write, width: number, words: FrameWords, layout: FrameLayout) {
  const { y: titleY, ...title } = layout.title;
  const { y: subtitleY, ...subtitle } = layout.subtitle;
  const { x: footerX, y: footerY, ...footer } = layout.footer;
  write(words.title, width / 2, titleY, {
    colour: "#12355b",
    align: "center",
    bold: true,
    ...title,
  });
  write(words.subtitle, width / 2, subtitleY, { colour: "#495057", align: "center", ...subtitle });
  write(words.footer, footerX, footerY, { colour: "#6c757d", align: "left", ...footer });
}
