import { parseArgs } from "node:util";
import { translator, validationText } from "@/i18n";
import { systemActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { parkByCode } from "@/server/parks/park.service";
import { ledgerRows, listLabel } from "@/server/reports/ledger.service";
import { ledgerFilters } from "@/server/reports/report.schemas";
import type { CliCommand } from "../command";

const LISTS = ["hazardous", "toxic", "explosive", "precursor"];

/**
 * The flow ledger (流向台账), one row per shipment, for integrations: `--list` narrows it to
 * 剧毒 (toxic), 易制爆 (explosive), 易制毒 (precursor) or widens it to every hazardous-catalogue
 * substance (hazardous); without it, the controlled substances. The CLI acts as the system (park
 * staff of every park), so the agent's ID number is given in full, as in the park staff's export.
 */
export const ledgerCommand: CliCommand = {
  name: "ledger",
  synopsis: "ledger [--park C] [--from D] [--to D] [--list hazardous|toxic|explosive|precursor]",
  summary: "the flow ledger of controlled substances, one row per shipment (流向台账)",
  async run(db, _args, argv, out) {
    const { values } = parseArgs({
      args: argv, allowPositionals: true, strict: false,
      options: { park: { type: "string" }, from: { type: "string" }, to: { type: "string" }, list: { type: "string" } },
    });
    let parkId: number | undefined;
    if (typeof values.park === "string") {
      const park = await parkByCode(db, values.park);
      if (!park) throw new AppError("INVALID", { zh: `未知的园区代码 ${values.park}`, en: `Unknown park code ${values.park}` });
      parkId = park.id;
    } else if (values.park !== undefined) {
      throw new AppError("INVALID", { zh: "--park 需要园区代码", en: "--park needs a park code" });
    }
    if (values.list !== undefined && (typeof values.list !== "string" || !LISTS.includes(values.list))) {
      throw new AppError("INVALID", { zh: `--list 应为 ${LISTS.join("、")} 之一`, en: `--list must be one of ${LISTS.join(", ")}` });
    }
    const parsed = ledgerFilters.safeParse({ parkId, from: values.from, to: values.to, list: values.list });
    if (!parsed.success) {
      const zh = translator("zh"), en = translator("en");
      const issue = parsed.error.issues[0]!;
      const field = `--${String(issue.path[0] ?? "")}`;
      throw new AppError("INVALID", { zh: `${field}：${validationText(zh, issue.message)}`, en: `${field}: ${validationText(en, issue.message)}` });
    }
    const rows = await ledgerRows(db, systemActor, parsed.data, { reveal: true });
    const text = rows.length === 0
      ? "no shipments"
      : rows.map((r) => [
        `#${r.id}`, r.date, `${r.seller.name} → ${r.buyer.name}`, `${r.substance ?? "?"} ${r.cas ?? ""}`.trim(), listLabel(r), `${r.quantityT} t`,
        r.purpose ?? "", r.agentName ?? "", r.correctsId ? `corrects #${r.correctsId}` : "", r.correctedBy ? `corrected by #${r.correctedBy}` : "",
      ].filter(Boolean).join(" · ")).join("\n");
    out.result({ rows }, text);
  },
};
