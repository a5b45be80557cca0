import { sql } from "drizzle-orm";
import {
  boolean, check, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, unique,
} from "drizzle-orm/pg-core";
import {
  casShape, gradeEnum, listingStatusEnum, money, nonNegative, ordered, quantity, taxBasisEnum, timestamps,
} from "./_shared";
import { byproducts, products, supplyOffers } from "./catalogue";
import { enterprises } from "./enterprises";
import { users } from "./users";

export const recurrenceEnum = pgEnum("recurrence", ["once", "monthly", "quarterly", "yearly"]);
export const matchStatusEnum = pgEnum("match_status", ["suggested", "dismissed", "contacted", "converted"]);
export const complianceEnum = pgEnum("compliance_state", ["ok", "needs_licence", "blocked"]);

/** A purchase demand (采购需求). */
export const demands = pgTable(
  "demand",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    cas: text("cas"),
    /** what the buyer typed when there is no CAS, or the display name */
    substanceName: text("substance_name").notNull(),
    quantity: quantity("quantity").notNull(),
    unit: text("unit").notNull().default("t"),
    grade: gradeEnum("grade"),
    minPurityPct: numeric("min_purity_pct", { precision: 6, scale: 3 }),
    deliveryFrom: date("delivery_from"),
    deliveryTo: date("delivery_to"),
    place: text("place"),
    targetPriceCnyPerUnit: money("target_price_cny_per_unit"),
    /** the tax basis of the target price, and of the quotes the buyer asks for */
    taxBasis: taxBasisEnum("tax_basis").notNull().default("incl_vat"),
    recurrence: recurrenceEnum("recurrence").notNull().default("once"),
    expiresOn: date("expires_on"),
    note: text("note"),
    /** the buyer takes by-products and waste streams (副产品) too; otherwise they are never its candidates */
    acceptsByproducts: boolean("accepts_byproducts").notNull().default(false),
    status: listingStatusEnum("status").notNull().default("open"),
    ...timestamps,
  },
  (t) => [
    index("demand_enterprise_idx").on(t.enterpriseId),
    index("demand_cas_idx").on(t.cas),
    check("demand_cas_shape", casShape("cas")),
    check("demand_quantity_positive", sql`${t.quantity} > 0`),
    check("demand_min_purity_range", sql`${t.minPurityPct} IS NULL OR ${t.minPurityPct} BETWEEN 0 AND 100`),
    check("demand_price_nonneg", nonNegative("target_price_cny_per_unit")),
    check("demand_delivery_window", ordered("delivery_from", "delivery_to")),
  ],
);

/** A demand paired with one supply candidate, with the reasons behind its score. */
export const matches = pgTable(
  "match",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    demandId: integer("demand_id").notNull().references(() => demands.id, { onDelete: "cascade" }),
    supplierEnterpriseId: integer("supplier_enterprise_id").notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    productId: integer("product_id").references(() => products.id, { onDelete: "cascade" }),
    offerId: integer("offer_id").references(() => supplyOffers.id, { onDelete: "cascade" }),
    byproductId: integer("byproduct_id").references(() => byproducts.id, { onDelete: "cascade" }),
    score: numeric("score", { precision: 7, scale: 4 }).notNull(),
    /** [{ code, zh, en }] */
    reasons: jsonb("reasons").notNull().default(sql`'[]'::jsonb`),
    compliance: complianceEnum("compliance").notNull().default("ok"),
    status: matchStatusEnum("status").notNull().default("suggested"),
    ...timestamps,
  },
  (t) => [
    // one suggestion per demand and product (or by-product); an offer is an attribute of it
    unique("match_demand_candidate_key").on(t.demandId, t.productId, t.byproductId).nullsNotDistinct(),
    index("match_supplier_idx").on(t.supplierEnterpriseId),
    index("match_product_idx").on(t.productId),
    check("match_has_candidate", sql`num_nonnulls(${t.productId}, ${t.offerId}, ${t.byproductId}) >= 1`),
  ],
);
