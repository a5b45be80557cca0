import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { referenceDir } from "@/server/substances/reference";
import type { UnderstandOptions } from "./understand";

/**
 * What query understanding needs from the shipped dictionary, read once per process: the formulas
 * of known substances (a token is read as a formula only when some substance has it, so BA, SM or
 * CP stay words), and the trade abbreviations (PO is propylene oxide, never the formula OP).
 */
let cached: Required<UnderstandOptions> | null = null;

function read(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(/*turbopackIgnore: true*/ path.join(referenceDir(), file)), { columns: true, bom: true, skip_empty_lines: true });
}

export function referenceTerms(): Required<UnderstandOptions> {
  if (!cached) {
    const formulas = new Set(read("chemical-formulas.csv").map((r) => r.formula!).filter(Boolean));
    const abbreviations = new Set(read("trade-abbreviations.csv").map((r) => r.abbr!.toUpperCase()));
    cached = { isKnownFormula: (hill) => formulas.has(hill), abbreviations };
  }
  return cached;
}
