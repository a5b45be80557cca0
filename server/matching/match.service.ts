import { and, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { signedSql } from "@/server/agreements/signed";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { byproducts, demands, enterprises, matches, parks, products, substances, supplyOffers } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { matchCompliance, supplierState, tierOf, todayInChina, type ComplianceState, type SubstanceFlags } from "@/server/compliance/compliance";
import { licenceFacts } from "@/server/compliance/licences";
import { trustSignals } from "@/server/enterprises/trust";
import { AppError, notFound } from "@/server/errors";
import { inBothLanguages } from "@/i18n";
import { demandIsOpen, effectiveOfferStatus } from "@/server/listings/expiry";
import { loadSubstances, rankCandidates } from "./candidates";
import { reasonsOfHiddenCounterpart, type Grade, type Reason } from "./score";
import type { BuyersInput, ExploreInput, SuppliersInput } from "./match.schemas";
import { textArray } from "./sql-arrays";

const MATCH = { zh: "匹配", en: "Match" };
const supplier = alias(enterprises, "supplier");
const supplierPark = alias(parks, "supplier_park");
const buyer = alias(enterprises, "buyer");
const buyerPark = alias(parks, "buyer_park");
const candidateSubstance = alias(substances, "candidate_substance");
const demandSubstance = alias(substances, "demand_substance");
/** The dictionary's English name of a substance row (the curated one first), as `substanceView` reads it. */
const englishOf = (s: { curatedNameEn: AnyPgColumn; nameEn: AnyPgColumn }) => sql<string | null>`coalesce(${s.curatedNameEn}, ${s.nameEn})`;

/** Reason codes that put a candidate below, or in doubt about, the demanded grade or purity. */
const NOT_FITTING = ["grade_below", "purity_below", "grade_unknown", "purity_unknown"];
const fitsOnly = sql`NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${matches.reasons}) r WHERE r->>'code' = ANY(${textArray(NOT_FITTING)}))`;

const num = (v: string | null) => (v === null ? null : Number(v));
const flagsOf = (s: SubstanceFlags | undefined | null): SubstanceFlags | null =>
  s ? { hazardous: s.hazardous, highlyToxic: s.highlyToxic, explosivePrecursor: s.explosivePrecursor, precursorCategory: s.precursorCategory } : null;

/** Whether the actor may see who trades a substance with these flags (the policy decides; `enterpriseId`: that enterprise). */
const seesTrader = (actor: Actor, flags: SubstanceFlags | null, enterpriseId?: number) =>
  tierOf(flags) === "none" || can(actor, { type: "hazardous.viewDetails", enterpriseId });

/** Any hazardous or controlled substance (the SQL twin of `tierOf(...) !== "none"`), by its CAS column. */
const hazardousCas = (cas: SQL | typeof demands.cas) =>
  sql`EXISTS (SELECT 1 FROM substance s WHERE s.cas = ${cas} AND (s.hazardous OR s.highly_toxic OR s.explosive_precursor OR s.precursor_category IS NOT NULL))`;

const SEVERITY: Record<ComplianceState, number> = { ok: 0, needs_licence: 1, blocked: 2 };

/**
 * The compliance state of stored matches as of today. A licence that lapses announces no change,
 * so a stored state may be older than the date: the worse of the stored state and today's one
 * counts. A state that improved (a licence recorded or verified) reaches the stored matches
 * through the worker, as every change does.
 */
async function liveCompliance(
  db: Db,
  rows: Array<{ match: { compliance: ComplianceState; supplierEnterpriseId: number }; product: { cas: string | null } | null; byproduct: { cas: string | null } | null }>,
  buyerId: number,
  demandCas: string | null,
  today: string,
): Promise<ComplianceState[]> {
  if (rows.length === 0) return [];
  const casOf = (r: (typeof rows)[number]) => r.product?.cas ?? r.byproduct?.cas ?? null;
  const cases = [...new Set([demandCas, ...rows.map(casOf)].filter((c): c is string => c !== null))];
  const [substances, facts] = await Promise.all([
    loadSubstances(db, cases),
    licenceFacts(db, [buyerId, ...rows.map((r) => r.match.supplierEnterpriseId)]),
  ]);
  return rows.map((r) => {
    // the substance the refresh judged by: the demand's when the dictionary knows it, else the candidate's
    const cas = casOf(r);
    const flags = flagsOf((demandCas ? substances.get(demandCas) : undefined) ?? (cas ? substances.get(cas) : undefined));
    const now = matchCompliance(flags, facts.get(r.match.supplierEnterpriseId) ?? [], facts.get(buyerId) ?? [], today).state;
    return SEVERITY[now] > SEVERITY[r.match.compliance] ? now : r.match.compliance;
  });
}

/** Why a buyer cannot contact a supplier yet, or null when it may. */
function contactBlocker(compliance: "ok" | "needs_licence" | "blocked", status: string, reasons: Reason[]) {
  if (status === "contacted" || status === "converted") return null;
  if (compliance === "needs_licence") {
    const need = reasons.find((r) => r.code === "buyer_licence_needed");
    return {
      zh: `${need?.zh ?? "需买方备案相应许可证"}，经园区审核后才能询价`,
      en: `${need?.en ?? "Needs the buyer's licence on file"}; inquiries open once park staff have verified it`,
    };
  }
  return null;
}

/**
 * "Suppliers for my demand": the demand's ranked candidates with their reasons, for the buyer and
 * its park's staff. A read: it writes nothing. The suggestions are the stored ones, which the
 * background worker keeps up to date on every change (server/matching/handlers.ts; a posted or
 * edited demand gets its own at once); what changes with the date alone is checked here: a
 * licence that lapsed since the last refresh makes a candidate `blocked` (or `needs_licence` on
 * the buyer's side) at once, and an offer past its date is no longer shown. A candidate whose
 * supplier licence has expired (`blocked`) is never shown to buyers. For a hazardous substance, a
 * viewer who may not see regulated details (DESIGN.md, "Compliance") sees that a supplier exists,
 * not who it is, its quantities or prices.
 *
 * By-products and waste streams are kept apart (`byproducts`, the "可利用副产品" section, not paged):
 * they are candidates only when the buyer accepts by-products, and never ranked among the
 * suppliers of the product.
 */
export async function suppliersForDemand(db: Db, actor: Actor, input: SuppliersInput) {
  const [demand] = await db
    .select({ demand: demands, parkId: enterprises.parkId })
    .from(demands)
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .where(eq(demands.id, input.demandId));
  if (!demand) throw notFound({ zh: "采购需求", en: "Demand" });
  const buyerId = demand.demand.enterpriseId;
  authorize(actor, { type: "listing.view", enterpriseId: buyerId, parkId: demand.parkId });
  const today = todayInChina();

  const substance = demand.demand.cas ? (await loadSubstances(db, [demand.demand.cas])).get(demand.demand.cas) : undefined;
  const flags = flagsOf(substance);
  const redact = !seesTrader(actor, flags);

  const filters: SQL[] = [eq(matches.demandId, input.demandId), sql`${matches.compliance} <> 'blocked'`];
  filters.push(input.show === "dismissed" ? eq(matches.status, "dismissed") : sql`${matches.status} <> 'dismissed'`);
  // where a hidden supplier is may not be asked either: none of them is in the park for this viewer
  if (input.inPark) filters.push(redact ? sql`false` : sql`${supplier.parkId} IS NOT NULL AND ${supplier.parkId} = ${demand.parkId ?? -1}::int`);
  if (input.fits) filters.push(fitsOnly);
  const where = and(...filters);

  // all of the demand's stored matches (at most STORED_PER_DEMAND suggestions, and those contacted
  // or dismissed), so that the live licence check below can filter before paging
  const matched = await db
    .select({
      match: matches,
      supplier: { id: supplier.id, name: supplier.name, nameEn: supplier.nameEn, uscc: supplier.uscc, verified: sql<boolean>`${supplier.verifiedAt} IS NOT NULL` },
      park: { id: supplierPark.id, code: supplierPark.code, name: supplierPark.name, nameEn: supplierPark.nameEn },
      candidateEn: englishOf(candidateSubstance),
      product: {
        id: products.id, name: products.name, cas: products.cas, grade: products.grade, purityPct: products.purityPct,
        availableT: products.availableT, capacityTpy: products.capacityTpy, priceCnyPerT: products.priceCnyPerT,
      },
      offer: { id: supplyOffers.id, quantity: supplyOffers.quantity, unit: supplyOffers.unit, priceCnyPerUnit: supplyOffers.priceCnyPerUnit, validUntil: supplyOffers.validUntil },
      byproduct: { id: byproducts.id, name: byproducts.name, cas: byproducts.cas, wasteCode: byproducts.wasteCode, monthlyVolumeT: byproducts.monthlyVolumeT },
    })
    .from(matches)
    .innerJoin(supplier, eq(supplier.id, matches.supplierEnterpriseId))
    .leftJoin(supplierPark, eq(supplierPark.id, supplier.parkId))
    .leftJoin(products, eq(products.id, matches.productId))
    // an offer past its date until the sweep expires it, or closed: the product without it
    .leftJoin(supplyOffers, and(eq(supplyOffers.id, matches.offerId), sql`${effectiveOfferStatus(today)} = 'open'`))
    .leftJoin(byproducts, eq(byproducts.id, matches.byproductId))
    .leftJoin(candidateSubstance, eq(candidateSubstance.cas, sql`coalesce(${products.cas}, ${byproducts.cas})`))
    .where(where)
    .orderBy(desc(matches.score), matches.id);
  const live = await liveCompliance(db, matched, buyerId, demand.demand.cas, today);
  const shown = matched
    .map((r, i) => ({ ...r, compliance: live[i]! }))
    .filter((r) => r.compliance !== "blocked" && (!input.state || r.compliance === input.state));
  const productRows = shown.filter((r) => r.byproduct?.id == null);
  const acceptsByproducts = demand.demand.acceptsByproducts;
  const byproductRows = acceptsByproducts ? shown.filter((r) => r.byproduct?.id != null) : [];
  const total = productRows.length;
  const rows = productRows.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const manage = can(actor, { type: "demand.manage", enterpriseId: buyerId });
  const dismiss = can(actor, { type: "match.dismiss", enterpriseId: buyerId });
  const open = demand.demand.status === "open" && (demand.demand.expiresOn === null || demand.demand.expiresOn >= today);

  const itemOf = (r: (typeof shown)[number], rank: number) => {
    // the buyer's own enterprise may also be the supplier's: then it sees its own listing
    const redact = !seesTrader(actor, flags, r.supplier.id);
    const stored = r.match.reasons as Reason[];
    const reasons = redact ? reasonsOfHiddenCounterpart(stored) : stored;
    const blocker = contactBlocker(r.compliance, r.match.status, stored);
    const perTonne = r.offer?.unit === "kg" ? 1000 : 1;
    const isByproduct = r.byproduct?.id != null;
    return {
      id: r.match.id,
      rank,
      /** null when the supplier is hidden: the score carries same park, quantity, distance and track record */
      score: redact ? null : Number(r.match.score),
      reasons,
      compliance: r.compliance,
      status: r.match.status,
      supplier: redact ? null : { ...r.supplier, park: r.park?.id ? r.park : null, inPark: r.park?.id != null && r.park.id === demand.parkId },
      inPark: redact ? null : r.park?.id != null && r.park.id === demand.parkId,
      candidate: {
        kind: isByproduct ? ("byproduct" as const) : ("product" as const),
        productId: r.product?.id ?? null,
        byproductId: r.byproduct?.id ?? null,
        name: (isByproduct ? r.byproduct?.name : r.product?.name) ?? "",
        cas: (isByproduct ? r.byproduct?.cas : r.product?.cas) ?? null,
        /** the dictionary's English name of the candidate's CAS (null when it has none) */
        substanceEn: r.candidateEn,
        grade: (r.product?.grade ?? null) as Grade | null,
        purityPct: num(r.product?.purityPct ?? null),
        wasteCode: r.byproduct?.wasteCode ?? null,
        availableT: redact ? null : r.offer?.id ? Number(r.offer.quantity) / perTonne : isByproduct ? num(r.byproduct!.monthlyVolumeT) : num(r.product?.availableT ?? null),
        priceCnyPerT: redact ? null : r.offer?.priceCnyPerUnit != null ? Number(r.offer.priceCnyPerUnit) * perTonne : num(r.product?.priceCnyPerT ?? null),
        offerValidUntil: redact ? null : r.offer?.validUntil ?? null,
      },
      contact: {
        /** the inquiry form of the deals module; only for `ok` matches the actor may act on */
        href: open && manage && !redact && r.compliance === "ok" && r.match.status === "suggested" ? `/inquiries/new?match=${r.match.id}` : null,
        blocked: blocker,
      },
      allowed: { dismiss: dismiss && (r.match.status === "suggested" || r.match.status === "dismissed") },
    };
  };
  const items = rows.map((r, i) => itemOf(r, (input.page - 1) * input.pageSize + i + 1));
  const byproductItems = byproductRows.map((r, i) => itemOf(r, i + 1));
  // the trust signals of the shown suppliers (never of a hidden one), for the page in one statement
  const trust = await trustSignals(db, [...items, ...byproductItems].flatMap((m) => (m.supplier ? [m.supplier.id] : [])));
  const withTrust = (m: (typeof items)[number]) => ({ ...m, supplier: m.supplier ? { ...m.supplier, trust: trust.get(m.supplier.id) ?? null } : null });
  return { items: items.map(withTrust), total, byproducts: byproductItems.map(withTrust), acceptsByproducts, page: input.page, pageSize: input.pageSize, flags, redacted: redact, open };
}

/** Dismisses a suggestion (hidden from the list), or brings a dismissed one back. */
export async function setMatchDismissed(db: Db, actor: Actor, input: { id: number; dismissed: boolean }) {
  const [row] = await db
    .select({ match: matches, buyerId: demands.enterpriseId })
    .from(matches)
    .innerJoin(demands, eq(demands.id, matches.demandId))
    .where(eq(matches.id, input.id));
  if (!row) throw notFound(MATCH);
  authorize(actor, { type: "match.dismiss", enterpriseId: row.buyerId });
  const from = input.dismissed ? "suggested" : "dismissed";
  if (row.match.status !== from) {
    throw new AppError("CONFLICT", {
      zh: input.dismissed ? "只能忽略尚未联系的推荐" : "该推荐未被忽略",
      en: input.dismissed ? "Only a suggestion not yet contacted can be dismissed" : "This suggestion is not dismissed",
    });
  }
  const [after] = await db
    .update(matches)
    .set({ status: input.dismissed ? "dismissed" : "suggested" })
    .where(eq(matches.id, input.id))
    .returning({ id: matches.id, status: matches.status });
  return after!;
}

/**
 * "Buyers for my product": open demands matched to an enterprise's products, offers and
 * by-products, best first. The owner also sees matches hidden from buyers (`blocked`) with the
 * reason, so it knows to renew its licence.
 */
export async function buyersForSupplier(db: Db, actor: Actor, input: BuyersInput) {
  const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.id, input.enterpriseId));
  if (!enterprise) throw notFound({ zh: "企业", en: "Enterprise" });
  authorize(actor, { type: "listing.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const today = todayInChina();
  const filters: SQL[] = [eq(matches.supplierEnterpriseId, enterprise.id), demandIsOpen(today), sql`${matches.status} <> 'dismissed'`];
  if (input.productId) filters.push(eq(matches.productId, input.productId));
  if (input.byproductId) filters.push(eq(matches.byproductId, input.byproductId));
  if (input.inPark) {
    filters.push(sql`${buyer.parkId} IS NOT NULL AND ${buyer.parkId} = ${enterprise.parkId ?? -1}::int`);
    // where a hidden buyer is may not be asked either: for this viewer none of them is in the park
    if (!can(actor, { type: "hazardous.viewDetails" })) filters.push(sql`NOT ${hazardousCas(demands.cas)}`);
  }
  if (input.state) filters.push(eq(matches.compliance, input.state));
  const where = and(...filters);

  const [rows, [total], mine] = await Promise.all([
    db
      .select({
        match: matches,
        demand: {
          id: demands.id, substanceName: demands.substanceName, cas: demands.cas, substanceEn: englishOf(demandSubstance), quantity: demands.quantity, unit: demands.unit,
          grade: demands.grade, minPurityPct: demands.minPurityPct, deliveryFrom: demands.deliveryFrom, deliveryTo: demands.deliveryTo,
          targetPriceCnyPerUnit: demands.targetPriceCnyPerUnit, recurrence: demands.recurrence, expiresOn: demands.expiresOn, place: demands.place,
        },
        buyer: { id: buyer.id, name: buyer.name, nameEn: buyer.nameEn, parkId: buyer.parkId },
        park: { name: buyerPark.name, nameEn: buyerPark.nameEn },
        productName: products.name,
        byproductName: byproducts.name,
        supplyEn: englishOf(candidateSubstance),
      })
      .from(matches)
      .innerJoin(demands, eq(demands.id, matches.demandId))
      .innerJoin(buyer, eq(buyer.id, demands.enterpriseId))
      .leftJoin(buyerPark, eq(buyerPark.id, buyer.parkId))
      .leftJoin(products, eq(products.id, matches.productId))
      .leftJoin(byproducts, eq(byproducts.id, matches.byproductId))
      .leftJoin(demandSubstance, eq(demandSubstance.cas, demands.cas))
      .leftJoin(candidateSubstance, eq(candidateSubstance.cas, sql`coalesce(${products.cas}, ${byproducts.cas})`))
      .where(where)
      .orderBy(desc(matches.score), matches.id)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(matches).innerJoin(demands, eq(demands.id, matches.demandId)).innerJoin(buyer, eq(buyer.id, demands.enterpriseId)).where(where),
    db.execute<{ kind: "product" | "byproduct"; id: number; name: string; substanceEn: string | null; n: number }>(sql`
      SELECT CASE WHEN m.product_id IS NOT NULL THEN 'product' ELSE 'byproduct' END AS kind,
             coalesce(m.product_id, m.byproduct_id) AS id, coalesce(p.name, b.name) AS name,
             coalesce(s.curated_name_en, s.name_en) AS "substanceEn", count(*)::int AS n
      FROM match m JOIN demand d ON d.id = m.demand_id
      LEFT JOIN product p ON p.id = m.product_id LEFT JOIN byproduct b ON b.id = m.byproduct_id
      LEFT JOIN substance s ON s.cas = coalesce(p.cas, b.cas)
      WHERE m.supplier_enterprise_id = ${enterprise.id} AND m.status <> 'dismissed'
        AND d.status = 'open' AND (d.expires_on IS NULL OR d.expires_on >= ${today}::date)
      GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 3`),
  ]);
  const [substances, facts] = await Promise.all([
    loadSubstances(db, rows.map((r) => r.demand.cas).filter((c): c is string => c !== null)),
    licenceFacts(db, [enterprise.id]),
  ]);
  const items = rows.map((r) => {
    const flags = flagsOf(r.demand.cas ? substances.get(r.demand.cas) : null);
    const redact = !seesTrader(actor, flags, r.buyer.id);
    // a licence that lapsed since the last refresh blocks at once: the owner is told today, not at the next change
    const lapsed = supplierState(flags, facts.get(enterprise.id) ?? [], today) === "blocked";
    const stored = r.match.reasons as Reason[];
    const reasons = redact ? reasonsOfHiddenCounterpart(stored) : stored;
    return {
      id: r.match.id,
      /** null when the buyer is hidden: the score carries same park, quantity, distance and track record */
      score: redact ? null : Number(r.match.score),
      reasons: lapsed && !reasons.some((x) => x.code === "supplier_licence_expired")
        ? [...reasons, { code: "supplier_licence_expired", zh: "供应商许可证已过期", en: "Supplier licence expired" }]
        : reasons,
      compliance: lapsed ? ("blocked" as const) : r.match.compliance,
      status: r.match.status,
      flags,
      redacted: redact,
      inPark: redact ? null : r.buyer.parkId !== null && r.buyer.parkId === enterprise.parkId,
      buyer: redact ? null : { id: r.buyer.id, name: r.buyer.name, nameEn: r.buyer.nameEn, park: r.park?.name ?? null, parkEn: r.park?.nameEn ?? null },
      demand: {
        ...r.demand,
        quantity: redact ? null : Number(r.demand.quantity),
        targetPriceCnyPerUnit: redact ? null : num(r.demand.targetPriceCnyPerUnit),
        // where to deliver says where the hidden buyer is
        place: redact ? null : r.demand.place,
        minPurityPct: num(r.demand.minPurityPct),
      },
      supply: { kind: r.match.productId !== null ? ("product" as const) : ("byproduct" as const), name: r.productName ?? r.byproductName ?? "", substanceEn: r.supplyEn, offerId: r.match.offerId },
    };
  });
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, supplies: [...mine] };
}

