import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, parks, products, substances } from "@/db/schema";
import {
  supplierLicenceValidUntil, supplierState, tierOf, type LicenceFact, type SubstanceFlags, type SupplierState, type Tier,
} from "@/server/compliance/compliance";
import { licenceFacts } from "@/server/compliance/licences";
import { substanceView } from "@/server/substances/substance.service";
import { toSimplified, toSimplifiedMemo } from "./simplified";
import { nameKeys } from "./name-key";

/**
 * The `products` index: one document per live catalogue product, enriched from the substance
 * dictionary by CAS so that every Chinese and English name and alias of the substance finds it,
 * and carrying what search needs to filter (park, chains, hazards) and to apply the compliance
 * rules at query time (tier, supplier state, the day the supplier's licence lapses).
 */
export interface ProductDoc {
  id: number;
  enterpriseId: number;
  /** searchable by viewers who see hazardous details only (server/search/indexes.ts) */
  sku: string;
  /** the product's name in Simplified Chinese (a Traditional name is searched as Simplified) */
  name: string;
  /** the name as the catalogue wrote it, when that differs from `name` (shown, with `name`'s highlight mapped onto it) */
  nameShown: string | null;
  /** searchable by viewers who see hazardous details only */
  description: string | null;
  /** `sku` and `description` again for a product that is not hazardous (null for one that is): searchable by everyone */
  publicSku: string | null;
  publicDescription: string | null;
  cas: string | null;
  /** the CAS number without hyphens, so typing it that way finds it too */
  casDigits: string | null;
  grade: string | null;
  form: string | null;
  purityPct: number | null;
  packaging: string | null;
  capacityTpy: number | null;
  availableT: number | null;
  priceCnyPerT: number | null;
  substanceZh: string | null;
  substanceEn: string | null;
  aliases: string[];
  /** the substance's molecular formula in Hill order (filtered on exactly: a formula query finds every isomer) */
  formula: string | null;
  /**
   * The exact forms (`nameKey`) of every name and alias of the product's substance (of its own
   * name, for a product without one): a query whose key is among them names this substance, and
   * finds only its products (server/search/query.ts).
   */
  nameKeys: string[];
  hazardous: boolean;
  highlyToxic: boolean;
  explosivePrecursor: boolean;
  precursorCategory: number | null;
  /** facet values: hazardous, highly_toxic, explosive_precursor, precursor */
  hazards: string[];
  tier: Tier;
  supplierState: SupplierState;
  /** YYYYMMDD: the last day the supplier's licence keeps this controlled listing visible */
  licenceExpiresOn: number | null;
  enterpriseName: string;
  /** the enterprise's English name, when it has one (shown instead of `enterpriseName` in the English UI) */
  enterpriseNameEn: string | null;
  enterpriseUscc: string;
  enterpriseVerified: boolean;
  parkId: number | null;
  parkCode: string | null;
  parkName: string | null;
  inPark: boolean;
  chains: string[];
  /** where the supplier is: equally relevant hits come nearest to the viewer first */
  _geo?: { lat: number; lng: number };
}

/** What a product document is built from: the product, its enterprise and park, its substance. */
export interface ProductSource {
  id: number;
  enterpriseId: number;
  sku: string;
  name: string;
  description: string | null;
  cas: string | null;
  grade: string | null;
  form: string | null;
  purityPct: string | null;
  packaging: string | null;
  capacityTpy: string | null;
  availableT: string | null;
  priceCnyPerT: string | null;
  retiredAt: Date | null;
  enterprise: { name: string; nameEn: string | null; uscc: string; verified: boolean; chains: string[]; lat: string | null; lng: string | null };
  park: { id: number; code: string; name: string } | null;
  substance: (SubstanceFlags & { nameZh: string | null; nameEn: string | null; aliases: string[]; formula: string | null }) | null;
}

/** The marks search puts around highlighted words; removed from indexed text so they stay unambiguous. */
export const HIGHLIGHT_PRE = "\uE000";
export const HIGHLIGHT_POST = "\uE001";
const clean = (text: string | null) => (text === null ? null : text.replace(/[\uE000\uE001]/g, ""));
const simplify = (text: string | null) => (text === null ? null : toSimplified(text));
const simplifyName = (text: string | null) => (text === null ? null : toSimplifiedMemo(text));
const num = (value: string | null) => (value === null ? null : Number(value));

export function hazardValues(flags: SubstanceFlags | null): string[] {
  if (!flags) return [];
  const values: string[] = [];
  if (flags.hazardous) values.push("hazardous");
  if (flags.highlyToxic) values.push("highly_toxic");
  if (flags.explosivePrecursor) values.push("explosive_precursor");
  if (flags.precursorCategory !== null) values.push("precursor");
  return values;
}

