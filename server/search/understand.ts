import type { Grade } from "@/server/catalogue/vocabulary";
import { looksLikeCas, normalizeCas } from "@/server/substances/cas";
import { parseFormula, hillFormula } from "./formula";
import { toSimplified } from "./simplified";

/**
 * What a buyer typed, understood the way a chemist means it. Buyers paste what they have: a CAS
 * line from an SDS ("CAS No.: 67-64-1"), a formula (H2SO4), a Traditional-Chinese name (異丙醇), a
 * purity or a grade ("99.5% 异丙醇", "丙酮 AR"). The conditions become filters, and leave the
 * free text, so that "99.5" does not match every product with a number in its name; the rest is
 * the text search, in Simplified Chinese.
 */
export type Condition =
  | { kind: "cas"; value: string; raw: string; without: string }
  | { kind: "formula"; value: string; raw: string; without: string }
  | { kind: "purity"; value: number; raw: string; without: string }
  | { kind: "grade"; value: Grade; raw: string; without: string };

export interface Understood {
  /** what is left to search as text (Simplified Chinese), after the conditions were taken out */
  text: string;
  /** CAS numbers the query names (check digit valid): an exact lookup */
  cas: string[];
  /** the query is written like a CAS number but its check digit is wrong: nothing is searched */
  casInvalid: boolean;
  /** the query is a molecular formula, in Hill order: every substance with that formula */
  formulaHill: string | null;
  /** purity at least this (per cent) */
  minPurity: number | null;
  /** grades the query names (any of them) */
  grades: Grade[];
  /** the query had Traditional characters, searched as Simplified */
  traditional: boolean;
  /** each condition read from the query, with the words it was read from and the query without them (the page's chips) */
  conditions: Condition[];
}

export interface UnderstandOptions {
  /** whether a Hill formula belongs to a known substance (a word that merely spells symbols is no formula) */
  isKnownFormula?: (hill: string) => boolean;
  /** trade abbreviations (upper case): searched as names, never read as formulas (PO is propylene oxide, not OP) */
  abbreviations?: ReadonlySet<string>;
}

/** Full-width letters, digits and signs (ＣＡＳ，６７－６４－１，９９．５％) as ASCII, one character for one, so positions keep. */
const halfWidth = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ").replace(/[‐‑–—−]/g, "-");

const DASH = "-";
const CAS_SHAPE = `\\d{2,7}${DASH}\\d{2}${DASH}\\d`;
/** "CAS 67-64-1", "CAS No.: 67-64-1", "CAS#67-64-1", "CAS号 67-64-1", "CAS RN 64-17-5", "CAS Number 108-88-3", and bare digits after it */
const CAS_LABELLED = new RegExp(`\\bCAS(?:\\s*(?:No|Nr|Number|RN|Reg(?:istry)?\\s*No)\\.?)?\\s*(?:号|號|編號|编号)?\\s*[:#.]?\\s*(${CAS_SHAPE}|\\d{5,10})(?![\\d-])`, "gi");
const CAS_INLINE = new RegExp(`(?<![\\d.-])(${CAS_SHAPE})(?![\\d-])`, "g");

/** purity: "99.5%", "≥99.5", ">=99.5%", "纯度≥99%", "含量 99.5%", "purity 99.9%", "99.5%min" */
const PURITY_MARKED = /(?:(?:纯度|純度|含量|purity|assay)\s*[:]?\s*)?(?:≥|≧|>=|>|不低于|不低於|min\.?\s*)?\s*(?<![\d.A-Za-z-])(\d{1,3}(?:\.\d+)?)\s*%(?:\s*min\b)?/gi;
const PURITY_AT_LEAST = /(?:(?:纯度|純度|含量|purity|assay)\s*[:]?\s*)?(?:≥|≧|>=|>|不低于|不低於)\s*(\d{1,3}(?:\.\d+)?)(?![\d.])/gi;
const PURITY_WORD = /(?:纯度|純度|含量|purity|assay)\s*[:]?\s*(\d{1,3}(?:\.\d+)?)(?![\d.])/gi;
/** a bare number standing alone ("异丙醇 99.5"): a purity when it reads as one (50–100) */
const PURITY_BARE = /(?<=^|\s)(\d{2,3}(?:\.\d+)?)(?=\s|$)/g;

/**
 * Grade words, mapped onto the catalogue's grades (server/catalogue/vocabulary.ts). Chinese grade
 * words are found anywhere (工业级异丙醇); English ones as words; the short codes only standing
 * alone and in capitals (丙酮 AR), so that they do not eat into names.
 */
const GRADE_CHINESE: [string, Grade][] = [
  ["工业级", "industrial"], ["工業級", "industrial"], ["工业品", "industrial"], ["工業品", "industrial"],
  ["电子级", "electronic"], ["電子級", "electronic"], ["半导体级", "electronic"], ["半導體級", "electronic"],
  ["试剂级", "reagent"], ["試劑級", "reagent"], ["分析纯", "reagent"], ["分析純", "reagent"], ["优级纯", "reagent"], ["優級純", "reagent"],
  ["化学纯", "reagent"], ["化學純", "reagent"],
  ["医药级", "pharma"], ["醫藥級", "pharma"], ["药用级", "pharma"], ["藥用級", "pharma"], ["药典级", "pharma"], ["藥典級", "pharma"],
  ["食品级", "food"], ["食品級", "food"], ["食用级", "food"], ["食用級", "food"],
];
const GRADE_ENGLISH: [RegExp, Grade][] = [
  [/\b(?:industrial|technical|tech\.?)\s+grade\b/gi, "industrial"],
  [/\b(?:electronic|semiconductor)\s+grade\b/gi, "electronic"],
  [/\b(?:reagent|analytical|ACS)\s+grade\b/gi, "reagent"],
  [/\b(?:pharmaceutical|pharma|USP|EP|BP)\s+grade\b/gi, "pharma"],
  [/\bfood\s+grade\b/gi, "food"],
];
const GRADE_CODES: Record<string, Grade> = {
  EL: "electronic", UP: "electronic", "UP-S": "electronic", UPS: "electronic", ELE: "electronic",
  AR: "reagent", GR: "reagent", CP: "reagent", ACS: "reagent",
  USP: "pharma", EP: "pharma", BP: "pharma",
  FCC: "food",
};

