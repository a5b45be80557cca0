import { parseArgs } from "node:util";
import { translator, validationText } from "@/i18n";
import { systemActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { exploreInput } from "@/server/matching/match.schemas";
import { exploreSuppliers } from "@/server/matching/match.service";
import type { CliCommand } from "../command";

/** Grade words as people type them, Chinese or English. */
const GRADE_WORDS: Record<string, string> = {
  工业级: "industrial", 试剂级: "reagent", 电子级: "electronic", 医药级: "pharma", 食品级: "food",
  industrial: "industrial", reagent: "reagent", electronic: "electronic", pharma: "pharma", pharmaceutical: "pharma", food: "food",
};

const numberOrNaN = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v) : undefined);

export const matchCommand: CliCommand = {
  name: "match",
  synopsis: "match --buyer USCC (--cas CAS | --q TEXT) --qty T [--grade G] [--min-purity P] [--limit N] [--include-blocked] [--byproducts]",
  summary: "ranked suppliers for a would-be demand: score, reasons and compliance state",
  async run(db, _args, argv, out) {
    const { values } = parseArgs({
      args: argv, allowPositionals: true, strict: false,
      options: {
        buyer: { type: "string" }, cas: { type: "string" }, q: { type: "string" }, qty: { type: "string" }, grade: { type: "string" },
        "min-purity": { type: "string" }, limit: { type: "string" }, "include-blocked": { type: "boolean" },
        byproducts: { type: "boolean" },
      },
    });
    const gradeWord = typeof values.grade === "string" ? values.grade.trim().toLowerCase() : undefined;
    const parsed = exploreInput.safeParse({
      buyerUscc: values.buyer ?? "",
      cas: values.cas,
      q: values.q,
      quantityT: numberOrNaN(values.qty),
      grade: gradeWord === undefined ? undefined : (GRADE_WORDS[gradeWord] ?? gradeWord),
      minPurityPct: numberOrNaN(values["min-purity"]),
      limit: numberOrNaN(values.limit) ?? 20,
      includeBlocked: Boolean(values["include-blocked"]),
      acceptsByproducts: Boolean(values.byproducts),
    });
    if (!parsed.success) {
      const zh = translator("zh"), en = translator("en");
      const flag: Record<string, string> = { buyerUscc: "--buyer", cas: "--cas", q: "--q", quantityT: "--qty", grade: "--grade", minPurityPct: "--min-purity", limit: "--limit" };
      const problems = parsed.error.issues.map((i) => {
        const name = flag[String(i.path[0])] ?? String(i.path[0]);
        return { zh: `${name}: ${validationText(zh, i.message)}`, en: `${name}: ${validationText(en, i.message)}` };
      });
      throw new AppError("INVALID", { zh: problems.map((p) => p.zh).join("；"), en: problems.map((p) => p.en).join("; ") });
    }
    const result = await exploreSuppliers(db, systemActor, parsed.data);
    const lines = [
      `${result.buyer.name} (${result.buyer.uscc}${result.buyer.park ? `, ${result.buyer.park}` : ""}): ${result.candidates.length} candidate(s)`,
      ...result.candidates.map((c) =>
        `${String(c.rank).padStart(3)}. ${(c.score?.toFixed(2) ?? "-").padStart(6)}  [${c.compliance}]  ${c.supplier ? `${c.supplier.name} (${c.supplier.uscc}, ${c.supplier.park ?? "-"})` : "-"}  ` +
        `${c.product?.name ?? c.byproduct?.name}\n       ${c.reasons.zh}\n       ${c.reasons.en}`),
    ];
    out.result(result, lines.join("\n"));
  },
};