/**
 * Who can take a by-product as feedstock: open demands matched to it (in the same views as other
 * supply) and enterprises whose processes use the substance, known from the agreements they
 * signed to buy it. Same park first, then by the volume they bought.
 */
export async function takersForByproduct(db: Db, actor: Actor, byproductId: number) {
  const [row] = await db
    .select({ b: byproducts, parkId: enterprises.parkId })
    .from(byproducts)
    .innerJoin(enterprises, eq(enterprises.id, byproducts.enterpriseId))
    .where(eq(byproducts.id, byproductId));
  if (!row) throw notFound({ zh: "副产品", en: "By-product" });
  authorize(actor, { type: "listing.view", enterpriseId: row.b.enterpriseId, parkId: row.parkId });
  const name = row.b.name.replace(/\s*\d+(\.\d+)?\s*%.*$/, "").trim();
  const processes = await db.execute<{ id: number; name: string; name_en: string | null; park: string | null; same_park: boolean; volume: string | null; agreements: number }>(sql`
    SELECT e.id, e.name, e.name_en, pk.name AS park, (e.park_id IS NOT NULL AND e.park_id = ${row.parkId ?? -1}::int) AS same_park,
           sum(l.volume_t)::text AS volume, count(DISTINCT a.id)::int AS agreements
    FROM agreement_line l
    JOIN agreement a ON a.id = l.agreement_id AND ${signedSql("a")}
    JOIN enterprise e ON e.id = a.buyer_enterprise_id
    LEFT JOIN park pk ON pk.id = e.park_id
    WHERE e.id <> ${row.b.enterpriseId}
      AND (${row.b.cas !== null ? sql`l.cas = ${row.b.cas}` : sql`false`} OR (${name.length >= 2} AND strpos(lower(coalesce(l.product_name, '')), lower(${name})) > 0))
    GROUP BY e.id, e.name, e.name_en, pk.name, e.park_id
    ORDER BY same_park DESC, sum(l.volume_t) DESC NULLS LAST, e.name
    LIMIT 20`);
  return {
    byproduct: row.b,
    processes: processes.map((p) => ({
      enterprise: { id: p.id, name: p.name, nameEn: p.name_en, park: p.park },
      samePark: p.same_park,
      boughtT: num(p.volume),
      agreements: p.agreements,
      reasons: [
        ...(p.same_park ? [{ code: "same_park", zh: "同园区", en: "Same park" }] : []),
        { code: "process_buyer", ...inBothLanguages("match_text.process_buyer", { count: p.agreements }) },
      ] satisfies Reason[],
    })),
  };
}

