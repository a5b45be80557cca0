import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { appMeta, substances } from "@/db/schema";
import { normalizeCas } from "./cas";

const FILES = {
  catalogue: "hazardous-chemicals-catalog-2015.csv",
  explosives: "explosive-precursors.csv",
  names: "chemical-names.csv",
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
  /** molecular formula in Hill order, as PubChem writes it */
  formula: string | null;
  sources: string[];
}

export function referenceDir() {
  return path.join(process.cwd(), "db", "reference");
}

function readCsv(dir: string, file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dir, file)), { columns: true, bom: true, skip_empty_lines: true });
}

const split = (value: string | undefined) =>
  (value ?? "").split(";").map((s) => s.trim()).filter(Boolean);

/** Merges the three shipped lists into one record per CAS number. */
export function buildReference(dir = referenceDir()): ReferenceSubstance[] {
  const byCas = new Map<string, ReferenceSubstance>();
  const entry = (rawCas: string) => {
    const cas = normalizeCas(rawCas);
    if (!cas) return null;
    let item = byCas.get(cas);
    if (!item) {
      item = {
        cas, nameZh: null, nameEn: null, aliases: [], hazardous: false, catalogueSeq: null,
        highlyToxic: false, explosivePrecursor: false, formula: null, sources: [],
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
  return [...byCas.values()];
}

/** A fingerprint of the shipped files, so an unchanged dictionary is not reloaded at every start. */
export function referenceVersion(dir = referenceDir()): string {
  const hash = crypto.createHash("sha256");
  for (const file of Object.values(FILES)) hash.update(fs.readFileSync(path.join(dir, file)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Loads the shipped dictionary into `substance`. Idempotent: existing rows are updated, none are
 * duplicated, and park staff's corrections (`curated_*`) are kept. Skips work when this version
 * is already loaded, unless `force`.
 */
export async function loadReferenceDictionary(db: Db, options: { force?: boolean } = {}) {
  const version = referenceVersion();
  if (!options.force) {
    const [loaded] = await db.select().from(appMeta).where(eq(appMeta.key, "reference_version"));
    if (loaded?.value === version) return { version, loaded: 0, skipped: true };
  }
  const rows = buildReference();
  await db.transaction(async (tx) => {
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
  });
  return { version, loaded: rows.length, skipped: false };
}
