import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { appMeta, demands, substances } from "@/db/schema";
import { enqueue } from "@/server/jobs/outbox";
import { todayInChina } from "@/server/compliance/compliance";
import { normalizeCas } from "./cas";
import { precursorBaseNames, saltNames, saltOf } from "./precursor-salts";
import { applyRegulatedChanges } from "./regulated-apply";

const FILES = {
  catalogue: "hazardous-chemicals-catalog-2015.csv",
  explosives: "explosive-precursors.csv",
  names: "chemical-names.csv",
  precursors: "precursor-chemicals.csv",
  formulas: "chemical-formulas.csv",
  abbreviations: "trade-abbreviations.csv",
} as const;

export interface ReferenceSubstance {
  cas: string;
  nameZh: string | null;
  nameEn: string | null;
  aliases: string[];
  hazardous: boolean;
  catalogueSeq: number | null;
  highlyToxic: boolean;
  explosivePrecursor: boolean;
  /** 易制毒 category (1–3): listed, or a salt of a category 1 or 2 substance named as such */
  precursorCategory: number | null;
  /** molecular formula in Hill order, as PubChem writes it */
  formula: string | null;
  sources: string[];
}

export function referenceDir() {
  return path.join(process.cwd(), "db", "reference");
}

function readCsv(dir: string, file: string): Record<string, string>[] {
  return parse(fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, file)), { columns: true, bom: true, skip_empty_lines: true });
}

const split = (value: string | undefined) =>
  (value ?? "").split(";").map((s) => s.trim()).filter(Boolean);

/** Merges the shipped lists into one record per CAS number. */
export function buildReference(dir = referenceDir()): ReferenceSubstance[] {
  return buildReferenceReport(dir).substances;
}

/**
 * The shipped lists merged by CAS, and the precursor-list rows that matched no substance: a row of
 * the 易制毒 list without CAS is matched by its Chinese or English name against the dictionary's
 * names and aliases; a row with a CAS the other lists lack becomes a substance of its own.
 */