interface Span { start: number; end: number }

export function understandQuery(raw: string, options: UnderstandOptions = {}): Understood {
  const original = raw;
  const text = halfWidth(raw);
  const taken: Span[] = [];
  const conditions: Condition[] = [];
  const free = (start: number, end: number) => taken.every((s) => end <= s.start || start >= s.end);
  const without = (span: Span) => tidy(original.slice(0, span.start) + " " + original.slice(span.end));
  const take = (start: number, end: number) => {
    const span = { start, end };
    taken.push(span);
    return { raw: original.slice(start, end).trim(), without: without(span) };
  };

  // CAS numbers: labelled ones first (their label goes with them), then any standing in the text
  const cas: string[] = [];
  let casInvalid = false;
  for (const m of text.matchAll(CAS_LABELLED)) {
    const value = normalizeCas(m[1]!);
    const at = m.index!;
    if (!value) {
      casInvalid = true;
      take(at, at + m[0].length);
      continue;
    }
    if (!cas.includes(value)) cas.push(value);
    conditions.push({ kind: "cas", value, ...take(at, at + m[0].length) });
  }
  for (const m of text.matchAll(CAS_INLINE)) {
    const at = m.index!;
    if (!free(at, at + m[0].length)) continue;
    const value = normalizeCas(m[1]!);
    if (!value) continue;
    if (!cas.includes(value)) cas.push(value);
    conditions.push({ kind: "cas", value, ...take(at, at + m[0].length) });
  }
  // the whole query a CAS number, written any way (digits alone, spaces around, full width)
  const whole = text.trim();
  if (cas.length === 0 && whole) {
    const value = normalizeCas(whole);
    if (value) {
      cas.push(value);
      conditions.push({ kind: "cas", value, raw: original.trim(), without: "" });
      taken.push({ start: 0, end: text.length });
    } else if (looksLikeCas(whole)) {
      casInvalid = true;
    }
  }
  if (cas.length) casInvalid = false;

  // purity
  let minPurity: number | null = null;
  const purity = (re: RegExp, accept: (value: number) => boolean) => {
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      if (!free(at, at + m[0].length)) continue;
      const value = Number(m[1]);
      if (!(value > 0 && value <= 100) || !accept(value)) continue;
      minPurity = Math.max(minPurity ?? 0, value);
      conditions.push({ kind: "purity", value, ...take(at, at + m[0].length) });
    }
  };
  purity(PURITY_MARKED, () => true);
  purity(PURITY_AT_LEAST, () => true);
  purity(PURITY_WORD, () => true);
  purity(PURITY_BARE, (value) => value >= 50);

  // grades
  const grades: Grade[] = [];
  const grade = (at: number, length: number, value: Grade) => {
    if (!free(at, at + length)) return;
    if (!grades.includes(value)) grades.push(value);
    conditions.push({ kind: "grade", value, ...take(at, at + length) });
  };
  for (const [word, value] of GRADE_CHINESE) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) grade(at, word.length, value);
  }
  for (const [re, value] of GRADE_ENGLISH) for (const m of text.matchAll(re)) grade(m.index!, m[0].length, value);
  for (const m of text.matchAll(/(?<=^|\s)([A-Z]{2,3}(?:-S)?)(?=\s|$)/g)) {
    const value = GRADE_CODES[m[1]!];
    // a code alone is a name to search (EP, BP), not a grade of nothing
    if (value && tidy(text.slice(0, m.index!) + text.slice(m.index! + m[0].length))) grade(m.index!, m[0].length, value);
  }

  // what is left is text; a formula when it is one token that counts as one
  let rest = "";
  let from = 0;
  for (const span of [...taken].sort((a, b) => a.start - b.start)) {
    rest += text.slice(from, Math.max(from, span.start)) + " ";
    from = Math.max(from, span.end);
  }
  rest = tidy(rest + text.slice(from));

  let formulaHill: string | null = null;
  if (cas.length === 0 && rest && !/\s/.test(rest) && !options.abbreviations?.has(rest.toUpperCase())) {
    const parsed = parseFormula(rest);
    if (parsed && (/\d/.test(rest) || parsed.symbols >= 2)) {
      const hill = hillFormula(parsed.atoms);
      if (!options.isKnownFormula || options.isKnownFormula(hill)) {
        formulaHill = hill;
        const at = text.indexOf(rest);
        conditions.push(at >= 0
          ? { kind: "formula", value: hill, ...take(at, at + rest.length) }
          : { kind: "formula", value: hill, raw: rest, without: "" });
        rest = "";
      }
    }
  }

  // a CAS number is the lookup: words around it (the name it was pasted with) add nothing
  const simplified = cas.length ? "" : toSimplified(rest);
  return {
    text: simplified,
    cas,
    casInvalid,
    formulaHill,
    minPurity,
    grades,
    traditional: simplified !== rest,
    conditions,
  };
}

/** Spaces collapsed, and the punctuation a removed condition leaves behind (",", ":", "，") trimmed. */
function tidy(s: string): string {
  return s.replace(/\s+/g, " ").replace(/^[\s,;:，；：、/|-]+|[\s,;:，；：、/|-]+$/g, "").trim();
}
