import { and, eq, getTableColumns, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, products } from "@/db/schema";
import { recordAudit, recordAudits } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { changedColumns, parseRecord } from "@/server/records";
import { announceSupply, productChange, watchProducts } from "@/server/saved-searches/changes";
import type { z } from "@/server/zod";
import { productFields, type ProductFields } from "./catalogue.schemas";

/**
 * The one writer of catalogue products. Every path that creates or changes a product (the
 * catalogue service, the catalogue import, the demo seed) goes through here: each record is
 * checked against the form's rules (`productFields`), a sku is unique within its enterprise, and in
 * the caller's transaction the rows are written, audited (one entry per product) and announced
 * (`products`: search and matching). A refused record writes nothing. Who may write is the
 * caller's business (server/auth/policy.ts).
 */

const PRODUCT = { zh: "产品", en: "Product" };

/** What a writer is given: the product's fields as the form has them (numbers as numbers, null for "none"). */
export type ProductRecord = z.input<typeof productFields>;
type Row = typeof products.$inferSelect;

const FIELDS = Object.keys(productFields.shape) as (keyof ProductFields)[];

const decimal = (n: number | null, scale: number) => (n === null ? null : n.toFixed(scale));

function columns(fields: ProductFields) {
  return {
    sku: fields.sku, name: fields.name, cas: fields.cas, grade: fields.grade, purityPct: decimal(fields.purityPct, 3), form: fields.form,
    packaging: fields.packaging, capacityTpy: decimal(fields.capacityTpy, 3), availableT: decimal(fields.availableT, 3),
    priceCnyPerT: decimal(fields.priceCnyPerT, 2), description: fields.description,
  };
}

const number = (v: string | null) => (v === null ? null : Number(v));

/** A row as `RETURNING *` gives it, as drizzle would (its columns' own conversions). */
function rowOf(raw: Record<string, unknown>): Row {
  return Object.fromEntries(Object.entries(getTableColumns(products)).map(([key, column]) => {
    const value = raw[column.name];
    return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
  })) as Row;
}

/** A stored row as a record again. */
function recordOf(row: Row): ProductRecord {
  return {
    sku: row.sku, name: row.name, cas: row.cas, grade: row.grade, purityPct: number(row.purityPct), form: row.form, packaging: row.packaging,
    capacityTpy: number(row.capacityTpy), availableT: number(row.availableT), priceCnyPerT: number(row.priceCnyPerT), description: row.description,
  };
}

const skuTaken = (sku: string) =>
  new AppError("CONFLICT", { zh: `产品编码 ${sku} 已被本企业的其他产品使用`, en: `Another product of this enterprise already uses sku ${sku}` }, { field: "sku" });

export interface ProductWriteOptions {
  /** the audit action of a new product (default "create") */
  action?: string;
  /**
   * Products whose sku the enterprise already has are updated instead of refused, in these fields
   * only (an import file's columns; a retired product stays retired); their audit action is
   * `updateAction` (default "update").
   */
  upsert?: { fields: (keyof ProductFields)[]; updateAction?: string };
}

/**
 * Writes products of one enterprise in the caller's transaction, checked whole before the first
 * row is written. Returns the rows written, each with whether it is new, in the order given.
 */
