import { relations, sql } from "drizzle-orm";
import {
  check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  casShape, formEnum, gradeEnum, listingStatusEnum, money, nonNegative, ordered, quantity, timestamps,
} from "./_shared";
import { enterprises } from "./enterprises";

export const documentKindEnum = pgEnum("document_kind", ["tds", "sds", "other"]);

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
    check("product_cas_shape", casShape("cas")),
    check("product_purity_range", sql`${t.purityPct} IS NULL OR ${t.purityPct} BETWEEN 0 AND 100`),
    check("product_capacity_nonneg", nonNegative("capacity_tpy")),
    check("product_available_nonneg", nonNegative("available_t")),
    check("product_price_nonneg", nonNegative("price_cny_per_t")),
  ],
);

export const productDocuments = pgTable("product_document", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  productId: integer("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
  kind: documentKindEnum("kind").notNull(),
  filename: text("filename").notNull(),
  storagePath: text("storage_path").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  ...timestamps,
}, (t) => [check("product_document_size", sql`${t.sizeBytes} > 0`)]);

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

export const productsRelations = relations(products, ({ one, many }) => ({
  enterprise: one(enterprises, { fields: [products.enterpriseId], references: [enterprises.id] }),
  documents: many(productDocuments),
  offers: many(supplyOffers),
}));

export const productDocumentsRelations = relations(productDocuments, ({ one }) => ({
  product: one(products, { fields: [productDocuments.productId], references: [products.id] }),
}));

export const supplyOffersRelations = relations(supplyOffers, ({ one }) => ({
  product: one(products, { fields: [supplyOffers.productId], references: [products.id] }),
  enterprise: one(enterprises, { fields: [supplyOffers.enterpriseId], references: [enterprises.id] }),
}));
