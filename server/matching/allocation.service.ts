import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Db } from "@/db";
import { enterprises, parks } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { notFound } from "@/server/errors";
import { allocate, allocateGreedy, type AllocationEdge } from "./allocate";
import { rankCandidates, type DemandForMatching } from "./candidates";
import { loadDemandsForMatching } from "./refresh";
import type { Recurrence } from "./score";

/** Each demand's best candidates the optimiser considers (the sparse candidate graph). */
export const TOP_K = 10;
const PERIODS: Record<Recurrence, number> = { once: 1, monthly: 12, quarterly: 4, yearly: 1 };

export interface PlanDemand {
  id: number;
  buyer: { id: number; name: string; chains: string[] };
  substance: string;
  cas: string | null;
  quantityT: number;
  recurrence: Recurrence;
  inParkT: number;
  outsideT: number;
  /** whether any supplier in the park can supply it at all */
  hasInParkSupplier: boolean;
  suppliers: { name: string; inPark: boolean; quantityT: number }[];
}

export interface ChainGap {
  substance: string;
  cas: string | null;
  chain: string;
  demands: number;
  buyers: string[];
  demandT: number;
  /** what the park cannot supply after the optimised allocation */
  uncoveredT: number;
  /** the uncovered part over a year, for recurring demand */
  annualT: number;
  reason: "no_supplier" | "shortfall";
}

/**
 * Builds the sparse candidate graph of the open demands of a park's buyers (each demand's TOP_K
 * feasible candidates: not blocked, not below the demanded grade or purity, not a name-only match)
 * and solves it, optimised and without coordination (oldest demand first, each taking its
 * best-ranked supplier).
 */
export async function computeAllocation(db: Db, parkId: number, options: { today?: string; demandIds?: number[] } = {}) {
  const today = options.today ?? todayInChina();
  const started = performance.now();
  const open = await loadDemandsForMatching(db, eq(enterprises.parkId, parkId), today);
  const chosen = options.demandIds ? open.filter((d) => options.demandIds!.includes(d.id)) : open;
  const ranked = await rankCandidates(db, chosen.map((d) => d.forMatching as DemandForMatching), { today });
  const retrievedMs = performance.now() - started;

  const supplies = new Map<string, { id: string; quantityT: number; name: string }>();
  const edges: AllocationEdge[] = [];
  const hasInPark = new Set<number>();
  chosen.forEach((d, i) => {
    // a supplier whose licence expired, or whose grade or purity is below the demand, cannot supply it; nor can a
    // candidate matched by name only (it may be another substance)
    const top = ranked[i]!
      .filter((c) => c.compliance.state !== "blocked" && c.scored.fit !== "below" && c.identity !== "text")
      .slice(0, TOP_K);
    for (const c of top) {
      if (c.scored.samePark) hasInPark.add(d.id);
      if (!supplies.has(c.key)) supplies.set(c.key, { id: c.key, quantityT: c.availableT ?? 0, name: c.supplier.name });
      edges.push({ demandId: d.id, supplyId: c.key, inPark: c.scored.samePark, score: c.scored.score });
    }
  });
  const demandsIn = chosen.map((d) => ({ id: d.id, quantityT: d.forMatching.quantityT }));
  const solveStart = performance.now();
  const optimised = allocate(demandsIn, [...supplies.values()], edges);
  const solvedMs = performance.now() - solveStart;
  const greedy = allocateGreedy(demandsIn, [...supplies.values()], edges);
  return { chosen, supplies, edges, optimised, greedy, hasInPark, timings: { retrievedMs, solvedMs, totalMs: performance.now() - started } };
}

/**
 * The park-wide allocation and chain gaps, for the park's staff. Compares in-park fulfilment today
 * (the in-park share of the volume the park's buyers contracted under signed agreements), without
 * coordination, and optimised. The demand the park cannot meet, by substance and industry chain,
 * is its list of chain gaps (补链招商 targets).
 */
