import { sql } from "drizzle-orm";
import {
  check, customType, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  casShape, formEnum, gradeEnum, listingStatusEnum, money, nonNegative, ordered, quantity, taxBasisEnum, timestamps,
} from "./_shared";
import { enterprises } from "./enterprises";
import { users } from "./users";

export const documentKindEnum = pgEnum("document_kind", ["tds", "sds", "other"]);
export const importStatusEnum = pgEnum("import_status", ["queued", "running", "done", "failed"]);

/** Raw bytes (PostgreSQL bytea), handed over as a Buffer: uploads live in the database, not on a disk. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** The largest TDS/SDS a product may carry, and the largest catalogue file an import accepts. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** An enterprise's catalogue item. */
export const products = pgTable(
  "product",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    cas: text("cas"),
    grade: gradeEnum("grade"),
    purityPct: numeric("purity_pct", { precision: 6, scale: 3 }),
    form: formEnum("form"),
    packaging: text("packaging"),
    capacityTpy: quantity("capacity_tpy"),
    availableT: quantity("available_t"),
    priceCnyPerT: money("price_cny_per_t"),
    description: text("description"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("product_enterprise_sku_key").on(t.enterpriseId, t.sku),
    index("product_cas_idx").on(t.cas),
    // matching finds products without a CAS by name (server/matching/candidates.ts): by a
    // dictionary name among their name's words, or by a name inside theirs (its two-character
    // pieces narrow the search, LIKE decides). The functions are in migration 0018.
    index("product_name_keys_idx").using("gin", sql`product_name_keys(${t.name})`).where(sql`${t.retiredAt} IS NULL AND ${t.cas} IS NULL`),
    index("product_name_grams_no_cas_idx").using("gin", sql`name_grams(${t.name})`).where(sql`${t.retiredAt} IS NULL AND ${t.cas} IS NULL`),
    check("product_cas_shape", casShape("cas")),
    check("product_purity_range", sql`${t.purityPct} IS NULL OR ${t.purityPct} BETWEEN 0 AND 100`),
    check("product_capacity_nonneg", nonNegative("capacity_tpy")),
    check("product_available_nonneg", nonNegative("available_t")),
    check("product_price_nonneg", nonNegative("price_cny_per_t")),
  ],
);

/**
 * How many active (not retired) products each enterprise lists, kept by statement triggers on
 * `product` (migration 0020) whichever path writes the catalogue. The trust signals' share of
 * documented products divides by it for every supplier on a search page; counting the catalogues
 * themselves took 0.9 s for a page of suppliers of 50,000 products each (bench/scale.ts at 1M).
 * An enterprise without a row lists none.
 */
export const enterpriseCatalogue = pgTable("enterprise_catalogue", {
  enterpriseId: integer("enterprise_id").primaryKey().references(() => enterprises.id, { onDelete: "cascade" }),
  activeProducts: integer("active_products").notNull(),
});

/** A TDS or SDS (PDF) of a product, its bytes kept in PostgreSQL so app instances stay stateless. */
export const productDocuments = pgTable("product_document", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  productId: integer("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
  kind: documentKindEnum("kind").notNull(),
  filename: text("filename").notNull(),
  content: bytea("content").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  ...timestamps,
}, (t) => [
  index("product_document_product_idx").on(t.productId),
  check("product_document_size", sql.raw(`size_bytes > 0 AND size_bytes <= ${MAX_DOCUMENT_BYTES}`)),
  check("product_document_content_size", sql`octet_length(${t.content}) = ${t.sizeBytes}`),
]);

/**
 * A catalogue import: the uploaded file (until it has been read through), and its progress and
 * result. Large files are imported in slices by the background worker; the page polls this row.
 */
export const catalogueImports = pgTable(
  "catalogue_import",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    filename: text("filename").notNull(),
    /** the file as uploaded; cleared once the import has finished */
    file: bytea("file"),
    sizeBytes: integer("size_bytes").notNull(),
    status: importStatusEnum("status").notNull().default("queued"),
    /** data rows in the file, the rows that passed validation, and how many of those are written */
    totalRows: integer("total_rows").notNull().default(0),
    validRows: integer("valid_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    /** [{ row, column, zh, en }] */
    rejected: jsonb("rejected").notNull().default(sql`'[]'::jsonb`),
    error: jsonb("error"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("catalogue_import_enterprise_idx").on(t.enterpriseId, t.createdAt),
    check("catalogue_import_size", sql.raw(`size_bytes > 0 AND size_bytes <= ${MAX_IMPORT_BYTES}`)),
    check("catalogue_import_counts", sql`${t.totalRows} >= 0 AND ${t.validRows} BETWEEN 0 AND ${t.totalRows} AND ${t.processedRows} BETWEEN 0 AND ${t.validRows} AND ${t.inserted} >= 0 AND ${t.updated} >= 0`),
  ],
);

/** A time-bounded offer to sell a catalogue product. */
export const supplyOffers = pgTable(
  "supply_offer",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    productId: integer("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
    quantity: quantity("quantity").notNull(),
    unit: text("unit").notNull().default("t"),
    priceCnyPerUnit: money("price_cny_per_unit"),
    /** the tax basis of the offer's price */
    taxBasis: taxBasisEnum("tax_basis").notNull().default("incl_vat"),
    validFrom: date("valid_from"),
    validUntil: date("valid_until"),
    place: text("place"),
    status: listingStatusEnum("status").notNull().default("open"),
    ...timestamps,
  },
  (t) => [
    index("supply_offer_enterprise_idx").on(t.enterpriseId),
    index("supply_offer_product_idx").on(t.productId),
    check("supply_offer_quantity_nonneg", nonNegative("quantity")),
    check("supply_offer_price_nonneg", nonNegative("price_cny_per_unit")),
    check("supply_offer_period", ordered("valid_from", "valid_until")),
  ],
);

/** By-product or waste stream (副产品/固废) offered as someone else's feedstock. */
export const byproducts = pgTable(
  "byproduct",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    cas: text("cas"),
    /** 危险废物代码, e.g. HW06 900-402-06 */
    wasteCode: text("waste_code"),
    composition: text("composition"),
    monthlyVolumeT: quantity("monthly_volume_t"),
    place: text("place"),
    status: listingStatusEnum("status").notNull().default("open"),
    ...timestamps,
  },
  (t) => [
    index("byproduct_enterprise_idx").on(t.enterpriseId),
    check("byproduct_cas_shape", casShape("cas")),
    check("byproduct_volume_nonneg", nonNegative("monthly_volume_t")),
  ],
);
