import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { systemActor } from "@/server/auth/actor";
import { findEnterpriseByUscc, importCatalogueNow } from "@/server/catalogue/import-job";
import { AppError } from "@/server/errors";
import { drainAll } from "@/server/jobs/outbox";
import { SEARCH_DRAIN_BATCH, SEARCH_HANDLERS } from "@/server/search/handlers";
import type { CliCommand } from "../command";

export const importCatalogueCommand: CliCommand = {
  name: "import catalogue",
  synopsis: "import catalogue FILE --enterprise USCC [--wait]",
  summary: "imports an enterprise's product catalogue (CSV/XLSX); --wait returns once the rows are searchable",
  async run(db, _args, argv, out) {
    // options read here, with their values, so FILE may come before or after them
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: false,
      options: { enterprise: { type: "string" }, wait: { type: "boolean" }, json: { type: "boolean" } },
    });
    const [file, ...extra] = positionals.slice(2);
    if (!file) throw new AppError("INVALID", { zh: "请指定要导入的文件", en: "Name the file to import" });
    if (extra.length) throw new AppError("INVALID", { zh: "一次只能导入一个文件", en: "Import one file at a time" });
    if (typeof values.enterprise !== "string" || !values.enterprise) {
      throw new AppError("INVALID", { zh: "请用 --enterprise 指定企业的统一社会信用代码", en: "Name the enterprise with --enterprise USCC" });
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError("INVALID", { zh: `文件不存在：${file}`, en: `No such file: ${file}` });
    const enterprise = await findEnterpriseByUscc(db, values.enterprise);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      throw new AppError("INVALID", { zh: `无法读取文件：${(e as Error).message}`, en: `Cannot read the file: ${(e as Error).message}` });
    }

    const progress = (line: string) => !values.json && process.stderr.write(line);
    let shown = -1;
    const job = await importCatalogueNow(db, systemActor, { enterpriseId: enterprise.id, file: { name: path.basename(file), bytes } }, {
      onProgress: (j) => {
        const percent = Math.floor(j.progress * 100);
        if (j.validRows > 5000 && percent !== shown) progress(`\rimporting… ${percent}% (${j.processedRows}/${j.validRows})`);
        shown = percent;
      },
    });
    if (shown >= 0 && job.validRows > 5000) progress("\n");
    if (job.status === "failed") throw new AppError("INVALID", job.error ?? { zh: "导入失败", en: "The import failed" });

    let searchable: boolean | null = null;
    if (values.wait) {
      progress("waiting for search to catch up…\n");
      // large passes: Meilisearch indexes several batches of documents together
      searchable = await drainAll(db, SEARCH_HANDLERS, { timeoutMs: 180_000, batchSize: SEARCH_DRAIN_BATCH });
      if (!searchable) progress("search is not reachable: the rows are saved and become searchable once it is back\n");
    }
    const summary = {
      job: job.id,
      enterprise: { name: enterprise.name, uscc: enterprise.uscc },
      inserted: job.inserted,
      updated: job.updated,
      rejected: job.rejected,
      ...(searchable === null ? {} : { searchable }),
    };
    const lines = [
      `${enterprise.name}: inserted ${job.inserted}, updated ${job.updated}, rejected ${job.rejected.length}`,
      ...job.rejected.map((r) => `  row ${r.row}${r.column ? ` [${r.column}]` : ""}: ${r.zh} / ${r.en}`),
      ...(searchable === null ? [] : [searchable ? "all rows are searchable" : "not yet searchable (search unavailable)"]),
    ];
    out.result(summary, lines.join("\n"));
  },
};
