import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Db } from "@/db";
import { enterprises, parks } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { notFound } from "@/server/errors";
import { englishNamesByCas } from "@/server/substances/english-names";
import { chainName } from "@/i18n/vocabulary";
import { allocate, allocateGreedy, type AllocationEdge, type AllocationFlow } from "./allocate";
import { rankCandidates, type DemandForMatching } from "./candidates";
import { loadDemandsForMatching } from "./refresh";
import { GRADE_FITS, GRADE_NAMES, type Grade, type Recurrence } from "./score";

/** Each demand's best candidates the optimiser considers (the sparse candidate graph). */
export const TOP_K = 10;
/** Demands ranked in one go by the park-wide allocation (see computeAllocation). */
const RANKED_AT_ONCE = 250;
const PERIODS: Record<Recurrence, number> = { once: 1, monthly: 12, quarterly: 4, yearly: 1 };

export interface PlanDemand {
  id: number;
  buyer: { id: number; name: string; chains: string[] };
  substance: string;
  /** the dictionary's English name of the substance (by CAS), for the English UI */
  substanceEn: string | null;
  cas: string | null;
  quantityT: number;
  recurrence: Recurrence;
  /** met in the park today (oldest demand first, each taking its best-ranked feasible supplier) */
  todayInParkT: number;
  /** met in the park, and outside, by the optimised allocation */
  inParkT: number;
  outsideT: number;
  /** whether any supplier in the park can supply it (not blocked, grade and purity not below the demand) */
  hasInParkSupplier: boolean;
  suppliers: { name: string; inPark: boolean; quantityT: number }[];
}

/** Why the park cannot meet a demand: no supplier; suppliers below the grade or purity asked; too little; licences lapsed. */
export type GapReasonCode = "no_supplier" | "below_spec" | "shortfall" | "licence_expired";

export interface GapReason {
  code: GapReasonCode;
  zh: string;
  en: string;
  /** in-park suppliers behind the reason (below_spec, licence_expired) */
  suppliers: number;
  /** below_spec: the purities the in-park suppliers offer, below the purity asked */
  purity: { offeredPct: number[]; askedPct: number; suppliers: number } | null;
  /** below_spec: the grades the in-park suppliers offer, which do not fit the grade asked */
  grade: { offered: Grade[]; asked: Grade; suppliers: number } | null;
  /** shortfall: tonnes the park's suppliers cannot cover */
  shortT: number | null;
}

export interface ChainGap {
  substance: string;
  substanceEn: string | null;
  cas: string | null;
  chain: string;
  demands: number;
  buyers: string[];
  demandT: number;
  /** what the park cannot supply after the optimised allocation */
  uncoveredT: number;
  /** the uncovered part over a year, for recurring demand */
  annualT: number;
  reason: GapReason;
}

/** What one demand's in-park candidates say about a gap: feasible ones, those below its grade or purity, those whose licence lapsed. */
export interface InParkFacts {
  feasible: number;
  below: { supplierId: number; grade: Grade | null; purityPct: number | null; gradeBelow: boolean; purityBelow: boolean }[];
  blocked: Set<number>;
}

/**
 * Builds the sparse candidate graph of the open demands of a park's buyers (each demand's TOP_K
 * feasible candidates: not blocked, not below the demanded grade or purity, not a name-only match,
 * no by-product unless the buyer accepts by-products) and solves it, optimised and as today's
 * practice (oldest demand first, each taking its best-ranked feasible supplier while supply lasts),
 * both on the same base: the open demand. It also notes, per demand, the in-park suppliers left
 * out and why (the reasons of the chain gaps).
 */