export async function insertProducts(
  tx: Db, actor: Actor, enterpriseId: number, inputs: ProductRecord[], options: ProductWriteOptions = {},
): Promise<(Row & { inserted: boolean })[]> {
  if (inputs.length === 0) return [];
  const records = inputs.map((input) => parseRecord(productFields, input, PRODUCT));
  const [enterprise] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!enterprise) throw notFound({ zh: "企业", en: "Enterprise" });
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.sku)) throw skuTaken(r.sku);
    seen.add(r.sku);
  }
  if (!options.upsert) {
    const [clash] = await tx
      .select({ sku: products.sku })
      .from(products)
      .where(and(eq(products.enterpriseId, enterpriseId), inArray(products.sku, [...seen])))
      .limit(1);
    if (clash) throw skuTaken(clash.sku);
  }
  // the prices before an upsert, so that a lower one reaches saved searches' alerts
  const watch = await watchProducts(tx, enterpriseId, options.upsert?.fields.includes("priceCnyPerT") ? [...seen] : []);
  // the rows as one JSON parameter, not a row of parameters each: a 2,000-row batch of an import
  // is one short statement for PostgreSQL to parse and for the driver to send
  const json = JSON.stringify(records.map((r) => columns(r)));
  const set = options.upsert
    ? sql.join([sql`updated_at = now()`, ...options.upsert.fields.map((f) => sql.raw(`${products[f].name} = excluded.${products[f].name}`))], sql`, `)
    : null;
  const raw = await tx.execute<Record<string, unknown>>(sql`
    INSERT INTO ${products} (enterprise_id, sku, name, cas, grade, purity_pct, form, packaging, capacity_tpy, available_t, price_cny_per_t, description)
    SELECT ${enterpriseId}::int, x.sku, x.name, x.cas, x.grade, x."purityPct", x.form, x.packaging, x."capacityTpy", x."availableT",
      x."priceCnyPerT", x.description
    FROM jsonb_to_recordset(${json}::jsonb) AS x(
      sku text, name text, cas text, grade grade, "purityPct" numeric, form form, packaging text, "capacityTpy" numeric,
      "availableT" numeric, "priceCnyPerT" numeric, description text)
    ${set ? sql`ON CONFLICT (enterprise_id, sku) DO UPDATE SET ${set}` : sql``}
    RETURNING *, (xmax = 0) AS inserted`);
  const written = raw.map((r) => ({ ...rowOf(r), inserted: r.inserted === true }));
  await recordAudits(tx, actor, written.map(({ inserted, ...row }) => ({
    entity: "product", entityId: row.id, action: inserted ? options.action ?? "create" : options.upsert?.updateAction ?? "update", after: row,
  })));
  await enqueue(tx, "products", written.map((w) => w.id));
  await announceSupply(tx, watch.changes(written), { watching: watch.watching });
  return written;
}

/**
 * Changes a product in the caller's transaction: some of its fields, and/or retires it (it leaves
 * search and the public pages; its owner keeps it) or restores it. The product as it will be is
 * checked whole; the audit entry holds the columns that changed.
 */
export async function updateProductRecord(
  tx: Db, actor: Actor, id: number, change: Partial<ProductRecord> & { retired?: boolean }, options: { action?: string } = {},
): Promise<Row> {
  const [current] = await tx.select().from(products).where(eq(products.id, id)).for("update");
  if (!current) throw notFound(PRODUCT);
  const { retired, ...fields } = change;
  const given = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined) as (keyof ProductFields)[];
  const record = parseRecord(productFields, { ...recordOf(current), ...Object.fromEntries(given.map((k) => [k, fields[k]])) }, PRODUCT);
  if (given.includes("sku") && record.sku !== current.sku) {
    const [clash] = await tx.select({ id: products.id }).from(products)
      .where(and(eq(products.enterpriseId, current.enterpriseId), eq(products.sku, record.sku), ne(products.id, id)));
    if (clash) throw skuTaken(record.sku);
  }
  const all = columns(record);
  const [after] = await tx
    .update(products)
    .set({
      ...Object.fromEntries(given.map((k) => [k, all[k]])),
      ...(retired === undefined ? {} : { retiredAt: retired ? sql`coalesce(${products.retiredAt}, now())` : null }),
      updatedAt: new Date(),
    })
    .where(eq(products.id, id))
    .returning();
  const diff = changedColumns(current, after!, [...FIELDS, "retiredAt"]);
  await recordAudit(tx, actor, { entity: "product", entityId: id, action: options.action ?? "update", before: diff.before, after: diff.after });
  await enqueue(tx, "products", [id]);
  await announceSupply(tx, productChange(current, after!));
  return after!;
}
