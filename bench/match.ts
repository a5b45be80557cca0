/**
 * `npx tsx bench/match.ts`: matching at catalogue scale, on a throwaway embedded PostgreSQL.
 *
 * 1. Top-20 suppliers for one demand over 100,000 products: p50/p95 of the ranking (retrieval,
 *    licences, track record and scoring) and of the whole "suppliers for my demand" view (ranking,
 *    storing the suggestions, reading the page), each against a plain lookup of the same substance's
 *    products (the 20 first by name), as a ratio. Target: one demand p95 under 50 ms.
 * 2. The park-wide allocation for 1,000, 2,000 and 5,000 open demands (candidate graph plus
 *    min-cost flow), in seconds, and how it grows. Target: 5,000 demands under 30 s.
 *
 * Options: --products N (100000), --demands N (5000), --samples N (200), --keep (leave the data folder).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createDb } from "@/db";
import { startEmbeddedPostgres } from "@/server/platform/embedded-postgres";
import { migrateDatabase } from "@/db/migrate";
import { demands, enterprises, licences, parks, products, supplyOffers } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { usccCheckCharacter } from "@/server/enterprises/uscc";
import { computeAllocation } from "@/server/matching/allocation.service";
import { rankCandidates } from "@/server/matching/candidates";
import { suppliersForDemand } from "@/server/matching/match.service";
import { loadDemandsForMatching } from "@/server/matching/refresh";
import { loadReferenceDictionary } from "@/server/substances/reference";
import { generator } from "@/server/seed/random";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "100000" },
    demands: { type: "string", default: "5000" },
    samples: { type: "string", default: "200" },
    keep: { type: "boolean", default: false },
  },
});
const PRODUCTS = Number(values.products);
const DEMANDS = Number(values.demands);
const SAMPLES = Number(values.samples);
const SUBSTANCES = 500;
const ENTERPRISES = 2000;

const rnd = generator(20261123);
const USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const GRADES = ["industrial", "industrial", "industrial", "reagent", "electronic", "pharma", "food"] as const;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const inDays = (d: number) => new Date(Date.now() + (8 * 3600 + d * 86_400) * 1000).toISOString().slice(0, 10);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-bench-"));
  const pg = await startEmbeddedPostgres(dataDir);
  const { db, close } = createDb(pg.url, { max: 4 });
  try {
    await migrateDatabase(pg.url);
    await loadReferenceDictionary(db);
    console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}`);

    // --- data
    let t0 = performance.now();
    const substanceRows = await db.execute<{ cas: string; name: string }>(sql`
      SELECT cas, coalesce(name_zh, name_en) AS name FROM substance
      WHERE NOT highly_toxic AND NOT explosive_precursor AND coalesce(name_zh, name_en) IS NOT NULL
      ORDER BY cas LIMIT ${SUBSTANCES}`);
    const substances = [...substanceRows];
    const parkRows = await db.insert(parks).values([
      { code: "BENCHA", name: "基准园区甲" }, { code: "BENCHB", name: "基准园区乙" },
    ]).returning();
    const enterpriseValues = Array.from({ length: ENTERPRISES }, (_, i) => {
      let body = "91320600";
      for (let k = 0; k < 9; k++) body += rnd.pick([...USCC]);
      const parkId = i < 1200 ? parkRows[0]!.id : i < 1600 ? parkRows[1]!.id : null;
      const base = i < 1200 ? [32.02, 121.05] : i < 1600 ? [33.35, 120.45] : [30 + rnd.next() * 6, 116 + rnd.next() * 6];
      return {
        uscc: body + usccCheckCharacter(body), name: `基准化工${i}有限公司`, parkId, chains: [rnd.pick(["精细化工", "有机新材料", "基础化工"])],
        lat: (base[0]! + (rnd.next() - 0.5) * 0.05).toFixed(6), lng: (base[1]! + (rnd.next() - 0.5) * 0.05).toFixed(6),
        verifiedAt: new Date(),
      };
    });
    const enterpriseRows: { id: number; parkId: number | null }[] = [];
    for (let i = 0; i < enterpriseValues.length; i += 1000) {
      enterpriseRows.push(...(await db.insert(enterprises).values(enterpriseValues.slice(i, i + 1000)).returning({ id: enterprises.id, parkId: enterprises.parkId })));
    }
    await db.insert(licences).values(enterpriseRows.filter((_, i) => i % 3 === 0).map((e, i) => ({
      enterpriseId: e.id, type: "hazardous_trade" as const, number: `B-${i}`, validUntil: inDays(300), verifiedAt: new Date(),
    })));
    const inParkA = enterpriseRows.filter((e) => e.parkId === parkRows[0]!.id);
    const elsewhere = enterpriseRows.filter((e) => e.parkId !== parkRows[0]!.id);
    const productIds: number[] = [];
    for (let i = 0; i < PRODUCTS; i += 5000) {
      const batch = Array.from({ length: Math.min(5000, PRODUCTS - i) }, (_, k) => {
        const n = i + k;
        const s = rnd.pick(substances);
        const grade = rnd.pick(GRADES);
        const formulation = n % 20 === 0; // one in twenty without a CAS: found by name
        return {
          // one product in five is made in the park the buyers are in: in-park supply is scarce, as in life
          enterpriseId: (rnd.next() < 0.2 ? rnd.pick(inParkA) : rnd.pick(elsewhere)).id, sku: `B-${n}`, name: formulation ? `${s.name} ${rnd.pick(["99%", "工业级", "溶液"])}` : s.name,
          cas: formulation ? null : s.cas, grade, purityPct: String(rnd.pick([98, 99, 99.5, 99.9, 99.99])),
          capacityTpy: String(rnd.pick([500, 1000, 5000, 20000])), availableT: String(rnd.pick([5, 20, 50, 100, 200])),
          priceCnyPerT: String(rnd.int(2000, 20000)),
        };
      });
      productIds.push(...(await db.insert(products).values(batch).returning({ id: products.id })).map((p) => p.id));
    }
    const offerRows = productIds.filter((_, i) => i % 25 === 0).map((id) => ({ id }));
    const owners = await db.execute<{ id: number; enterprise_id: number }>(sql`SELECT id, enterprise_id FROM product WHERE id % 25 = 0`);
    for (let i = 0; i < owners.length; i += 5000) {
      await db.insert(supplyOffers).values(owners.slice(i, i + 5000).map((p) => ({
        enterpriseId: p.enterprise_id, productId: p.id, quantity: String(rnd.pick([50, 200, 800])), validUntil: inDays(60),
      })));
    }
    const buyers = enterpriseRows.filter((e) => e.parkId === parkRows[0]!.id);
    const demandValues = Array.from({ length: DEMANDS }, (_, i) => {
      const s = rnd.pick(substances);
      return {
        enterpriseId: rnd.pick(buyers).id, cas: s.cas, substanceName: s.name, quantity: String(rnd.pick([20, 50, 100, 300, 1000])),
        grade: rnd.pick([null, "industrial", "reagent", "electronic"] as const), minPurityPct: rnd.pick([null, "99", "99.5"]),
        expiresOn: inDays(30 + (i % 30)),
      };
    });
    const demandIds: number[] = [];
    for (let i = 0; i < demandValues.length; i += 5000) {
      demandIds.push(...(await db.insert(demands).values(demandValues.slice(i, i + 5000)).returning({ id: demands.id })).map((d) => d.id));
    }
    await db.execute(sql`ANALYZE`);
    console.log(`data: ${PRODUCTS} products (20% in the buyers' park, ${offerRows.length} with an offer, 5% without CAS) of ${SUBSTANCES} substances, ${ENTERPRISES} enterprises, ${DEMANDS} open demands (${(performance.now() - t0) / 1000 | 0} s to load)`);

    // --- one demand
    const open = await loadDemandsForMatching(db, undefined, inDays(0));
    const byId = new Map(open.map((d) => [d.id, d]));
    const sample = Array.from({ length: SAMPLES }, () => byId.get(rnd.pick(demandIds))!);
    const plain: number[] = [], ranking: number[] = [], view: number[] = [];
    let candidatesSeen = 0;
    // warm-up
    for (const d of sample.slice(0, 10)) await rankCandidates(db, [d.forMatching], { limit: 20 });
    for (const d of sample) {
      t0 = performance.now();
      await db.execute(sql`
        SELECT p.id, p.name, p.cas, p.grade, e.name AS enterprise, e.uscc FROM product p JOIN enterprise e ON e.id = p.enterprise_id
        WHERE p.cas = ${d.cas} AND p.retired_at IS NULL ORDER BY p.name, p.id LIMIT 20`);
      plain.push(performance.now() - t0);
      t0 = performance.now();
      const [ranked] = await rankCandidates(db, [d.forMatching], { limit: 20 });
      ranking.push(performance.now() - t0);
      candidatesSeen += ranked!.length;
      t0 = performance.now();
      await suppliersForDemand(db, systemActor, { demandId: d.id, inPark: false, fits: false, show: "active", page: 1, pageSize: 20 });
      view.push(performance.now() - t0);
    }
    for (const list of [plain, ranking, view]) list.sort((a, b) => a - b);
    const perCas = await db.execute<{ n: number }>(sql`SELECT (count(*) / count(DISTINCT cas))::int AS n FROM product WHERE cas IS NOT NULL`);
    console.log(`\none demand, top 20 (${SAMPLES} demands, ~${perCas[0]!.n} products per substance, ${(candidatesSeen / SAMPLES).toFixed(1)} returned):`);
    console.log(`  plain lookup of the substance      p50 ${ms(quantile(plain, 0.5))}  p95 ${ms(quantile(plain, 0.95))}`);
    console.log(`  ranking (top 20)                   p50 ${ms(quantile(ranking, 0.5))}  p95 ${ms(quantile(ranking, 0.95))}  ratio p50 ${(quantile(ranking, 0.5) / quantile(plain, 0.5)).toFixed(1)}×  p95 ${(quantile(ranking, 0.95) / quantile(plain, 0.95)).toFixed(1)}×`);
    console.log(`  suppliers view (stored, one page)  p50 ${ms(quantile(view, 0.5))}  p95 ${ms(quantile(view, 0.95))}  ratio p50 ${(quantile(view, 0.5) / quantile(plain, 0.5)).toFixed(1)}×  p95 ${(quantile(view, 0.95) / quantile(plain, 0.95)).toFixed(1)}×`);

    // --- park-wide
    console.log("\npark-wide allocation (open demands of the park's buyers):");
    const parkDemands = open.filter((d) => d.parkId === parkRows[0]!.id).map((d) => d.id);
    console.log(`  ${parkDemands.length} open demands in the park`);
    let previous: number | null = null;
    for (const n of [1000, 2000, 5000].filter((n) => n <= parkDemands.length)) {
      t0 = performance.now();
      const result = await computeAllocation(db, parkRows[0]!.id, { demandIds: parkDemands.slice(0, n) });
      const seconds = (performance.now() - t0) / 1000;
      console.log(
        `  ${String(n).padStart(5)} demands: ${seconds.toFixed(2)} s (candidates ${(result.timings.retrievedMs / 1000).toFixed(2)} s, flow ${(result.timings.solvedMs / 1000).toFixed(2)} s; ` +
        `${result.edges.length} edges, ${result.supplies.size} supplies, ${result.optimised.components} components); in-park ${(result.optimised.inParkRate * 100).toFixed(1)}% ` +
        `vs ${(result.greedy.inParkRate * 100).toFixed(1)}% first-come-first-served${previous ? `; ×${(seconds / previous).toFixed(2)} the previous` : ""}`,
      );
      previous = seconds;
    }
  } finally {
    await close();
    await pg.stop();
    if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`data kept in ${dataDir}`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