export async function computeAllocation(
  db: Db,
  parkId: number,
  options: { today?: string; demandIds?: number[]; rankedAtOnce?: number } = {},
) {
  const today = options.today ?? todayInChina();
  const now = new Date();
  const started = performance.now();
  const open = await loadDemandsForMatching(db, eq(enterprises.parkId, parkId), today);
  const chosen = options.demandIds ? open.filter((d) => options.demandIds!.includes(d.id)) : open;

  const supplies = new Map<string, { id: string; quantityT: number; name: string; priceCnyPerT: number | null }>();
  const edges: AllocationEdge[] = [];
  const hasInPark = new Set<number>();
  const inParkFacts = new Map<number, InParkFacts>();
  // demands are ranked a slice at a time and only their facts and top edges kept: a park's whole
  // candidate lists at once (5,000 demands × hundreds of suppliers of a common solvent) do not fit
  // in memory; each demand's ranking does not depend on the others ranked with it
  const step = options.rankedAtOnce ?? RANKED_AT_ONCE;
  let retrievedMs = 0;
  for (let from = 0; from < chosen.length; from += step) {
    const slice = chosen.slice(from, from + step);
    const rankStart = performance.now();
    const ranked = await rankCandidates(db, slice.map((d) => d.forMatching as DemandForMatching), { today, now });
    retrievedMs += performance.now() - rankStart;
    slice.forEach((d, i) => {
      const facts: InParkFacts = { feasible: 0, below: [], blocked: new Set() };
      const wanted = d.forMatching;
      for (const c of ranked[i]!) {
        // a candidate matched by name only may be another substance: it says nothing about the park
        if (!c.scored.samePark || c.identity === "text") continue;
        if (c.scored.fit === "below") {
          facts.below.push({
            supplierId: c.supplier.id, grade: c.grade, purityPct: c.purityPct,
            gradeBelow: wanted.grade !== null && c.grade !== null && !GRADE_FITS[wanted.grade].includes(c.grade),
            purityBelow: wanted.minPurityPct !== null && c.purityPct !== null && c.purityPct < wanted.minPurityPct,
          });
        } else if (c.compliance.state === "blocked") facts.blocked.add(c.supplier.id);
        else facts.feasible++;
      }
      inParkFacts.set(d.id, facts);
      // a supplier whose licence expired, or whose grade or purity is below the demand, cannot supply it; nor can a
      // candidate matched by name only (it may be another substance). By-products come only for a buyer that accepts them
      // (rankCandidates leaves them out otherwise).
      const top = ranked[i]!
        .filter((c) => c.compliance.state !== "blocked" && c.scored.fit !== "below" && c.identity !== "text")
        .slice(0, TOP_K);
      for (const c of top) {
        if (c.scored.samePark) hasInPark.add(d.id);
        if (!supplies.has(c.key)) supplies.set(c.key, { id: c.key, quantityT: c.availableT ?? 0, name: c.supplier.name, priceCnyPerT: c.priceCnyPerT });
        edges.push({ demandId: d.id, supplyId: c.key, inPark: c.scored.samePark, score: c.scored.score });
      }
    });
  }
  const demandsIn = chosen.map((d) => ({ id: d.id, quantityT: d.forMatching.quantityT }));
  const solveStart = performance.now();
  const optimised = allocate(demandsIn, [...supplies.values()], edges);
  const solvedMs = performance.now() - solveStart;
  const greedy = allocateGreedy(demandsIn, [...supplies.values()], edges);
  return { chosen, supplies, edges, optimised, greedy, hasInPark, inParkFacts, timings: { retrievedMs, solvedMs, totalMs: performance.now() - started } };
}

const kg = (t: number) => Math.round(t * 1000);
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3))));

/**
 * The in-park tonnes of a plan and what they are worth at the offers' prices (an open offer's
 * price, else the catalogue's reference price), with the in-park tonnes that have no price at all.
 */
function inParkValue(flows: AllocationFlow[], prices: Map<string, { priceCnyPerT: number | null }>) {
  let valueCny = 0;
  let unpricedKg = 0;
  let inParkKg = 0;
  for (const f of flows) {
    if (!f.inPark) continue;
    inParkKg += kg(f.quantityT);
    const price = prices.get(f.supplyId)?.priceCnyPerT ?? null;
    if (price === null) unpricedKg += kg(f.quantityT);
    else valueCny += (kg(f.quantityT) * price) / 1000;
  }
  return { inParkT: inParkKg / 1000, valueCny: Math.round(valueCny * 100) / 100, unpricedT: unpricedKg / 1000 };
}

/** Purities as people read them: "98 %" or "98–99 %". */
const purityRange = (values: number[]) => {
  const lo = Math.min(...values), hi = Math.max(...values);
  return lo === hi ? `${fmt(lo)} %` : `${fmt(lo)}–${fmt(hi)} %`;
};

