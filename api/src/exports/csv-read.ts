// Reading CSV a record at a time from a file of any size: RFC 4180 quoting (a quoted field may
// hold commas, quotes and line breaks), a UTF-8 BOM dropped, and the ' that our own exports put
// before a formula-like cell taken off again, so an exported ledger reads back as it was.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export interface CsvRecord {
  /** 1-based line number where the record starts, as a spreadsheet numbers rows. */
  line: number;
  cells: string[];
}

/** Splits one record; `open` is true when a quoted field runs on past the end of `text`. */
function split(text: string): { cells: string[]; open: boolean } {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return { cells: cells.map(unguard), open: quoted };
}

const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

export async function* readCsv(path: string): AsyncGenerator<CsvRecord> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let pending = "";
  let start = 0;
  let number = 0;
  for await (const raw of lines) {
    number++;
    const line = number === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    const text = pending ? `${pending}\n${line}` : line;
    if (!pending) start = number;
    const { cells, open } = split(text);
    if (open) {
      pending = text;
      continue;
    }
    pending = "";
    if (cells.length === 1 && cells[0]?.trim() === "") continue;
    yield { line: start, cells };
  }
  if (pending) yield { line: start, cells: split(`${pending}"`).cells };
}
