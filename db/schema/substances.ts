import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
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

/**
 * Every name and alias a substance is known by (its names as corrected, its aliases and park
 * staff's, less the aliases they hid), one row each, kept by a trigger on `substance` (migration
 * 0019): "did you mean" compares a query with the names of about its length
 * (server/search/suggest.ts) instead of unfolding the whole dictionary for every query.
 */
export const substanceNames = pgTable(
  "substance_name",
  {
    cas: text("cas").notNull().references(() => substances.cas, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** lower case, as queries are compared */
    lower: text("lower").notNull(),
    /** in characters */
    length: integer("length").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cas, t.name] }), index("substance_name_length_idx").on(t.length)],
);

/** The regulated lists park staff maintain: 剧毒, 易制爆, 易制毒 (with its category). */
export const regulatedListEnum = pgEnum("regulated_list", ["highly_toxic", "explosive_precursor", "precursor"]);
export const regulatedChangeActionEnum = pgEnum("regulated_change_action", ["add", "remove"]);

/**
 * Park staff's changes to the regulated lists (the State Council adds substances every few years),
 * append-only: a change is never edited or deleted, a later change supersedes it. From its
 * effective date the latest change per substance and list decides that list's flag over the
 * shipped files, so a reload of the reference dictionary never undoes it
 * (server/substances/regulated-lists.ts).
 */
export const regulatedListChanges = pgTable(
  "regulated_list_change",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    cas: text("cas").notNull().references(() => substances.cas, { onDelete: "restrict" }),
    list: regulatedListEnum("list").notNull(),
    action: regulatedChangeActionEnum("action").notNull(),
    /** 易制毒 category (1–3) of an addition to the precursor list; null otherwise */
    category: integer("category"),
    effectiveOn: date("effective_on").notNull(),
    reason: text("reason").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "regulated_list_change_category",
      sql`(${t.list} = 'precursor' AND ${t.action} = 'add') = (${t.category} IS NOT NULL) AND (${t.category} IS NULL OR ${t.category} BETWEEN 1 AND 3)`,
    ),
    index("regulated_list_change_cas_idx").on(t.cas, t.list, t.effectiveOn),
  ],
);