/** The reason of a gap, in both languages, from what its demands' in-park candidates say (also the chain map's, server/reports/chain-map.ts). */
export function gapReason(
  group: { facts: InParkFacts; grade: Grade | null; minPurityPct: number | null }[],
  uncoveredT: number,
): GapReason {
  const none = { suppliers: 0, purity: null, grade: null, shortT: null };
  if (group.some((g) => g.facts.feasible > 0)) {
    const n = fmt(Math.round(uncoveredT * 1000) / 1000);
    return { code: "shortfall", zh: `园内可供量缺 ${n} 吨`, en: `In-park supply short by ${n} t`, ...none, shortT: uncoveredT };
  }
  const below = group.flatMap((g) => g.facts.below.map((b) => ({ ...b, grade: b.grade, asked: g })));
  if (below.length) {
    const suppliers = new Set(below.map((b) => b.supplierId)).size;
    const parts: { zh: string; en: string }[] = [];
    let purity: GapReason["purity"] = null;
    let grade: GapReason["grade"] = null;
    const purityBelow = below.filter((b) => b.purityBelow);
    if (purityBelow.length) {
      const askedPct = Math.max(...purityBelow.map((b) => b.asked.minPurityPct!));
      const offeredPct = [...new Set(purityBelow.map((b) => b.purityPct!))].sort((a, b) => a - b);
      const n = new Set(purityBelow.map((b) => b.supplierId)).size;
      purity = { offeredPct, askedPct, suppliers: n };
      parts.push({
        zh: `${n} 家园内供应商纯度 ${purityRange(offeredPct)} 低于所需 ${fmt(askedPct)} %`,
        en: `${n} in-park supplier${n === 1 ? "" : "s"} offer${n === 1 ? "s" : ""} purity ${purityRange(offeredPct)}, below the ${fmt(askedPct)} % asked`,
      });
    }
    const gradeBelow = below.filter((b) => b.gradeBelow);
    if (gradeBelow.length) {
      const asked = gradeBelow[0]!.asked.grade!;
      const offered = [...new Set(gradeBelow.map((b) => b.grade!))];
      const n = new Set(gradeBelow.map((b) => b.supplierId)).size;
      grade = { offered, asked, suppliers: n };
      parts.push({
        zh: `${n} 家园内供应商规格为${offered.map((g) => GRADE_NAMES[g].zh).join("、")}，不满足所需${GRADE_NAMES[asked].zh}`,
        en: `${n} in-park supplier${n === 1 ? "" : "s"} offer${n === 1 ? "s" : ""} ${offered.map((g) => GRADE_NAMES[g].en).join(", ")} grade, not the ${GRADE_NAMES[asked].en} grade asked`,
      });
    }
    return { code: "below_spec", zh: parts.map((p) => p.zh).join("；"), en: parts.map((p) => p.en).join("; "), suppliers, purity, grade, shortT: null };
  }
  const blocked = new Set(group.flatMap((g) => [...g.facts.blocked])).size;
  if (blocked) {
    return {
      code: "licence_expired", zh: `${blocked} 家园内供应商许可证已过期`,
      en: `${blocked} in-park supplier${blocked === 1 ? "'s" : "s'"} licence expired`, ...none, suppliers: blocked,
    };
  }
  return { code: "no_supplier", zh: "园内无供应商", en: "No supplier in the park", ...none };
}

const REASON_ORDER: Record<GapReasonCode, number> = { no_supplier: 0, below_spec: 1, licence_expired: 2, shortfall: 3 };

