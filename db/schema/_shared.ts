import { sql } from "drizzle-orm";
import { numeric, pgEnum, timestamp } from "drizzle-orm/pg-core";

/** created/updated stamps shared by every mutable table */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** Money in yuan with two decimals; drizzle hands it over as a string, never a float. */
export const money = (name: string) => numeric(name, { precision: 16, scale: 2 });
/** Quantities in tonnes (or the listing's unit) with three decimals. */
export const quantity = (name: string) => numeric(name, { precision: 14, scale: 3 });

/** CAS registry number shape: 2–7 digits, 2 digits, 1 check digit, no leading zero. */
export const casShape = (column: string) => sql.raw(`(${column} IS NULL OR ${column} ~ '^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$')`);
export const nonNegative = (column: string) => sql.raw(`(${column} IS NULL OR ${column} >= 0)`);
export const ordered = (from: string, to: string) =>
  sql.raw(`(${from} IS NULL OR ${to} IS NULL OR ${from} <= ${to})`);

export const gradeEnum = pgEnum("grade", ["industrial", "reagent", "electronic", "pharma", "food"]);
export const formEnum = pgEnum("form", ["liquid", "solid", "gas"]);
export const listingStatusEnum = pgEnum("listing_status", ["draft", "open", "closed", "expired"]);

/** 含税 (VAT included) or 不含税 (VAT excluded): the basis of a price, on quotes, demands and supply offers. */
export const taxBasisEnum = pgEnum("tax_basis", ["incl_vat", "excl_vat"]);
