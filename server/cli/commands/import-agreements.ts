import fs from "node:fs";
import path from "node:path";
import { systemActor } from "@/server/auth/actor";
import { importAgreements } from "@/server/agreements/import-agreements";
import { AppError } from "@/server/errors";
import type { CliCommand } from "../command";

export const importAgreementsCommand: CliCommand = {
  name: "import agreements",
  synopsis: "import agreements FILE",
  summary: "imports agreements signed at an event (CSV/XLSX; rows sharing ref are one agreement's lines)",
  async run(db, args, _argv, out) {
    const file = args[0];
    if (!file) throw new AppError("INVALID", { zh: "请指定要导入的文件", en: "Name the file to import" });
    if (!fs.existsSync(file)) throw new AppError("INVALID", { zh: `文件不存在：${file}`, en: `No such file: ${file}` });
    if (!/\.(csv|xlsx)$/i.test(file)) throw new AppError("INVALID", { zh: "请使用 .csv 或 .xlsx 文件", en: "Use a .csv or .xlsx file" });
    const summary = await importAgreements(db, systemActor, { name: path.basename(file), bytes: fs.readFileSync(file) });
    const lines = [
      `inserted ${summary.inserted}, updated ${summary.updated}, rejected ${summary.rejected.length}`,
      ...summary.rejected.map((r) => `  ${r.ref || "(no ref)"} row ${r.row}${r.column ? ` [${r.column}]` : ""}: ${r.zh} / ${r.en}`),
    ];
    out.result(summary, lines.join("\n"));
  },
};