/** The plan and the size of the candidate graph behind it (the latter for the CLI's JSON only). */
async function planOf(db: Db, actor: Actor, parkId: number) {
  const [park] = await db.select().from(parks).where(eq(parks.id, parkId));
  if (!park) throw notFound({ zh: "园区", en: "Park" });
  authorize(actor, { type: "allocation.view", parkId });
  const { chosen, supplies, optimised, greedy, hasInPark, inParkFacts, edges, timings } = await computeAllocation(db, parkId);

  const chains = new Map<number, string[]>();
  if (chosen.length) {
    const rows = await db.select({ id: enterprises.id, chains: enterprises.chains }).from(enterprises).where(eq(enterprises.parkId, parkId));
    for (const r of rows) chains.set(r.id, r.chains);
  }
  const namesEn = await englishNamesByCas(db, chosen.map((d) => d.cas));

  const flowsBy = new Map<number, AllocationFlow[]>();
  for (const f of optimised.flows) flowsBy.set(f.demandId, [...(flowsBy.get(f.demandId) ?? []), f]);
  const todayBy = new Map<number, number>();
  for (const f of greedy.flows) if (f.inPark) todayBy.set(f.demandId, (todayBy.get(f.demandId) ?? 0) + kg(f.quantityT));
  const sumT = (flows: AllocationFlow[]) => flows.reduce((s, f) => s + kg(f.quantityT), 0) / 1000;
  const demands: PlanDemand[] = chosen.map((d) => {
    const flows = flowsBy.get(d.id) ?? [];
    return {
      id: d.id,
      buyer: { id: d.enterpriseId, name: d.buyerName, chains: chains.get(d.enterpriseId) ?? [] },
      substance: d.substanceName,
      substanceEn: d.cas ? namesEn.get(d.cas) ?? null : null,
      cas: d.cas,
      quantityT: d.forMatching.quantityT,
      recurrence: d.forMatching.recurrence,
      todayInParkT: (todayBy.get(d.id) ?? 0) / 1000,
      inParkT: sumT(flows.filter((f) => f.inPark)),
      outsideT: sumT(flows.filter((f) => !f.inPark)),
      hasInParkSupplier: hasInPark.has(d.id),
      suppliers: flows.map((f) => ({ name: supplies.get(f.supplyId)?.name ?? "", inPark: f.inPark, quantityT: f.quantityT })),
    };
  });

  const groups = new Map<string, { gap: Omit<ChainGap, "reason">; members: { facts: InParkFacts; grade: Grade | null; minPurityPct: number | null }[] }>();
  chosen.forEach((d, i) => {
    const plan = demands[i]!;
    const uncovered = Math.max(0, plan.quantityT - plan.inParkT);
    if (uncovered < 0.001) return;
    const chain = plan.buyer.chains[0] ?? "—";
    const key = `${plan.cas ?? plan.substance}|${chain}`;
    const entry = groups.get(key) ?? {
      gap: { substance: plan.substance, substanceEn: plan.substanceEn, cas: plan.cas, chain, demands: 0, buyers: [], demandT: 0, uncoveredT: 0, annualT: 0 },
      members: [],
    };
    entry.gap.demands++;
    if (!entry.gap.buyers.includes(plan.buyer.name)) entry.gap.buyers.push(plan.buyer.name);
    entry.gap.demandT += plan.quantityT;
    entry.gap.uncoveredT += uncovered;
    entry.gap.annualT += uncovered * PERIODS[plan.recurrence];
    entry.members.push({ facts: inParkFacts.get(d.id)!, grade: d.forMatching.grade, minPurityPct: d.forMatching.minPurityPct });
    groups.set(key, entry);
  });
  const gaps: ChainGap[] = [...groups.values()]
    .map(({ gap, members }) => ({ ...gap, reason: gapReason(members, gap.uncoveredT) }))
    .sort((a, b) => REASON_ORDER[a.reason.code] - REASON_ORDER[b.reason.code] || b.annualT - a.annualT);

  // today's practice and the optimised allocation, on one base: the open demand of the park's buyers
  const today = inParkValue(greedy.flows, supplies);
  const best = inParkValue(optimised.flows, supplies);
  const demandT = optimised.demandT;
  const plan = {
    park: { id: park.id, code: park.code, name: park.name, nameEn: park.nameEn },
    base: { demands: chosen.length, demandT },
    today: { rate: greedy.inParkRate, inParkT: greedy.inParkT, allocatedT: greedy.allocatedT, inParkValueCny: today.valueCny, unpricedT: today.unpricedT },
    optimised: { rate: optimised.inParkRate, inParkT: optimised.inParkT, allocatedT: optimised.allocatedT, demandT, inParkValueCny: best.valueCny, unpricedT: best.unpricedT },
    gain: {
      t: (kg(optimised.inParkT) - kg(greedy.inParkT)) / 1000,
      cny: Math.round((best.valueCny - today.valueCny) * 100) / 100,
      rate: optimised.inParkRate - greedy.inParkRate,
    },
    demands,
    gaps,
  };
  const graph = { demands: chosen.length, supplies: supplies.size, edges: edges.length, components: optimised.components, ms: Math.round(timings.totalMs) };
  return { plan, graph };
}

/**
 * The park-wide allocation and chain gaps, for the park's staff: in-park fulfilment of the open
 * demand of the park's buyers as it goes today (oldest demand first, each taking its best-ranked
 * feasible supplier) beside the optimised one, on the same base, with the gain in tonnes and in
 * yuan at the offers' prices. The demand the park cannot meet, by substance and industry chain,
 * is its list of chain gaps (补链招商 targets), each with its reason.
 */
export async function parkAllocation(db: Db, actor: Actor, parkId: number) {
  return (await planOf(db, actor, parkId)).plan;
}

/** The allocation with the size of its candidate graph and the time it took (the CLI's `--json`). */
export async function parkAllocationWithGraph(db: Db, actor: Actor, parkId: number) {
  const { plan, graph } = await planOf(db, actor, parkId);
  return { ...plan, graph };
}

