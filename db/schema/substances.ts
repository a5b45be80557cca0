import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { casShape, timestamps } from "./_shared";
import { users } from "./users";

/**
 * The chemical reference dictionary, keyed by CAS number. Columns without a `curated` prefix come
 * from the shipped reference files and are overwritten by a reload; the `curated*` columns hold
 * park staff's corrections and are never touched by a reload.
 */
export const substances = pgTable(
  "substance",
  {
    cas: text("cas").primaryKey(),
    nameZh: text("name_zh"),
    nameEn: text("name_en"),
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    /** listed in the 2015 hazardous-chemicals catalogue (危险化学品目录) */
    hazardous: boolean("hazardous").notNull().default(false),
    catalogueSeq: integer("catalogue_seq"),
    /** 剧毒 */
    highlyToxic: boolean("highly_toxic").notNull().default(false),
    /** 易制爆 (2017 list) */
    explosivePrecursor: boolean("explosive_precursor").notNull().default(false),
    /** 易制毒 category (1, 2 or 3) once that list is loaded */
    precursorCategory: integer("precursor_category"),
    /** molecular formula in Hill order (db/reference/chemical-formulas.csv), e.g. H2O4S, C3H6O */
    formula: text("formula"),
    sources: text("sources").array().notNull().default(sql`'{}'::text[]`),
    curatedNameZh: text("curated_name_zh"),
    curatedNameEn: text("curated_name_en"),
    curatedAliases: text("curated_aliases").array().notNull().default(sql`'{}'::text[]`),
    /** shipped aliases park staff found wrong: left out wherever the dictionary is read */
    curatedHiddenAliases: text("curated_hidden_aliases").array().notNull().default(sql`'{}'::text[]`),
    curatedBy: integer("curated_by").references(() => users.id, { onDelete: "set null" }),
    curatedAt: timestamp("curated_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check("substance_cas_shape", casShape("cas")),
    check("substance_precursor_category", sql`${t.precursorCategory} IS NULL OR ${t.precursorCategory} BETWEEN 1 AND 3`),
    index("substance_name_zh_idx").on(t.nameZh),
    index("substance_formula_idx").on(t.formula),
  ],
);