/**
 * Ranked candidates for a would-be demand, without storing it (the CLI `match`): the same
 * retrieval and scoring as a posted demand, so the ranking is the same. Blocked candidates are
 * left out, as buyers never see them, unless `includeBlocked`.
 */
export async function exploreSuppliers(db: Db, actor: Actor, input: ExploreInput) {
  const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.uscc, input.buyerUscc));
  if (!enterprise) throw notFound({ zh: `信用代码为 ${input.buyerUscc} 的企业`, en: `Enterprise with credit code ${input.buyerUscc}` });
  authorize(actor, { type: "match.explore", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const name = input.q ?? (input.cas ? (await loadSubstances(db, [input.cas])).get(input.cas)?.names[0] ?? input.cas : "");
  const [ranked] = await rankCandidates(db, [{
    id: null, enterpriseId: enterprise.id, parkId: enterprise.parkId, lat: num(enterprise.lat), lng: num(enterprise.lng),
    cas: input.cas ?? null, substanceName: name, quantityT: input.quantityT, recurrence: "once",
    grade: input.grade ?? null, minPurityPct: input.minPurityPct ?? null, acceptsByproducts: input.acceptsByproducts,
  }]);
  const parkIds = [...new Set(ranked!.map((c) => c.supplier.parkId).filter((p): p is number => p !== null))];
  const parkRows = parkIds.length ? await db.select().from(parks).where(inArray(parks.id, parkIds)) : [];
  const visible = ranked!.filter((c) => input.includeBlocked || c.compliance.state !== "blocked").slice(0, input.limit);
  return {
    buyer: { name: enterprise.name, uscc: enterprise.uscc, park: parkRows.find((p) => p.id === enterprise.parkId)?.code ?? null },
    candidates: visible.map((c, i) => {
      // the same rule as the web view: a hidden supplier is neither named nor measured
      const redact = !seesTrader(actor, c.flags, c.supplier.id);
      const reasons = redact ? reasonsOfHiddenCounterpart(c.scored.reasons) : c.scored.reasons;
      return {
        rank: i + 1,
        score: redact ? null : c.scored.score,
        supplier: redact ? null : { name: c.supplier.name, uscc: c.supplier.uscc, park: c.supplier.parkCode, parkName: c.supplier.parkName },
        product: c.kind === "product"
          ? { id: c.productId, name: c.name, cas: c.cas, grade: c.grade, purityPct: c.purityPct }
          : null,
        byproduct: c.kind === "byproduct" ? { id: c.byproductId, name: c.name, cas: c.cas, wasteCode: c.wasteCode } : null,
        offer: redact ? null : c.offer,
        availableT: redact ? null : c.availableT,
        priceCnyPerT: redact ? null : c.priceCnyPerT,
        reasons: { zh: reasons.map((r) => r.zh).join(" · "), en: reasons.map((r) => r.en).join(" · ") },
        compliance: c.compliance.state,
      };
    }),
  };
}
