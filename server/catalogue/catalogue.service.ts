import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, MAX_DOCUMENT_BYTES, parks, productDocuments, products, substances } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import {
  supplierLicenceValidUntil, supplierState, tierOf, todayInChina, type SubstanceFlags,
} from "@/server/compliance/compliance";
import { licenceFacts } from "@/server/compliance/licences";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { substanceView } from "@/server/substances/substance.service";
import type { CreateProductInput, ListCatalogueInput, UpdateProductInput, UploadDocumentInput } from "./catalogue.schemas";
import { findEnterprise } from "@/server/enterprises/find-enterprise";
import { insertProducts, updateProductRecord } from "./write-product";

/**
 * An enterprise's product catalogue: its own view (every product, retired ones too, with the
 * compliance state that decides whether buyers see it), the public product page, and the writes.
 * Every write announces the product on the outbox in its transaction, for search and matching.
 */

const PRODUCT = { zh: "产品", en: "Product" };
const DOCUMENT = { zh: "文档", en: "Document" };


const flagsOf = (s: { hazardous: boolean | null; highlyToxic: boolean | null; explosivePrecursor: boolean | null; precursorCategory: number | null; cas: string | null } | null): SubstanceFlags | null =>
  !s?.cas ? null : { hazardous: Boolean(s.hazardous), highlyToxic: Boolean(s.highlyToxic), explosivePrecursor: Boolean(s.explosivePrecursor), precursorCategory: s.precursorCategory };

const listColumns = {
  id: products.id, sku: products.sku, name: products.name, cas: products.cas, grade: products.grade, purityPct: products.purityPct,
  form: products.form, packaging: products.packaging, capacityTpy: products.capacityTpy, availableT: products.availableT,
  priceCnyPerT: products.priceCnyPerT, retiredAt: products.retiredAt, updatedAt: products.updatedAt,
  substance: {
    cas: substances.cas, nameZh: substanceView.nameZh, nameEn: substanceView.nameEn, hazardous: substances.hazardous,
    highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory,
  },
  documents: sql<number>`(SELECT count(*)::int FROM ${productDocuments} WHERE ${productDocuments.productId} = ${products.id})`,
};

