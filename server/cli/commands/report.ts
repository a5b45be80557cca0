import { parseArgs } from "node:util";
import { translator, validationText } from "@/i18n";
import { systemActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { parkByCode } from "@/server/parks/park.service";
import { reportFilters } from "@/server/reports/report.schemas";
import { reportFiguresFor } from "@/server/reports/report.service";
import { formatCny } from "@/i18n";
import type { CliCommand } from "../command";

export const reportCommand: CliCommand = {
  name: "report",
  synopsis: "report [--park C] [--from D] [--to D] [--chain X]",
  summary: "the park dashboard's figures: agreements, amount, enterprises involved, in-park share, by type, by chain",
  async run(db, _args, argv, out) {
    const { values } = parseArgs({
      args: argv, allowPositionals: true, strict: false,
      options: { park: { type: "string" }, from: { type: "string" }, to: { type: "string" }, chain: { type: "string" } },
    });
    let parkId: number | undefined;
    if (typeof values.park === "string") {
      const park = await parkByCode(db, values.park);
      if (!park) throw new AppError("INVALID", { zh: `未知的园区代码 ${values.park}`, en: `Unknown park code ${values.park}` });
      parkId = park.id;
    } else if (values.park !== undefined) {
      throw new AppError("INVALID", { zh: "--park 需要园区代码", en: "--park needs a park code" });
    }
    const parsed = reportFilters.safeParse({ parkId, from: values.from, to: values.to, chain: values.chain });
    if (!parsed.success) {
      const zh = translator("zh"), en = translator("en");
      const issue = parsed.error.issues[0]!;
      const field = `--${String(issue.path[0] ?? "")}`;
      throw new AppError("INVALID", { zh: `${field}：${validationText(zh, issue.message)}`, en: `${field}: ${validationText(en, issue.message)}` });
    }
    const r = await reportFiguresFor(db, systemActor, parsed.data);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const text = [
      `park ${r.filters.parkCode ?? "all"} · period ${r.filters.from ?? "…"} – ${r.filters.to ?? "…"}${r.filters.chain ? ` · chain ${r.filters.chain}` : ""}`,
      `agreements ${r.agreements} · amount ${formatCny(r.amountCny, "zh")} (${r.amountCny.toFixed(2)} CNY) · enterprises ${r.enterprises} · in-park share ${pct(r.inParkShare)}`,
      `by type: ${Object.entries(r.byType).map(([k, v]) => `${k} ${v.count} (${formatCny(v.amountCny, "zh")})`).join(", ")}`,
      `by chain (an agreement under every chain of both parties; distinct ${r.chainTotals.count} (${formatCny(r.chainTotals.amountCny, "zh")}), without a chain ${r.chainTotals.unattributed.count}):`,
      ...r.byChain.map((c) => `  ${c.chain}: ${c.count} (${formatCny(c.amountCny, "zh")})`),
      `by month: ${r.byMonth.map((m) => `${m.month} ${m.count} (${formatCny(m.amountCny, "zh")})`).join(", ")}`,
      `framework fulfilment: called off ${r.fulfilment.calledOffT} t of ${r.fulfilment.agreedT} t (${pct(r.fulfilment.calledOffRate)}), delivered ${r.fulfilment.deliveredT} t`,
    ].join("\n");
    out.result({
      park: r.filters.parkCode, from: r.filters.from, to: r.filters.to, chain: r.filters.chain,
      agreements: r.agreements, amountCny: r.amountCny, inParkAmountCny: r.inParkAmountCny, enterprises: r.enterprises, inParkShare: r.inParkShare,
      byType: Object.fromEntries(Object.entries(r.byType).map(([k, v]) => [k, v.count])),
      amountByType: Object.fromEntries(Object.entries(r.byType).map(([k, v]) => [k, v.amountCny])),
      byChain: Object.fromEntries(r.byChain.map((c) => [c.chain, { count: c.count, amountCny: c.amountCny }])),
      chainTotals: r.chainTotals,
      byMonth: r.byMonth,
      flows: r.flows.map((f) => ({ seller: f.seller, buyer: f.buyer, count: f.count, amountCny: f.amountCny })),
      fulfilment: r.fulfilment,
      enterprisesActive: r.enterprisesActive, listings: r.listings, matches: r.matches, inquiries: r.inquiries,
    }, text);
  },
};
