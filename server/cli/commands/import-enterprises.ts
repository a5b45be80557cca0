import fs from "node:fs";
import path from "node:path";
import { systemActor } from "@/server/auth/actor";
import { importEnterprises } from "@/server/enterprises/import";
import { AppError } from "@/server/errors";
import type { CliCommand } from "../command";

export const importEnterprisesCommand: CliCommand = {
  name: "import enterprises",
  synopsis: "import enterprises FILE",
  summary: "imports the enterprise directory (CSV/XLSX: uscc, name, park, chains, address)",
  async run(db, args, _argv, out) {
    const file = args[0];
    if (!file) throw new AppError("INVALID", { zh: "请指定要导入的文件", en: "Name the file to import" });
    if (!fs.existsSync(file)) throw new AppError("INVALID", { zh: `文件不存在：${file}`, en: `No such file: ${file}` });
    const summary = await importEnterprises(db, systemActor, { name: path.basename(file), bytes: fs.readFileSync(file) });
    const lines = [
      `inserted ${summary.inserted}, updated ${summary.updated}, rejected ${summary.rejected.length}`,
      ...summary.rejected.map((r) => `  row ${r.row}${r.column ? ` [${r.column}]` : ""}: ${r.zh} / ${r.en}`),
    ];
    out.result(summary, lines.join("\n"));
  },
};