export async function parkAllocation(db: Db, actor: Actor, parkId: number) {
  const [park] = await db.select().from(parks).where(eq(parks.id, parkId));
  if (!park) throw notFound({ zh: "园区", en: "Park" });
  authorize(actor, { type: "allocation.view", parkId });
  const { chosen, supplies, optimised, greedy, hasInPark, edges, timings } = await computeAllocation(db, parkId);

  const chains = new Map<number, string[]>();
  if (chosen.length) {
    const rows = await db.select({ id: enterprises.id, chains: enterprises.chains }).from(enterprises).where(eq(enterprises.parkId, parkId));
    for (const r of rows) chains.set(r.id, r.chains);
  }
  const [todayRow] = await db.execute<{ in_park: string | null; total: string | null }>(sql`
    SELECT sum(l.volume_t) FILTER (WHERE s.park_id = b.park_id)::text AS in_park, sum(l.volume_t)::text AS total
    FROM agreement a
    JOIN agreement_line l ON l.agreement_id = a.id
    JOIN enterprise b ON b.id = a.buyer_enterprise_id
    JOIN enterprise s ON s.id = a.seller_enterprise_id
    WHERE b.park_id = ${parkId} AND a.status IN ('signed', 'active', 'completed')`);
  const todayTotal = Number(todayRow?.total ?? 0);
  const todayInPark = Number(todayRow?.in_park ?? 0);

  const flowsBy = new Map<number, typeof optimised.flows>();
  for (const f of optimised.flows) flowsBy.set(f.demandId, [...(flowsBy.get(f.demandId) ?? []), f]);
  const demands: PlanDemand[] = chosen.map((d) => {
    const flows = flowsBy.get(d.id) ?? [];
    return {
      id: d.id,
      buyer: { id: d.enterpriseId, name: d.buyerName, chains: chains.get(d.enterpriseId) ?? [] },
      substance: d.substanceName,
      cas: d.cas,
      quantityT: d.forMatching.quantityT,
      recurrence: d.forMatching.recurrence,
      inParkT: flows.filter((f) => f.inPark).reduce((s, f) => s + f.quantityT, 0),
      outsideT: flows.filter((f) => !f.inPark).reduce((s, f) => s + f.quantityT, 0),
      hasInParkSupplier: hasInPark.has(d.id),
      suppliers: flows.map((f) => ({ name: supplies.get(f.supplyId)?.name ?? "", inPark: f.inPark, quantityT: f.quantityT })),
    };
  });

  const gapsBy = new Map<string, ChainGap>();
  for (const d of demands) {
    const uncovered = Math.max(0, d.quantityT - d.inParkT);
    if (uncovered < 0.001) continue;
    const chain = d.buyer.chains[0] ?? "—";
    const key = `${d.cas ?? d.substance}|${chain}`;
    const gap = gapsBy.get(key) ?? {
      substance: d.substance, cas: d.cas, chain, demands: 0, buyers: [], demandT: 0, uncoveredT: 0, annualT: 0,
      reason: "no_supplier" as const,
    };
    gap.demands++;
    if (!gap.buyers.includes(d.buyer.name)) gap.buyers.push(d.buyer.name);
    gap.demandT += d.quantityT;
    gap.uncoveredT += uncovered;
    gap.annualT += uncovered * PERIODS[d.recurrence];
    if (d.hasInParkSupplier) gap.reason = "shortfall";
    gapsBy.set(key, gap);
  }
  const gaps = [...gapsBy.values()].sort((a, b) => (a.reason === b.reason ? b.annualT - a.annualT : a.reason === "no_supplier" ? -1 : 1));

  return {
    park: { id: park.id, code: park.code, name: park.name, nameEn: park.nameEn },
    today: { rate: todayTotal > 0 ? todayInPark / todayTotal : 0, inParkT: todayInPark, totalT: todayTotal },
    greedy: { rate: greedy.inParkRate, inParkT: greedy.inParkT, allocatedT: greedy.allocatedT },
    optimised: { rate: optimised.inParkRate, inParkT: optimised.inParkT, allocatedT: optimised.allocatedT, demandT: optimised.demandT },
    graph: { demands: chosen.length, supplies: supplies.size, edges: edges.length, components: optimised.components, ms: Math.round(timings.totalMs) },
    demands,
    gaps,
  };
}

