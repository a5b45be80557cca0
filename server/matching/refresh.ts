import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { formatQuantity, inBothLanguages, translator, type Locale } from "@/i18n";
import { demands, enterprises, matches } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { demandIsOpen } from "@/server/listings/expiry";
import { notify } from "@/server/notifications/notification.service";
import { rankCandidates, type Candidate, type DemandForMatching } from "./candidates";
import type { Grade, Recurrence } from "./score";
import { intArray } from "./sql-arrays";

/** How many suggestions a demand keeps (best first); the views page through them. */
export const STORED_PER_DEMAND = 50;

const toTonnes = (quantity: string, unit: string) => Number(quantity) / (unit === "kg" ? 1000 : 1);

/** Open demands with what matching needs to know about them and their buyer. */
export async function loadDemandsForMatching(db: Db, where: ReturnType<typeof sql> | undefined, today: string) {
  const rows = await db
    .select({
      id: demands.id, enterpriseId: demands.enterpriseId, cas: demands.cas, substanceName: demands.substanceName,
      quantity: demands.quantity, unit: demands.unit, recurrence: demands.recurrence, grade: demands.grade,
      minPurityPct: demands.minPurityPct, parkId: enterprises.parkId, lat: enterprises.lat, lng: enterprises.lng,
      buyerName: enterprises.name, createdAt: demands.createdAt, acceptsByproducts: demands.acceptsByproducts,
    })
    .from(demands)
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .where(and(demandIsOpen(today), where))
    .orderBy(demands.createdAt, demands.id);
  return rows.map((r) => ({
    ...r,
    forMatching: {
      id: r.id, enterpriseId: r.enterpriseId, parkId: r.parkId, lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng),
      cas: r.cas, substanceName: r.substanceName, quantityT: toTonnes(r.quantity, r.unit), recurrence: r.recurrence as Recurrence,
      grade: r.grade as Grade | null, minPurityPct: r.minPurityPct === null ? null : Number(r.minPurityPct),
      acceptsByproducts: r.acceptsByproducts,
    } satisfies DemandForMatching,
  }));
}

const keyOfRow = (m: { productId: number | null; byproductId: number | null }) => (m.productId !== null ? `p:${m.productId}` : `b:${m.byproductId}`);

/**
 * Brings the stored suggestions of these demands up to date, idempotently: new candidates become
 * `suggested` matches (the best STORED_PER_DEMAND of them), existing matches get their current
 * score, reasons and compliance state, and suggestions that no longer qualify are removed (a
 * dismissed, contacted or converted match is kept). Demands that are not open are left alone.
 *
 * Each genuinely new match is announced once, in this transaction: the buyer learns of new
 * suppliers for its demand, the supplier of new demands for its products (without the buyer's
 * details, which a hazardous listing may not show to everyone). `quietFor` skips the notice to an
 * enterprise that is looking at the result already.
 */
