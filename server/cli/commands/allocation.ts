import { parseArgs } from "node:util";
import { formatCny } from "@/i18n";
import { systemActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { parkAllocationWithGraph } from "@/server/matching/allocation.service";
import { parkByCode } from "@/server/parks/park.service";
import type { CliCommand } from "../command";

const t3 = (n: number) => String(Math.round(n * 1000) / 1000);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * The park-wide allocation as the park's page shows it (one base: the open demand; today's
 * in-park fulfilment, the optimised one and the gain; the chain gaps with their reasons), and
 * with `--json` also the size of the candidate graph behind it.
 */
export const allocationCommand: CliCommand = {
  name: "allocation",
  synopsis: "allocation --park C",
  summary: "park-wide allocation of open demand: in-park fulfilment today and optimised, the gain, chain gaps with reasons",
  async run(db, _args, argv, out) {
    const { values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { park: { type: "string" } } });
    if (typeof values.park !== "string") throw new AppError("INVALID", { zh: "--park 需要园区代码", en: "--park needs a park code" });
    const park = await parkByCode(db, values.park);
    if (!park) throw new AppError("INVALID", { zh: `未知的园区代码 ${values.park}`, en: `Unknown park code ${values.park}` });
    const r = await parkAllocationWithGraph(db, systemActor, park.id);
    const text = [
      `park ${r.park.code} · ${r.base.demands} open demand(s), ${t3(r.base.demandT)} t`,
      `in park today ${t3(r.today.inParkT)} t (${pct(r.today.rate)}) · optimised ${t3(r.optimised.inParkT)} t (${pct(r.optimised.rate)}) · gain ${t3(r.gain.t)} t, ${formatCny(r.gain.cny, "zh")} (${r.gain.cny.toFixed(2)} CNY)`,
      `chain gaps: ${r.gaps.length}`,
      ...r.gaps.map((g) => `  ${g.substance}${g.cas ? ` (${g.cas})` : ""} · ${g.chain} · uncovered ${t3(g.uncoveredT)} t\n    ${g.reason.zh}\n    ${g.reason.en}`),
    ].join("\n");
    out.result(r, text);
  },
};
