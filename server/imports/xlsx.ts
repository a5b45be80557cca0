import path from "node:path";
import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl from "yauzl";
import { AppError } from "@/server/errors";
import { unzipsTooLarge } from "./limits";

/**
 * A streaming reader of the first worksheet of an XLSX file, in time linear in its size.
 *
 * The zip is read through its central directory (yauzl): the uncompressed sizes it declares are
 * summed and checked against the limit before anything is inflated, and each entry is inflated as
 * a stream that stops as soon as it yields more than it declared (yauzl) or more than the limit
 * (counted here). Only the parts needed are inflated: the workbook and its relationships, the
 * shared strings, the styles (to tell dates) and the first worksheet, whose XML is parsed with a
 * SAX parser (saxes) and handed out a row at a time.
 */

/** A row of a sheet: its number as the spreadsheet shows it, the text of each cell by column (0-based; empty cells may be holes). */
export interface SheetRow {
  number: number;
  cells: string[];
}

const unreadable = (why?: { zh: string; en: string }) =>
  new AppError("INVALID", why ? { zh: `无法读取 XLSX 文件：${why.zh}`, en: `Cannot read the XLSX file: ${why.en}` } : { zh: "无法读取 XLSX 文件", en: "Cannot read the XLSX file" });
const LYING_ENTRY = { zh: "压缩包内的文件解压后超过其声明的大小", en: "an entry unpacks to more than its declared size" };

/** More entries than any workbook has: reading a directory of millions of them is work for nothing. */
const MAX_ENTRIES = 10_000;
/** Excel's last column, XFD */
const MAX_COLUMN = 16_384;

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

class Package {
  private left: number;
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limit: number,
    private readonly pace: () => Promise<void>,
  ) {
    this.left = limit;
  }

  /** Opens the zip and checks its directory: no inflating yet. */
  static async open(bytes: Uint8Array, maxUnzippedBytes: number, pace: () => Promise<void>): Promise<Package> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false,
      });
    } catch {
      throw unreadable();
    }
    if (zip.entryCount > MAX_ENTRIES) {
      zip.close();
      throw unreadable({ zh: `包含超过 ${MAX_ENTRIES} 个文件`, en: `it holds more than ${MAX_ENTRIES} entries` });
    }
    const entries = new Map<string, yauzl.Entry>();
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        declared += entry.uncompressedSize;
        if (declared > maxUnzippedBytes) throw unzipsTooLarge(maxUnzippedBytes);
        entries.set(entry.fileName.toLowerCase(), entry);
        await pace();
      }
    } catch (e) {
      zip.close();
      throw e instanceof AppError ? e : unreadable();
    }
    return new Package(zip, entries, maxUnzippedBytes, pace);
  }

  close() {
    if (this.zip.isOpen) this.zip.close();
  }

  has(part: string) {
    return this.entries.has(part.toLowerCase());
  }

  /** The text of a part as it inflates, chunk by chunk; nothing when the package has no such part. */
  async *text(part: string): AsyncGenerator<string> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) return;
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch {
      throw unreadable();
    }
    const decoder = new TextDecoder("utf-8");
    try {
      const chunks = stream[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (e) {
          throw /too many bytes/i.test((e as Error).message) ? unreadable(LYING_ENTRY) : unreadable();
        }
        if (next.done) break;
        this.left -= next.value.length;
        if (this.left < 0) throw unzipsTooLarge(this.limit);
        yield decoder.decode(next.value, { stream: true });
        await this.pace();
      }
      yield decoder.decode();
    } finally {
      stream.destroy();
    }
  }

  /** Runs a SAX parser over a part, yielding what `drain` collects after every chunk. */
  async *parse<T>(part: string, on: { open?: (tag: SaxesTagPlain) => void; text?: (text: string) => void; close?: (tag: SaxesTagPlain) => void }, drain?: () => T[]): AsyncGenerator<T> {
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    if (on.open) parser.on("opentag", on.open);
    if (on.close) parser.on("closetag", on.close);
    if (on.text) {
      parser.on("text", on.text);
      parser.on("cdata", on.text);
    }
    let failure: Error | null = null;
    parser.on("error", (e) => {
      failure ??= e;
    });
    for await (const chunk of this.text(part)) {
      parser.write(chunk);
      if (failure) throw unreadable();
      if (drain) yield* drain();
    }
    parser.close();
    if (failure) throw unreadable();
    if (drain) yield* drain();
  }

  /** Runs a SAX parser over a part to its end. */
  async read(part: string, on: Parameters<Package["parse"]>[1]) {
    for await (const _ of this.parse<never>(part, on));
  }

  /** A part's relationships: id → { type, target as a part name }. */
  async relationships(part: string) {
    const dir = path.posix.dirname(part);
    const relsPart = path.posix.join(dir, "_rels", `${path.posix.basename(part)}.rels`);
    const rels = new Map<string, { type: string; target: string }>();
    await this.read(relsPart, {
      open: (tag) => {
        if (localName(tag.name) !== "Relationship" || tag.attributes.TargetMode === "External") return;
        const target = tag.attributes.Target ?? "";
        const resolved = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(dir, target));
        rels.set(tag.attributes.Id ?? "", { type: tag.attributes.Type ?? "", target: resolved });
      },
    });
    return rels;
  }
}