export async function refreshDemandMatches(
  db: Db,
  demandIds: number[],
  options: { today?: string; quietFor?: number } = {},
): Promise<{ demands: number; inserted: number; updated: number; removed: number }> {
  const ids = [...new Set(demandIds)].sort((a, b) => a - b);
  const result = { demands: 0, inserted: 0, updated: 0, removed: 0 };
  if (ids.length === 0) return result;
  const today = options.today ?? todayInChina();
  // two workers refreshing the same demand wait for each other instead of racing on inserts
  await db.execute(sql`SELECT pg_advisory_xact_lock(7311044, id) FROM unnest(${intArray(ids)}) AS id ORDER BY id`);

  const open = await loadDemandsForMatching(db, inArray(demands.id, ids), today);
  if (open.length === 0) return result;
  result.demands = open.length;
  const ranked = await rankCandidates(db, open.map((d) => d.forMatching), { today });
  const existing = await db.select().from(matches).where(inArray(matches.demandId, open.map((d) => d.id)));

  const inserts: (typeof matches.$inferInsert)[] = [];
  const newFor = new Map<number, Candidate[]>();
  for (const [i, demand] of open.entries()) {
    const candidates = ranked[i]!;
    const mine = existing.filter((m) => m.demandId === demand.id);
    const byKey = new Map(mine.map((m) => [keyOfRow(m), m]));
    const current = new Set(candidates.map((c) => c.key));
    for (const [rank, c] of candidates.entries()) {
      const values = {
        supplierEnterpriseId: c.supplier.id, offerId: c.offer?.id ?? null, score: c.scored.score.toFixed(4),
        reasons: c.scored.reasons, compliance: c.compliance.state,
      };
      const row = byKey.get(c.key);
      if (row) {
        const same = row.supplierEnterpriseId === values.supplierEnterpriseId && row.offerId === values.offerId &&
          Number(row.score) === Number(values.score) && row.compliance === values.compliance &&
          JSON.stringify(row.reasons) === JSON.stringify(values.reasons);
        if (!same) {
          await db.update(matches).set(values).where(eq(matches.id, row.id));
          result.updated++;
        }
      } else if (rank < STORED_PER_DEMAND) {
        inserts.push({ demandId: demand.id, productId: c.productId, byproductId: c.byproductId, ...values });
        newFor.set(demand.id, [...(newFor.get(demand.id) ?? []), c]);
      }
    }
    const stale = mine.filter((m) => m.status === "suggested" && !current.has(keyOfRow(m))).map((m) => m.id);
    if (stale.length) {
      await db.delete(matches).where(inArray(matches.id, stale));
      result.removed += stale.length;
    }
  }
  for (let i = 0; i < inserts.length; i += 1000) await db.insert(matches).values(inserts.slice(i, i + 1000));
  result.inserted = inserts.length;

  await announce(db, open, newFor, options.quietFor);
  return result;
}

async function announce(
  db: Db,
  open: Awaited<ReturnType<typeof loadDemandsForMatching>>,
  newFor: Map<number, Candidate[]>,
  quietFor: number | undefined,
) {
  const bySupplier = new Map<number, { demands: number; product: string; blocked: string[] }>();
  for (const demand of open) {
    const found = newFor.get(demand.id) ?? [];
    const visible = found.filter((c) => c.compliance.state !== "blocked");
    if (visible.length && demand.enterpriseId !== quietFor) {
      const text = (locale: Locale) =>
        translator(locale)("match_text.new_suppliers", { count: visible.length, substance: demand.substanceName, quantity: formatQuantity(demand.quantity, demand.unit, locale) });
      await notify(db, { enterpriseId: demand.enterpriseId }, "match.suppliers", {
        zh: text("zh"), en: text("en"), href: `/demands/${demand.id}`,
        // the page writes it in the reader's language from these (app/notifications)
        values: { count: visible.length, substance: { name: demand.substanceName, cas: demand.cas }, quantity: { value: Number(demand.quantity), unit: demand.unit } },
      });
    }
    for (const c of found) {
      const entry = bySupplier.get(c.supplier.id) ?? { demands: 0, product: c.name, blocked: [] };
      if (c.compliance.state === "blocked") entry.blocked.push(c.name);
      else entry.demands++;
      bySupplier.set(c.supplier.id, entry);
    }
  }
  for (const [supplierId, entry] of bySupplier) {
    if (supplierId === quietFor) continue;
    if (entry.demands) {
      await notify(db, { enterpriseId: supplierId }, "match.buyers", {
        ...inBothLanguages("match_text.new_buyers", { count: entry.demands, product: entry.product }),
        href: "/matches/buyers",
        values: { count: entry.demands, names: { product: entry.product } },
      });
    }
    if (entry.blocked.length) {
      await notify(db, { enterpriseId: supplierId }, "match.blocked", {
        zh: `您的「${entry.blocked[0]}」与采购需求匹配，但因许可证已过期未向采购方展示：请更新许可证`,
        en: `Your "${entry.blocked[0]}" matches purchase demands but is hidden from buyers because your licence has expired: please renew it`,
        href: "/matches/buyers?state=blocked",
        values: { names: { product: entry.blocked[0]! } },
      });
    }
  }
}