export function buildReferenceReport(dir = referenceDir()): { substances: ReferenceSubstance[]; unmatchedPrecursors: string[] } {
  const byCas = new Map<string, ReferenceSubstance>();
  const entry = (rawCas: string) => {
    const cas = normalizeCas(rawCas);
    if (!cas) return null;
    let item = byCas.get(cas);
    if (!item) {
      item = {
        cas, nameZh: null, nameEn: null, aliases: [], hazardous: false, catalogueSeq: null,
        highlyToxic: false, explosivePrecursor: false, precursorCategory: null, formula: null, sources: [],
      };
      byCas.set(cas, item);
    }
    return item;
  };

  for (const row of readCsv(dir, FILES.names)) {
    const item = entry(row.cas ?? "");
    if (!item) continue;
    item.nameZh = row.name_zh || null;
    item.nameEn = row.name_en || null;
    item.aliases.push(...split(row.synonyms));
    item.sources.push(...split(row.sources));
  }
  for (const row of readCsv(dir, FILES.catalogue)) {
    for (const rawCas of split(row.cas)) {
      const item = entry(rawCas);
      if (!item) continue;
      item.hazardous = true;
      item.catalogueSeq ??= Number(row.seq) || null;
      if (row.note === "剧毒") item.highlyToxic = true;
      item.nameZh ??= row.name_zh || null;
      item.aliases.push(row.name_zh ?? "", ...split(row.aliases));
    }
  }
  for (const row of readCsv(dir, FILES.explosives)) {
    const item = entry(row.cas ?? "");
    if (!item) continue;
    item.explosivePrecursor = true;
    item.nameZh ??= row.name_zh || null;
    item.aliases.push(row.name_zh ?? "", ...split(row.aliases));
  }

  // 易制毒: the listed substances by CAS or, without one, by name; then the salts of categories 1 and 2
  const unmatchedPrecursors: string[] = [];
  const listed: { category: number; nameZh: string; nameEn: string }[] = [];
  const byName = () => {
    const index = new Map<string, ReferenceSubstance[]>();
    for (const item of byCas.values()) {
      for (const n of [item.nameZh, item.nameEn, ...item.aliases]) {
        if (!n) continue;
        const key = n.toLowerCase();
        index.set(key, [...(index.get(key) ?? []), item]);
      }
    }
    return index;
  };
  const precursorRows = readCsv(dir, FILES.precursors);
  for (const row of precursorRows) {
    const category = Number(row.category);
    if (![1, 2, 3].includes(category)) continue;
    const nameZh = (row.name_zh ?? "").trim();
    // "3-oxo-2-phenylbutanenitrile (APAAN)": the name, and its abbreviation as an alias
    const [, nameEn = "", abbreviation = ""] = /^(.*?)\s*(?:\(([^)]+)\))?$/u.exec((row.name_en ?? "").trim()) ?? [];
    listed.push({ category, nameZh, nameEn });
    if (!row.cas) continue;
    const item = entry(row.cas);
    if (!item) continue;
    item.precursorCategory = Math.min(item.precursorCategory ?? category, category);
    item.nameZh ??= nameZh || null;
    item.nameEn ??= nameEn || null;
    item.aliases.push(nameZh, nameEn, abbreviation);
    item.sources.push("precursor");
  }
  const names = byName();
  for (const row of precursorRows) {
    if (row.cas) continue;
    const category = Number(row.category);
    const hits = [row.name_zh, row.name_en].flatMap((n) => (n?.trim() ? names.get(n.trim().toLowerCase()) ?? [] : []));
    if (hits.length === 0) unmatchedPrecursors.push(row.name_zh ?? row.name_en ?? "");
    for (const item of new Set(hits)) {
      item.precursorCategory = Math.min(item.precursorCategory ?? category, category);
      item.sources.push("precursor");
    }
  }
  const salts = saltNames(precursorBaseNames(listed.filter((l) => l.category !== 3)));
  for (const item of byCas.values()) {
    if (item.precursorCategory !== null) continue;
    const category = saltOf([item.nameZh, item.nameEn, ...item.aliases], salts);
    if (category === null) continue;
    item.precursorCategory = category;
    item.sources.push("precursor-salt");
  }
  for (const row of readCsv(dir, FILES.formulas)) {
    const item = byCas.get(normalizeCas(row.cas ?? "") ?? "");
    if (item && row.formula) item.formula = row.formula;
  }
  // the trade's abbreviations are aliases of the substance the Chinese trade means by them, and of no
  // other (PubChem gives MDI to the isomer mixture too; the trade means 4,4'-MDI)
  const abbreviations = readCsv(dir, FILES.abbreviations);
  const taken = new Map(abbreviations.map((row) => [row.abbr!.toLowerCase(), normalizeCas(row.cas ?? "")]));
  for (const item of byCas.values()) {
    item.aliases = item.aliases.filter((a) => {
      const owner = taken.get(a.toLowerCase());
      return owner === undefined || owner === item.cas;
    });
  }
  for (const row of abbreviations) {
    const item = entry(row.cas ?? "");
    if (!item) continue;
    item.nameZh ??= row.name_zh || null;
    item.nameEn ??= row.name_en || null;
    item.aliases.push(row.abbr ?? "", row.name_zh ?? "", row.name_en ?? "");
    item.sources.push("trade-abbreviations");
  }

  for (const item of byCas.values()) {
    const seen = new Set([item.nameZh, item.nameEn].filter(Boolean).map((n) => n!.toLowerCase()));
    item.aliases = item.aliases.filter((a) => {
      const key = a.toLowerCase();
      if (!a || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    item.sources = [...new Set(item.sources)];
  }
  return { substances: [...byCas.values()], unmatchedPrecursors };
}

/** A fingerprint of the shipped files, so an unchanged dictionary is not reloaded at every start. */
export function referenceVersion(dir = referenceDir()): string {
  const hash = crypto.createHash("sha256");
  for (const file of Object.values(FILES)) hash.update(fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, file)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Loads the shipped dictionary into `substance`. Idempotent: existing rows are updated, none are
 * duplicated, and park staff's corrections (`curated_*`) are kept, as are their changes to the
 * regulated lists (applied again over the shipped flags). Substances whose flags changed are
 * announced to search and their open demands to the match refresh. Skips work when this version
 * is already loaded, unless `force`.
 */
export async function loadReferenceDictionary(db: Db, options: { force?: boolean } = {}) {
  const version = referenceVersion();
  if (!options.force) {
    const [loaded] = await db.select().from(appMeta).where(eq(appMeta.key, "reference_version"));
    if (loaded?.value === version) return { version, loaded: 0, skipped: true, unmatchedPrecursors: [] as string[], flagsChanged: 0 };
  }
  const { substances: rows, unmatchedPrecursors } = buildReferenceReport();
  const flagsChanged = await db.transaction(async (tx) => {
    const flagsOf = async () => new Map(
      (await tx.select({ cas: substances.cas, f: sql<string>`concat_ws('|', ${substances.hazardous}, ${substances.highlyToxic}, ${substances.explosivePrecursor}, ${substances.precursorCategory})` }).from(substances))
        .map((r) => [r.cas, r.f]),
    );
    const before = await flagsOf();
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insert(substances)
        .values(rows.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: substances.cas,
          set: {
            nameZh: sql`excluded.name_zh`,
            nameEn: sql`excluded.name_en`,
            aliases: sql`excluded.aliases`,
            hazardous: sql`excluded.hazardous`,
            catalogueSeq: sql`excluded.catalogue_seq`,
            highlyToxic: sql`excluded.highly_toxic`,
            explosivePrecursor: sql`excluded.explosive_precursor`,
            precursorCategory: sql`excluded.precursor_category`,
            formula: sql`excluded.formula`,
            sources: sql`excluded.sources`,
            updatedAt: sql`now()`,
          },
        });
    }
    await tx
      .insert(appMeta)
      .values({ key: "reference_version", value: version })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: version, updatedAt: sql`now()` } });
    // park staff's changes to the regulated lists stand over the shipped flags
    await applyRegulatedChanges(tx, todayInChina());
    const after = await flagsOf();
    const changed = [...after].filter(([cas, f]) => before.has(cas) && before.get(cas) !== f).map(([cas]) => cas);
    await enqueue(tx, "substances", changed);
    if (changed.length) {
      const open = await tx.select({ id: demands.id }).from(demands).where(inArray(demands.cas, changed));
      await enqueue(tx, "demands", open.map((d) => d.id));
    }
    return changed.length;
  });
  return { version, loaded: rows.length, skipped: false, unmatchedPrecursors, flagsChanged };
}