export type ParkAllocation = Awaited<ReturnType<typeof parkAllocation>>;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The allocation as an XLSX workbook: the figures on one base, the plan per demand, and the chain gaps with their reasons. */
export async function allocationWorkbook(plan: ParkAllocation, locale: "zh" | "en"): Promise<Buffer> {
  const zh = locale === "zh";
  const book = new ExcelJS.Workbook();
  book.creator = "ParkLink";
  const summary = book.addWorksheet(zh ? "概览" : "Summary");
  summary.columns = [{ width: 44 }, { width: 18 }];
  summary.addRows([
    [zh ? "园区" : "Park", zh ? plan.park.name : plan.park.nameEn ?? plan.park.name],
    [zh ? "未结需求（条）" : "Open demands", plan.base.demands],
    [zh ? "未结需求量（吨）" : "Open demand (t)", round3(plan.base.demandT)],
    [zh ? "当前园内满足（吨，按发布先后各取排名最前的可行供应商）" : "Met in the park today (t, oldest demand first, each taking its best-ranked feasible supplier)", round3(plan.today.inParkT)],
    [zh ? "当前园内配套率" : "In-park fulfilment today", plan.today.rate],
    [zh ? "优化后园内满足（吨）" : "Met in the park, optimised (t)", round3(plan.optimised.inParkT)],
    [zh ? "优化后园内配套率" : "In-park fulfilment, optimised", plan.optimised.rate],
    [zh ? "增加的园内满足量（吨）" : "Gain in the park (t)", round3(plan.gain.t)],
    [zh ? "当前园内采购额（元，按报价）" : "In-park purchases today (CNY, at the offers' prices)", plan.today.inParkValueCny],
    [zh ? "优化后园内采购额（元，按报价）" : "In-park purchases optimised (CNY, at the offers' prices)", plan.optimised.inParkValueCny],
    [zh ? "增加的园内采购额（元）" : "Gain in in-park purchases (CNY)", plan.gain.cny],
    [zh ? "无价格的园内满足量（吨，未计入金额）" : "In-park tonnes without a price (t, not in the amounts)", round3(plan.optimised.unpricedT)],
  ]);
  for (const r of [5, 7]) summary.getCell(r, 2).numFmt = "0.0%";
  for (const r of [9, 10, 11]) summary.getCell(r, 2).numFmt = "#,##0";

  const sheet = book.addWorksheet(zh ? "分配方案" : "Allocation");
  sheet.columns = [
    { header: zh ? "采购方" : "Buyer", width: 30 }, { header: zh ? "物质" : "Substance", width: 22 }, { header: "CAS", width: 14 },
    { header: zh ? "需求量（吨）" : "Demand (t)", width: 14 }, { header: zh ? "当前园内满足（吨）" : "In park today (t)", width: 16 },
    { header: zh ? "优化后园内满足（吨）" : "In park optimised (t)", width: 18 },
    { header: zh ? "园外满足（吨）" : "Outside (t)", width: 14 }, { header: zh ? "供应方" : "Suppliers", width: 60 },
  ];
  for (const d of plan.demands) {
    sheet.addRow([d.buyer.name, zh ? d.substance : d.substanceEn ?? d.substance, d.cas ?? "", round3(d.quantityT), round3(d.todayInParkT), round3(d.inParkT), round3(d.outsideT),
      d.suppliers.map((s) => `${s.name} ${round3(s.quantityT)}t${s.inPark ? (zh ? "（园内）" : " (in park)") : ""}`).join("; ")]);
  }
  sheet.getRow(1).font = { bold: true };

  const gaps = book.addWorksheet(zh ? "补链清单" : "Chain gaps");
  gaps.columns = [
    { header: zh ? "物质" : "Substance", width: 22 }, { header: "CAS", width: 14 }, { header: zh ? "产业链" : "Industry chain", width: 14 },
    { header: zh ? "原因" : "Reason", width: 48 }, { header: zh ? "需求条数" : "Demands", width: 10 }, { header: zh ? "采购方" : "Buyers", width: 40 },
    { header: zh ? "需求量（吨）" : "Demand (t)", width: 14 }, { header: zh ? "园内缺口（吨）" : "Uncovered (t)", width: 14 },
    { header: zh ? "年化缺口（吨/年）" : "Uncovered per year (t)", width: 18 },
  ];
  for (const g of plan.gaps) {
    gaps.addRow([zh ? g.substance : g.substanceEn ?? g.substance, g.cas ?? "", chainName(g.chain, locale), g.reason[locale], g.demands, g.buyers.join(zh ? "、" : ", "), round3(g.demandT), round3(g.uncoveredT), round3(g.annualT)]);
  }
  gaps.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