/** The enterprise's own catalogue: active or retired products, searchable by name, sku or CAS, paged. */
export async function listCatalogue(db: Db, actor: Actor, input: ListCatalogueInput) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  const scope = { enterpriseId: enterprise.id, parkId: enterprise.parkId };
  authorize(actor, { type: "catalogue.view", ...scope });

  const filters: SQL[] = [eq(products.enterpriseId, enterprise.id)];
  filters.push(input.status === "retired" ? isNotNull(products.retiredAt) : isNull(products.retiredAt));
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, "\\$&")}%`;
    filters.push(or(ilike(products.name, like), ilike(products.sku, like), ilike(products.cas, like))!);
  }
  const where = and(...filters);
  const [rows, [total], [counts], licences] = await Promise.all([
    db
      .select(listColumns)
      .from(products)
      .leftJoin(substances, eq(substances.cas, products.cas))
      .where(where)
      .orderBy(asc(products.sku))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(products).where(where),
    db
      .select({
        active: sql<number>`count(*) FILTER (WHERE ${products.retiredAt} IS NULL)::int`,
        retired: sql<number>`count(*) FILTER (WHERE ${products.retiredAt} IS NOT NULL)::int`,
      })
      .from(products)
      .where(eq(products.enterpriseId, enterprise.id)),
    licenceFacts(db, [enterprise.id]),
  ]);
  const own = licences.get(enterprise.id) ?? [];
  const today = todayInChina();

  // controlled products whose supplier licence keeps them from buyers, or is not on file yet
  const controlled = await db
    .select({ cas: products.cas, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory })
    .from(products)
    .innerJoin(substances, eq(substances.cas, products.cas))
    .where(and(
      eq(products.enterpriseId, enterprise.id), isNull(products.retiredAt),
      sql`(${substances.highlyToxic} OR ${substances.explosivePrecursor} OR ${substances.precursorCategory} IS NOT NULL)`,
    ));
  const states = controlled.map((c) => supplierState(flagsOf(c), own, today));

  return {
    enterprise: { id: enterprise.id, name: enterprise.name, nameEn: enterprise.nameEn },
    items: rows.map(({ substance, ...p }) => {
      const flags = flagsOf(substance);
      return {
        ...p,
        substance: substance?.cas ? { nameZh: substance.nameZh, nameEn: substance.nameEn, ...flags! } : null,
        tier: tierOf(flags),
        supplierState: supplierState(flags, own, today),
        licenceValidUntil: supplierLicenceValidUntil(flags, own),
      };
    }),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    counts: {
      active: counts?.active ?? 0,
      retired: counts?.retired ?? 0,
      blocked: states.filter((s) => s === "blocked").length,
      licenceMissing: states.filter((s) => s === "licence_missing").length,
    },
    allowed: { edit: can(actor, { type: "catalogue.edit", ...scope }) },
  };
}

/**
 * Loads a product with what decides who sees what of it: its enterprise, its substance's flags,
 * the supplier's licence state today, and whether the actor is its owner (the enterprise's members
 * and its park's staff see everything of their own catalogue).
 */
async function productContext(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({
      product: products,
      enterprise: { id: enterprises.id, name: enterprises.name, nameEn: enterprises.nameEn, uscc: enterprises.uscc, parkId: enterprises.parkId, verified: sql<boolean>`${enterprises.verifiedAt} IS NOT NULL` },
      park: { id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn },
      substance: {
        cas: substances.cas, nameZh: substanceView.nameZh, nameEn: substanceView.nameEn, aliases: substanceView.aliases,
        formula: substances.formula, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor,
        precursorCategory: substances.precursorCategory,
      },
    })
    .from(products)
    .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
    .leftJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(substances, eq(substances.cas, products.cas))
    .where(eq(products.id, id));
  if (!row) throw notFound(PRODUCT);
  const scope = { enterpriseId: row.enterprise.id, parkId: row.enterprise.parkId };
  const owner = can(actor, { type: "catalogue.view", ...scope });
  const flags = flagsOf(row.substance);
  const tier = tierOf(flags);
  const licences = tier === "controlled" ? (await licenceFacts(db, [row.enterprise.id])).get(row.enterprise.id) ?? [] : [];
  const state = supplierState(flags, licences, todayInChina());
  // retired products, and controlled ones whose supplier licence has lapsed, are hidden from everyone but their owner
  if (!owner && (row.product.retiredAt !== null || state === "blocked")) throw notFound(PRODUCT);
  const seesDetails = owner || tier === "none" || can(actor, { type: "hazardous.viewDetails", enterpriseId: row.enterprise.id });
  return { ...row, scope, owner, flags, tier, licences, state, seesDetails };
}

/**
 * The product page: specs, substance names and hazard flags for everyone; supplier, quantities,
 * prices and documents of a hazardous product only for those the compliance rules allow.
 */
export async function getProduct(db: Db, actor: Actor, id: number) {
  const ctx = await productContext(db, actor, id);
  const p = ctx.product;
  const documents = ctx.seesDetails
    ? await db
        .select({ id: productDocuments.id, kind: productDocuments.kind, filename: productDocuments.filename, sizeBytes: productDocuments.sizeBytes, createdAt: productDocuments.createdAt })
        .from(productDocuments)
        .where(eq(productDocuments.productId, id))
        .orderBy(asc(productDocuments.kind), desc(productDocuments.createdAt))
    : [];
  const hidden = !ctx.seesDetails;
  return {
    id: p.id,
    sku: ctx.owner ? p.sku : null,
    name: p.name,
    cas: p.cas,
    grade: p.grade,
    purityPct: p.purityPct,
    form: p.form,
    description: hidden ? null : p.description,
    packaging: hidden ? null : p.packaging,
    capacityTpy: hidden ? null : p.capacityTpy,
    availableT: hidden ? null : p.availableT,
    priceCnyPerT: hidden ? null : p.priceCnyPerT,
    retired: p.retiredAt !== null,
    updatedAt: p.updatedAt,
    substance: ctx.substance?.cas ? { cas: ctx.substance.cas, nameZh: ctx.substance.nameZh, nameEn: ctx.substance.nameEn, aliases: ctx.substance.aliases, formula: ctx.substance.formula, ...ctx.flags! } : null,
    tier: ctx.tier,
    /** `licence_missing` is shown with a warning; `blocked` only ever reaches the owner */
    supplierState: ctx.state,
    licenceValidUntil: ctx.owner ? supplierLicenceValidUntil(ctx.flags, ctx.licences) : null,
    enterprise: hidden ? null : ctx.enterprise,
    park: hidden || !ctx.park?.id ? null : ctx.park,
    documents,
    /** true when the compliance rules keep the supplier, quantities and prices from this viewer */
    restricted: hidden,
    allowed: {
      edit: can(actor, { type: "catalogue.edit", ...ctx.scope }),
      manage: ctx.owner,
      /** a member of another enterprise may send an inquiry about it (the inquiry checks compliance) */
      inquire: !p.retiredAt && actor.enterprises.some(
        (e) => e.enterpriseId !== ctx.scope.enterpriseId && can(actor, { type: "inquiry.create", enterpriseId: e.enterpriseId }),
      ),
    },
  };
}

async function productScope(db: Db, id: number) {
  const [row] = await db
    .select({ id: products.id, enterpriseId: products.enterpriseId, parkId: enterprises.parkId, sku: products.sku, retiredAt: products.retiredAt })
    .from(products)
    .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
    .where(eq(products.id, id));
  if (!row) throw notFound(PRODUCT);
  return row;
}

export async function createProduct(db: Db, actor: Actor, input: CreateProductInput) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "catalogue.edit", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const { enterpriseId: _, ...fields } = input;
  return db.transaction(async (tx) => {
    const [created] = await insertProducts(tx, actor, enterprise.id, [fields]);
    const { inserted: _inserted, ...row } = created!;
    return row;
  });
}

export async function updateProduct(db: Db, actor: Actor, input: UpdateProductInput) {
  const scope = await productScope(db, input.id);
  authorize(actor, { type: "catalogue.edit", enterpriseId: scope.enterpriseId, parkId: scope.parkId });
  const { id, ...fields } = input;
  return db.transaction((tx) => updateProductRecord(tx, actor, id, fields, { action: "update" }));
}

/** Retires a product (it leaves search and the public pages; its owner keeps it) or restores it. */
export async function setProductRetired(db: Db, actor: Actor, input: { id: number; retired: boolean }) {
  const scope = await productScope(db, input.id);
  authorize(actor, { type: "catalogue.edit", enterpriseId: scope.enterpriseId, parkId: scope.parkId });
  return db.transaction(async (tx) => {
    const after = await updateProductRecord(tx, actor, input.id, { retired: input.retired }, { action: input.retired ? "retire" : "restore" });
    return { id: after.id, retiredAt: after.retiredAt };
  });
}

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString("latin1") === "%PDF-";

/** Attaches a TDS, SDS or other PDF to a product (kept in PostgreSQL, size-limited). */
export async function uploadDocument(db: Db, actor: Actor, input: UploadDocumentInput) {
  const scope = await productScope(db, input.productId);
  authorize(actor, { type: "catalogue.edit", enterpriseId: scope.enterpriseId, parkId: scope.parkId });
  const bytes = Buffer.from(input.content, "base64");
  if (bytes.length === 0 || !isPdf(bytes)) {
    throw new AppError("INVALID", { zh: "文件不是 PDF", en: "The file is not a PDF" }, { field: "content" });
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    const mb = MAX_DOCUMENT_BYTES / 1024 / 1024;
    throw new AppError("INVALID", { zh: `文件超过 ${mb} MB`, en: `The file is larger than ${mb} MB` }, { field: "content" });
  }
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(productDocuments)
      .values({ productId: scope.id, kind: input.kind, filename: input.filename, content: bytes, sizeBytes: bytes.length, uploadedBy: actor.userId })
      .returning({ id: productDocuments.id, kind: productDocuments.kind, filename: productDocuments.filename, sizeBytes: productDocuments.sizeBytes });
    await enqueue(tx, "products", [scope.id]);
    await recordAudit(tx, actor, { entity: "product_document", entityId: created!.id, action: "upload", after: { productId: scope.id, kind: input.kind, filename: input.filename, sizeBytes: bytes.length } });
    return created!;
  });
}

export async function deleteDocument(db: Db, actor: Actor, input: { id: number }) {
  const [doc] = await db.select({ id: productDocuments.id, productId: productDocuments.productId, filename: productDocuments.filename }).from(productDocuments).where(eq(productDocuments.id, input.id));
  if (!doc) throw notFound(DOCUMENT);
  const scope = await productScope(db, doc.productId);
  authorize(actor, { type: "catalogue.edit", enterpriseId: scope.enterpriseId, parkId: scope.parkId });
  return db.transaction(async (tx) => {
    await tx.delete(productDocuments).where(eq(productDocuments.id, doc.id));
    await enqueue(tx, "products", [doc.productId]);
    await recordAudit(tx, actor, { entity: "product_document", entityId: doc.id, action: "delete", before: { productId: doc.productId, filename: doc.filename } });
    return { id: doc.id };
  });
}

/** A document's bytes, for whoever may see the product's details. */
export async function readDocument(db: Db, actor: Actor, id: number) {
  const [doc] = await db.select().from(productDocuments).where(eq(productDocuments.id, id));
  if (!doc) throw notFound(DOCUMENT);
  const ctx = await productContext(db, actor, doc.productId);
  // a hazardous product's documents go with its details: the policy refuses (sign in, or forbidden)
  if (!ctx.seesDetails) authorize(actor, { type: "hazardous.viewDetails", enterpriseId: ctx.scope.enterpriseId });
  return { filename: doc.filename, kind: doc.kind, content: doc.content, sizeBytes: doc.sizeBytes };
}
