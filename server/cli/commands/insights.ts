import { parseArgs } from "node:util";
import { formatCny, formatPercent, translator, validationText } from "@/i18n";
import { systemActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { parkByCode } from "@/server/parks/park.service";
import { chainMap } from "@/server/reports/chain-map";
import { green } from "@/server/reports/green";
import { insightsInput } from "@/server/reports/insights.schemas";
import { linkage } from "@/server/reports/linkage";
import type { CliCommand } from "../command";

/** Columns as a terminal shows them: CJK characters take two cells. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number, right = false) => (right ? " ".repeat(Math.max(0, n - width(s))) + s : s + " ".repeat(Math.max(0, n - width(s))));

function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, numeric[i])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

const t3 = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * The park insights: 产业关联度 of each enterprise of the park (in-park purchase and sales shares,
 * in-park partners, open demand the park can meet) and the green outcomes of sourcing in-park.
 */
export const insightsCommand: CliCommand = {
  name: "insights",
  synopsis: "insights --park C [--from D] [--to D] [--chain X]",
  summary: "产业关联度 per enterprise (in-park purchase/sales shares, partners, open demand) and green outcomes (tonne-km, CO₂e, by-products), with the chain map's nodes and edges in --json",
  async run(db, _args, argv, out) {
    const { values } = parseArgs({
      args: argv, allowPositionals: true, strict: false,
      options: { park: { type: "string" }, from: { type: "string" }, to: { type: "string" }, chain: { type: "string" } },
    });
    if (typeof values.park !== "string") throw new AppError("INVALID", { zh: "--park 需要园区代码", en: "--park needs a park code" });
    const park = await parkByCode(db, values.park);
    if (!park) throw new AppError("INVALID", { zh: `未知的园区代码 ${values.park}`, en: `Unknown park code ${values.park}` });
    const parsed = insightsInput.safeParse({ parkId: park.id, from: values.from, to: values.to, chain: values.chain });
    if (!parsed.success) {
      const zh = translator("zh"), en = translator("en");
      const issue = parsed.error.issues[0]!;
      const field = `--${String(issue.path[0] ?? "")}`;
      throw new AppError("INVALID", { zh: `${field}：${validationText(zh, issue.message)}`, en: `${field}: ${validationText(en, issue.message)}` });
    }
    const [l, g, map] = await Promise.all([
      linkage(db, systemActor, parsed.data), green(db, systemActor, parsed.data), chainMap(db, systemActor, parsed.data),
    ]);

    const data = {
      park: l.park.code, from: l.filters.from, to: l.filters.to, chain: l.filters.chain,
      enterprises: l.enterprises.map((e) => ({
        uscc: e.uscc, name: e.name, chains: e.chains,
        inParkPurchaseShare: e.inParkPurchaseShare, inParkSalesShare: e.inParkSalesShare, inParkPartners: e.inParkPartners,
        inParkPurchaseCny: e.inParkPurchaseCny, inParkSalesCny: e.inParkSalesCny, purchaseCny: e.purchaseCny, salesCny: e.salesCny,
        openDemands: e.openDemands, openDemandT: e.openDemandT, openDemandInParkT: e.openDemandInParkT,
      })),
      green: {
        basis: g.basis,
        inParkTonnes: g.inParkTonnes, tonneKmAvoided: g.tonneKmAvoided, co2eTonnesAvoided: g.co2eTonnesAvoided,
        byproductTonnesReused: g.byproductTonnesReused, byproductTonnesReusedInPark: g.byproductTonnesReusedInPark,
        tonnesAtDefaultDistance: g.tonnesAtDefaultDistance, tonnesWithoutCoordinates: g.tonnesWithoutCoordinates,
        contracted: g.contracted, byMonth: g.byMonth, byChain: g.byChain,
        kgCo2ePerTkm: g.settings.kgCo2ePerTkm, defaultHaulKm: g.settings.defaultHaulKm,
        factorSource: g.settings.factorSource, haulSource: g.settings.haulSource, how: g.how,
      },
      // the 产业链图谱: enterprises, external counterparties and gaps; flows seller → buyer per substance
      chainMap: { nodes: map.nodes, edges: map.edges, gapLinks: map.gapLinks, totals: map.totals },
    };

    const rows = l.enterprises.map((e) => [
      e.uscc, e.name, formatPercent(e.inParkPurchaseShare, "zh"), formatPercent(e.inParkSalesShare, "zh"), String(e.inParkPartners),
      formatCny(e.inParkPurchaseCny, "zh"), formatCny(e.inParkSalesCny, "zh"), String(e.openDemands), t3(e.openDemandInParkT),
    ]);
    const text = [
      `park ${l.park.code} · period ${l.filters.from ?? "…"} – ${l.filters.to ?? "…"}${l.filters.chain ? ` · chain ${l.filters.chain}` : ""}`,
      "",
      ...table(
        ["USCC", "enterprise", "in-park purchases", "in-park sales", "partners", "in-park bought", "in-park sold", "open demands", "met in park t"],
        rows, [false, false, true, true, true, true, true, true, true],
      ),
      "",
      `green outcomes (delivered tonnes): in-park ${t3(g.inParkTonnes)} t · ${t3(g.tonneKmAvoided)} t·km avoided · ${t3(g.co2eTonnesAvoided)} t CO₂e avoided · by-products reused ${t3(g.byproductTonnesReused)} t`,
      `  on contracted tonnes: in-park ${t3(g.contracted.inParkTonnes)} t · ${t3(g.contracted.tonneKmAvoided)} t·km · ${t3(g.contracted.co2eTonnesAvoided)} t CO₂e · by-products ${t3(g.contracted.byproductTonnesReused)} t`,
      `  factor ${g.settings.kgCo2ePerTkm} kg CO₂e/t·km (${g.settings.factorSource.en}); default distance ${g.settings.defaultHaulKm} km (${g.settings.haulSource.en})`,
      ...g.byMonth.map((m) => `  ${m.month}: ${t3(m.inParkTonnes)} t, ${t3(m.tonneKmAvoided)} t·km, ${t3(m.co2eTonnesAvoided)} t CO₂e, by-products ${t3(m.byproductTonnesReused)} t`),
      ...g.byChain.map((c) => `  ${c.chain}: ${t3(c.inParkTonnes)} t, ${t3(c.tonneKmAvoided)} t·km, ${t3(c.co2eTonnesAvoided)} t CO₂e, by-products ${t3(c.byproductTonnesReused)} t`),
    ].join("\n");
    out.result(data, text);
  },
};