/** Open demands that products (new, changed or retired) may concern: same CAS, a name that fits, or a match already. */
export async function demandsConcerningProducts(db: Db, productIds: number[], today = todayInChina()): Promise<number[]> {
  if (productIds.length === 0) return [];
  const rows = await db.execute<{ id: number }>(sql`
    WITH p AS (SELECT id, cas, lower(name) AS name FROM product WHERE id = ANY(${intArray(productIds)})),
    loose AS (SELECT name FROM p WHERE cas IS NULL),
    tokens AS (SELECT DISTINCT t FROM loose, unnest(regexp_split_to_array(loose.name, '[[:space:],，;；/()（）、]+')) AS t WHERE length(t) >= 2),
    named AS (SELECT DISTINCT n.cas FROM substance_name n WHERE n.lower IN (SELECT t FROM tokens))
    SELECT d.id FROM demand d
    WHERE d.status = 'open' AND (d.expires_on IS NULL OR d.expires_on >= ${today}::date) AND (
      d.cas IN (SELECT cas FROM p WHERE cas IS NOT NULL)
      OR d.cas IN (SELECT cas FROM named)
      -- a name inside a product's name: any product for a demand without a CAS, one without a CAS for
      -- any demand (as rankCandidates matches them; a different CAS is a different substance). The
      -- products with a CAS are not compared with every demand that has one: a catalogue import's
      -- batch of 1,000 against 200,000 open demands was 200 million comparisons a batch.
      OR EXISTS (SELECT 1 FROM loose WHERE strpos(loose.name, lower(d.substance_name)) > 0)
      OR d.cas IS NULL AND EXISTS (SELECT 1 FROM p WHERE strpos(p.name, lower(d.substance_name)) > 0)
      OR EXISTS (SELECT 1 FROM match m WHERE m.demand_id = d.id AND m.product_id = ANY(${intArray(productIds)}))
    )`);
  return rows.map((r) => r.id);
}

/** Open demands that by-product listings may concern: those whose buyer accepts by-products, and those matched to them already. */
export async function demandsConcerningByproducts(db: Db, byproductIds: number[], today = todayInChina()): Promise<number[]> {
  if (byproductIds.length === 0) return [];
  const rows = await db.execute<{ id: number }>(sql`
    WITH b AS (SELECT id, cas, lower(name) AS name FROM byproduct WHERE id = ANY(${intArray(byproductIds)}))
    SELECT d.id FROM demand d
    WHERE d.status = 'open' AND (d.expires_on IS NULL OR d.expires_on >= ${today}::date) AND (
      d.accepts_byproducts AND d.cas IN (SELECT cas FROM b WHERE cas IS NOT NULL)
      OR d.accepts_byproducts AND EXISTS (SELECT 1 FROM b WHERE strpos(b.name, lower(d.substance_name)) > 0)
      OR EXISTS (SELECT 1 FROM match m WHERE m.demand_id = d.id AND m.byproduct_id = ANY(${intArray(byproductIds)}))
    )`);
  return rows.map((r) => r.id);
}

/**
 * Open demands an enterprise's change (licences, park, coordinates) may concern: its own demands,
 * and demands for what it supplies.
 */
export async function demandsConcerningEnterprises(db: Db, enterpriseIds: number[], today = todayInChina()): Promise<number[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await db.execute<{ id: number }>(sql`
    SELECT d.id FROM demand d
    WHERE d.status = 'open' AND (d.expires_on IS NULL OR d.expires_on >= ${today}::date) AND (
      d.enterprise_id = ANY(${intArray(enterpriseIds)})
      OR EXISTS (SELECT 1 FROM match m WHERE m.demand_id = d.id AND m.supplier_enterprise_id = ANY(${intArray(enterpriseIds)}))
      OR d.cas IN (SELECT cas FROM product WHERE enterprise_id = ANY(${intArray(enterpriseIds)}) AND cas IS NOT NULL AND retired_at IS NULL)
      OR d.cas IN (SELECT cas FROM byproduct WHERE enterprise_id = ANY(${intArray(enterpriseIds)}) AND cas IS NOT NULL)
    )`);
  return rows.map((r) => r.id);
}