export type ParkAllocation = Awaited<ReturnType<typeof parkAllocation>>;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The allocation as an XLSX workbook: the figures, the plan per demand, and the chain gaps. */
export async function allocationWorkbook(plan: ParkAllocation, locale: "zh" | "en"): Promise<Buffer> {
  const zh = locale === "zh";
  const book = new ExcelJS.Workbook();
  book.creator = "ParkLink";
  const summary = book.addWorksheet(zh ? "概览" : "Summary");
  summary.columns = [{ width: 36 }, { width: 18 }];
  summary.addRows([
    [zh ? "园区" : "Park", zh ? plan.park.name : plan.park.nameEn ?? plan.park.name],
    [zh ? "当前园内配套率（已签协议采购量）" : "In-park fulfilment today (contracted volume)", plan.today.rate],
    [zh ? "不协调时的园内配套率（按发布先后各取首选）" : "In-park rate without coordination (first come, first served)", plan.greedy.rate],
    [zh ? "优化后的园内配套率（未结需求）" : "Optimised in-park rate (open demand)", plan.optimised.rate],
    [zh ? "未结需求量（吨）" : "Open demand (t)", round3(plan.optimised.demandT)],
    [zh ? "园内可满足（吨）" : "Met in the park (t)", round3(plan.optimised.inParkT)],
  ]);
  for (const r of [2, 3, 4]) summary.getCell(r, 2).numFmt = "0.0%";

  const sheet = book.addWorksheet(zh ? "分配方案" : "Allocation");
  sheet.columns = [
    { header: zh ? "采购方" : "Buyer", width: 30 }, { header: zh ? "物质" : "Substance", width: 22 }, { header: "CAS", width: 14 },
    { header: zh ? "需求量（吨）" : "Demand (t)", width: 14 }, { header: zh ? "园内满足（吨）" : "In park (t)", width: 14 },
    { header: zh ? "园外满足（吨）" : "Outside (t)", width: 14 }, { header: zh ? "供应方" : "Suppliers", width: 60 },
  ];
  for (const d of plan.demands) {
    sheet.addRow([d.buyer.name, d.substance, d.cas ?? "", round3(d.quantityT), round3(d.inParkT), round3(d.outsideT),
      d.suppliers.map((s) => `${s.name} ${round3(s.quantityT)}t${s.inPark ? (zh ? "（园内）" : " (in park)") : ""}`).join("; ")]);
  }
  sheet.getRow(1).font = { bold: true };

  const gaps = book.addWorksheet(zh ? "补链清单" : "Chain gaps");
  gaps.columns = [
    { header: zh ? "物质" : "Substance", width: 22 }, { header: "CAS", width: 14 }, { header: zh ? "产业链" : "Industry chain", width: 14 },
    { header: zh ? "原因" : "Reason", width: 20 }, { header: zh ? "需求条数" : "Demands", width: 10 }, { header: zh ? "采购方" : "Buyers", width: 40 },
    { header: zh ? "需求量（吨）" : "Demand (t)", width: 14 }, { header: zh ? "园内缺口（吨）" : "Uncovered (t)", width: 14 },
    { header: zh ? "年化缺口（吨/年）" : "Uncovered per year (t)", width: 18 },
  ];
  for (const g of plan.gaps) {
    gaps.addRow([g.substance, g.cas ?? "", g.chain, g.reason === "no_supplier" ? (zh ? "园内无供应商" : "No supplier in the park") : (zh ? "园内可供量不足" : "Not enough in the park"),
      g.demands, g.buyers.join(zh ? "、" : ", "), round3(g.demandT), round3(g.uncoveredT), round3(g.annualT)]);
  }
  gaps.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
