import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { catalogueImports, outbox, products } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { makeEnterprise } from "@/server/testing/factories";
import { CATALOGUE_COLUMNS } from "./import";
import { getImportJob, runImportSlice, startCatalogueImport } from "./import-job";

const ROWS = 100_000;
const db = getDb();
let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-import-scale-"));
  file = path.join(dir, "catalogue-100k.xlsx");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet("产品目录");
  sheet.addRow(CATALOGUE_COLUMNS.map((c) => c.label)).commit();
  for (let i = 0; i < ROWS; i++) {
    sheet.addRow([`L-${String(i).padStart(6, "0")}`, `产品 ${i}`, "67-63-0", "工业级", 99, "液体", "200L桶", 1000, i % 500, 7000, ""]).commit();
  }
  sheet.commit();
  await workbook.commit();
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A health endpoint in this process, polled every 200 ms while `work` runs: what each probe got,
 * and whether `work` was still running when the answer came. How long a probe may wait is a
 * figure for bench/import-parse.ts (the event loop's longest wait), not for a test.
 */
async function probedWhile<T>(work: () => Promise<T>): Promise<{ result: T; probes: Array<{ answer: string; during: boolean }> }> {
  const server = http.createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ status: "ok" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  const probes: Array<{ answer: string; during: boolean }> = [];
  let working = true;
  const polling = (async () => {
    while (working) {
      let answer: string;
      try {
        const res = await fetch(url);
        answer = res.ok && (await res.json()).status === "ok" ? "ok" : `HTTP ${res.status}`;
      } catch (e) {
        answer = (e as Error).name;
      }
      probes.push({ answer, during: working });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  try {
    return { result: await work(), probes };
  } finally {
    working = false;
    await polling;
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("a 100,000-row XLSX catalogue", () => {
  it("is read whole, every row counted, while a health endpoint in the same process keeps answering", async () => {
    const enterprise = await makeEnterprise();
    const bytes = fs.readFileSync(file);
    // the request stores the file; the worker (in the same process, as in the web server) reads it
    // in its first slice and writes that slice's rows
    let jobId = 0;
    const { result: job, probes } = await probedWhile(async () => {
      const started = await startCatalogueImport(db, systemActor, { enterpriseId: enterprise.id, file: { name: "catalogue-100k.xlsx", bytes } });
      jobId = started.id;
      await db.transaction((tx) => runImportSlice(tx, started.id, 1000));
      return getImportJob(db, systemActor, started.id);
    });
    try {
      expect(job).toMatchObject({ status: "running", totalRows: ROWS, validRows: ROWS, processedRows: 1000, rejectedCount: 0 });
      // the probes were answered while the import ran (it does not hold the event loop), and none failed
      expect(probes.filter((p) => p.during).length).toBeGreaterThanOrEqual(2);
      expect(probes.filter((p) => p.answer !== "ok")).toEqual([]);

      // the first slice landed, numbered as the sheet numbers them
      const written = await db.select({ sku: products.sku }).from(products).where(eq(products.enterpriseId, enterprise.id)).orderBy(products.sku);
      expect(written).toHaveLength(1000);
      expect(written.at(-1)!.sku).toBe("L-000999");
    } finally {
      // the rest is not for this test: keep other tests' import workers from taking the job up
      await db.delete(outbox).where(and(eq(outbox.topic, "catalogue-imports:import"), eq(outbox.entityId, String(jobId))));
      await db.delete(catalogueImports).where(eq(catalogueImports.id, jobId));
    }
  }, 300_000); // a heavy test (100k rows read and a slice written) on a 2-core machine: a bound, not a measure
});