export function toProductDocument(source: ProductSource, licences: LicenceFact[], today: string): ProductDoc {
  const s = source.substance;
  const validUntil = supplierLicenceValidUntil(s, licences);
  const tier = tierOf(s);
  const sku = clean(source.sku)!;
  // Chinese text is indexed in Simplified, so a Traditional query (converted the same way) meets it
  const description = simplify(clean(source.description));
  const shown = clean(source.name)!;
  const name = toSimplified(shown);
  const aliases = [...new Set((s?.aliases ?? []).map((a) => toSimplifiedMemo(clean(a)!)))];
  const substanceZh = simplifyName(clean(s?.nameZh ?? null));
  const substanceEn = clean(s?.nameEn ?? null);
  return {
    id: source.id,
    enterpriseId: source.enterpriseId,
    sku,
    name,
    nameShown: name === shown ? null : shown,
    description,
    // a hazardous product's own text may identify its supplier: it stays out of the public copies
    publicSku: tier === "none" ? sku : null,
    publicDescription: tier === "none" ? description : null,
    cas: source.cas,
    casDigits: source.cas?.replace(/-/g, "") ?? null,
    grade: source.grade,
    form: source.form,
    purityPct: num(source.purityPct),
    packaging: clean(source.packaging),
    capacityTpy: num(source.capacityTpy),
    availableT: num(source.availableT),
    priceCnyPerT: num(source.priceCnyPerT),
    substanceZh,
    substanceEn,
    aliases,
    formula: s?.formula ?? null,
    // a product of a substance is named by its substance's names only: its own name is one supplier's
    // wording, and as a key it would find that product without the substance's other products
    nameKeys: nameKeys(s ? [substanceZh, substanceEn, ...aliases] : [name]),
    hazardous: s?.hazardous ?? false,
    highlyToxic: s?.highlyToxic ?? false,
    explosivePrecursor: s?.explosivePrecursor ?? false,
    precursorCategory: s?.precursorCategory ?? null,
    hazards: hazardValues(s),
    tier,
    supplierState: supplierState(s, licences, today),
    licenceExpiresOn: validUntil ? Number(validUntil.replace(/-/g, "")) : null,
    enterpriseName: source.enterprise.name,
    enterpriseNameEn: clean(source.enterprise.nameEn)?.trim() || null,
    enterpriseUscc: source.enterprise.uscc,
    enterpriseVerified: source.enterprise.verified,
    parkId: source.park?.id ?? null,
    parkCode: source.park?.code ?? null,
    parkName: source.park?.name ?? null,
    inPark: source.park !== null,
    chains: source.enterprise.chains,
    ...(source.enterprise.lat !== null && source.enterprise.lng !== null
      ? { _geo: { lat: Number(source.enterprise.lat), lng: Number(source.enterprise.lng) } }
      : {}),
  };
}

const sourceColumns = {
  id: products.id,
  enterpriseId: products.enterpriseId,
  sku: products.sku,
  name: products.name,
  description: products.description,
  cas: products.cas,
  grade: products.grade,
  form: products.form,
  purityPct: products.purityPct,
  packaging: products.packaging,
  capacityTpy: products.capacityTpy,
  availableT: products.availableT,
  priceCnyPerT: products.priceCnyPerT,
  retiredAt: products.retiredAt,
  enterprise: {
    name: enterprises.name,
    nameEn: enterprises.nameEn,
    uscc: enterprises.uscc,
    verified: sql<boolean>`${enterprises.verifiedAt} IS NOT NULL`,
    chains: enterprises.chains,
    lat: enterprises.lat,
    lng: enterprises.lng,
  },
  parkId: parks.id,
  parkCode: parks.code,
  parkName: parks.name,
  substanceCas: substances.cas,
  substanceZh: substanceView.nameZh,
  substanceEn: substanceView.nameEn,
  aliases: substanceView.aliases,
  formula: substances.formula,
  hazardous: substances.hazardous,
  highlyToxic: substances.highlyToxic,
  explosivePrecursor: substances.explosivePrecursor,
  precursorCategory: substances.precursorCategory,
};

function sourceQuery(db: Db) {
  return db
    .select(sourceColumns)
    .from(products)
    .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
    .leftJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(substances, eq(substances.cas, products.cas));
}

type SourceRow = Awaited<ReturnType<typeof sourceQuery>>[number];

function toSource(r: SourceRow): ProductSource {
  return {
    id: r.id, enterpriseId: r.enterpriseId, sku: r.sku, name: r.name, description: r.description, cas: r.cas,
    grade: r.grade, form: r.form, purityPct: r.purityPct, packaging: r.packaging, capacityTpy: r.capacityTpy,
    availableT: r.availableT, priceCnyPerT: r.priceCnyPerT, retiredAt: r.retiredAt, enterprise: r.enterprise,
    park: r.parkId === null ? null : { id: r.parkId, code: r.parkCode!, name: r.parkName! },
    substance: r.substanceCas === null ? null : {
      nameZh: r.substanceZh, nameEn: r.substanceEn, aliases: r.aliases, formula: r.formula, hazardous: r.hazardous!, highlyToxic: r.highlyToxic!,
      explosivePrecursor: r.explosivePrecursor!, precursorCategory: r.precursorCategory,
    },
  };
}

/** The products with these ids (retired ones included, so the caller can take them out of the index). */
export async function loadProductSources(db: Db, ids: number[]): Promise<ProductSource[]> {
  if (ids.length === 0) return [];
  const rows = await sourceQuery(db).where(inArray(products.id, ids));
  return rows.map(toSource);
}

/** Every live product in id order, a page at a time (for `reindex`). */
export async function* allProductSources(db: Db, pageSize = 5000): AsyncGenerator<ProductSource[]> {
  let after = 0;
  for (;;) {
    const rows = await sourceQuery(db)
      .where(sql`${gt(products.id, after)} AND ${products.retiredAt} IS NULL`)
      .orderBy(asc(products.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    yield rows.map(toSource);
  }
}

/** Documents for these sources: the live ones, and the ids to take out of the index. */
export async function productDocuments(db: Db, sources: ProductSource[], today: string) {
  const live = sources.filter((s) => s.retiredAt === null);
  const controlled = live.filter((s) => tierOf(s.substance) === "controlled").map((s) => s.enterpriseId);
  const licences = await licenceFacts(db, [...new Set(controlled)]);
  return {
    docs: live.map((s) => toProductDocument(s, licences.get(s.enterpriseId) ?? [], today)),
    retired: sources.filter((s) => s.retiredAt !== null).map((s) => s.id),
  };
}