const ofType = (rels: Map<string, { type: string; target: string }>, type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;

/** Number formats Excel shows as dates or times: the built-in ones and any custom code with date letters (as exceljs tells them). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const isDateCode = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

function excelDate(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** The column of a cell reference ("AB12" → 27), or null. */
function columnOf(ref: string): number | null {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > MAX_COLUMN) return null;
  }
  return col > 0 ? col - 1 : null;
}

/** The rows of the first worksheet of an XLSX file, as they are parsed. */
export async function* xlsxRows(bytes: Uint8Array, options: { maxUnzippedBytes: number; pace: () => Promise<void> }): AsyncGenerator<SheetRow> {
  const pkg = await Package.open(bytes, options.maxUnzippedBytes, options.pace);
  try {
    const workbook = ofType(await pkg.relationships(""), "officeDocument") ?? "xl/workbook.xml";
    if (!pkg.has(workbook)) throw unreadable();

    // the first sheet in the workbook's order, and the date system
    let firstSheet: string | null = null;
    let date1904 = false;
    await pkg.read(workbook, {
      open: (tag) => {
        const name = localName(tag.name);
        if (name === "workbookPr") date1904 = ["1", "true"].includes(tag.attributes.date1904 ?? "");
        if (name === "sheet" && firstSheet === null) {
          const id = Object.entries(tag.attributes).find(([key]) => key.includes(":") && localName(key) === "id");
          firstSheet = id?.[1] ?? "";
        }
      },
    });
    const rels = await pkg.relationships(workbook);
    const sheet = firstSheet === null ? undefined : rels.get(firstSheet)?.target;
    if (!sheet || !pkg.has(sheet)) return;

    const shared = await sharedStrings(pkg, ofType(rels, "sharedStrings"));
    const dateStyles = await dateStylesOf(pkg, ofType(rels, "styles"));

    // the sheet, a row at a time
    const done: SheetRow[] = [];
    let row: SheetRow | null = null;
    let nextRow = 1;
    let col = 0;
    let nextCol = 0;
    let type = "n";
    let style = 0;
    let text = "";
    let capture = false;
    let inInline = false;
    let phonetic = 0;
    const value = (): string => {
      switch (type) {
        case "s": return shared[Number.parseInt(text, 10)] ?? "";
        case "inlineStr":
        case "str":
        case "e":
          return text;
        case "b": return Number.parseInt(text, 10) ? "true" : "false";
        case "d": return text.slice(0, 10);
        default: {
          if (text.trim() === "") return "";
          const n = Number.parseFloat(text);
          if (Number.isNaN(n)) return text;
          return (dateStyles[style] && excelDate(n, date1904)) || String(n);
        }
      }
    };
    yield* pkg.parse<SheetRow>(sheet, {
      open: (tag) => {
        switch (localName(tag.name)) {
          case "row": {
            const r = Number.parseInt(tag.attributes.r ?? "", 10);
            row = { number: r > 0 ? r : nextRow, cells: [] };
            nextCol = 0;
            break;
          }
          case "c":
            col = columnOf(tag.attributes.r ?? "") ?? nextCol;
            type = tag.attributes.t ?? "n";
            style = Number.parseInt(tag.attributes.s ?? "0", 10) || 0;
            text = "";
            break;
          case "v":
            capture = true;
            break;
          case "is":
            inInline = true;
            break;
          case "rPh":
            phonetic++;
            break;
          case "t":
            if (inInline && !phonetic) capture = true;
            break;
        }
      },
      text: (t) => {
        if (capture) text += t;
      },
      close: (tag) => {
        switch (localName(tag.name)) {
          case "v":
          case "t":
            capture = false;
            break;
          case "is":
            inInline = false;
            break;
          case "rPh":
            phonetic--;
            break;
          case "c":
            if (row && col < MAX_COLUMN) {
              const cell = value();
              if (cell !== "") row.cells[col] = cell;
            }
            nextCol = col + 1;
            break;
          case "row":
            if (row) {
              done.push(row);
              nextRow = row.number + 1;
            }
            row = null;
            break;
        }
      },
    }, () => done.splice(0));
  } finally {
    pkg.close();
  }
}

/** The shared strings, in order: the text of each, its runs joined, phonetic guides left out. */
async function sharedStrings(pkg: Package, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  let current: string[] | null = null;
  let capture = false;
  let phonetic = 0;
  await pkg.read(part, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && current && !phonetic) capture = true;
    },
    text: (t) => {
      if (capture) current!.push(t);
    },
    close: (tag) => {
      const name = localName(tag.name);
      if (name === "t") capture = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        strings.push(current.join(""));
        current = null;
      }
    },
  });
  return strings;
}

/** For each cell style (by index), whether its number format shows a date. */
async function dateStylesOf(pkg: Package, part: string | undefined): Promise<boolean[]> {
  if (!part) return [];
  const codes = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await pkg.read(part, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === "numFmt") codes.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) formats.push(Number(tag.attributes.numFmtId ?? 0));
    },
    close: (tag) => {
      if (localName(tag.name) === "cellXfs") inCellXfs = false;
    },
  });
  return formats.map((id) => {
    const code = codes.get(id);
    return code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateCode(code);
  });
}
