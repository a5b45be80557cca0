/**
 * `npx tsx bench/scale.ts`: ParkLink at national scale, on a fresh embedded PostgreSQL and
 * Meilisearch (a temporary DATA_DIR), every figure a ratio measured side by side in one run.
 *
 * Data (default 1,000,000 products, 600 parks, 60,000 enterprises, 200,000 open demands): parks,
 * enterprises (nine in ten in a park; the largest park has one enterprise in forty, so ~5,000 of
 * the demands at full size), licences and demands are generated set-based in SQL (not what is
 * measured); the products go through the product's own import paths, as catalogue CSV files of
 * up to 50,000 rows, half of them each way:
 *
 * 1. import until searchable
 *    - CLI: what `import catalogue FILE --wait` does (the job's slices drained in this process,
 *      then search sync through the outbox in large passes);
 *    - web: what the import page does (the file stored as a job; the worker, with the product's
 *      lanes and batch sizes, imports it slice by slice while its search lane indexes);
 *    each ÷ raw `addDocuments` of the very same documents (50,000 per task, all sent before any is
 *    awaited) into a raw index in the same state (the CLI half first, then the web half), and each
 *    also as CPU seconds (app + PostgreSQL + Meilisearch) ÷ raw's: the 2 cores are shared, CPU
 *    time is what the machine's other load does not inflate;
 * 2. search: a query mix through the search API over HTTP (bench/search-server.ts: the production
 *    server's `/api/search` fast path, without building the Next.js app) and through raw
 *    Meilisearch with the very same multi-search (`productSearchPasses`), p50/p95 and ratios;
 * 3. matching: one demand's ranking (top 20) p95 in ms, and the "suppliers for my demand" page's
 *    procedure (`suppliersForDemand`, reading the stored suggestions the worker keeps) ÷ the ranking;
 * 4. park-wide allocation for the largest park and for every park in one run;
 * 5. peak memory (RSS of this process, which runs the imports and the worker, and of the search
 *    server; PSS summed over PostgreSQL's processes; RSS of Meilisearch) and disk of each data dir.
 *
 * The last line is one JSON object with every figure (`importCliOverRaw`, `importWebOverRaw`,
 * `searchP95OverRaw`, `matchP95Ms`, `matchPageOverRanking`, `allocationLargestParkS`, …).
 *
 * Options: --products N --parks N --enterprises N --demands N (sizes), --quick (20,000 products,
 * 30 parks, 3,000 enterprises, 10,000 demands, fewer rounds: a few minutes), --rounds N (search
 * rounds, 10), --samples N (demands timed, 200), --port P (3112), --keep (leave the data folder),
 * --no-all-parks (leave out allocating every park: about 48 minutes at 1M).
 */
// first: the bench's own DATA_DIR, before the app's configuration is read
import { benchDataDir } from "./temp-data-dir";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { inArray, sql } from "drizzle-orm";
import type { MultiSearchParams } from "meilisearch";
import { createDb } from "@/db";
import { enterprises, outbox, parks, products } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { catalogueImportHandlers, getImportJob, importCatalogueNow, startCatalogueImport } from "@/server/catalogue/import-job";
import { todayInChina } from "@/server/compliance/compliance";
import { drainAll, pendingCount } from "@/server/jobs/outbox";
import { startWorker, WORKER_BATCH_SIZE } from "@/server/jobs/worker";
import { computeAllocation } from "@/server/matching/allocation.service";
import { rankCandidates } from "@/server/matching/candidates";
import { suppliersForDemand } from "@/server/matching/match.service";
import { loadDemandsForMatching, refreshDemandMatches } from "@/server/matching/refresh";
import { prepareDatabase } from "@/server/platform/install";
import { connectServices } from "@/server/platform/services";
import { meiliClient } from "@/server/search/client";
import { SEARCH_DRAIN_BATCH, SEARCH_HANDLERS } from "@/server/search/handlers";
import { ensureIndex } from "@/server/search/indexes";
import { loadProductSources, productDocuments, type ProductDoc } from "@/server/search/products.index";
import { asksAboutSupplier, buildFilter, interpretQuery, productSearchPasses, visibleSuppliersFilter } from "@/server/search/query";
import { reindex } from "@/server/search/reindex";
import { searchApiPath, searchProductsInput, type SearchProductsInput } from "@/server/search/search.schemas";
import { generator } from "@/server/seed/random";
import { buildReference } from "@/server/substances/reference";

const { values: opts } = parseArgs({
  options: {
    products: { type: "string" }, parks: { type: "string" }, enterprises: { type: "string" }, demands: { type: "string" },
    quick: { type: "boolean", default: false }, rounds: { type: "string" }, samples: { type: "string" },
    port: { type: "string", default: "3112" }, keep: { type: "boolean", default: false }, "all-parks": { type: "boolean", default: true },
  },
  allowNegative: true,
});
const quick = opts.quick;
const size = (given: string | undefined, full: number, reduced: number) => Number(given ?? (quick ? reduced : full));
const PRODUCTS = size(opts.products, 1_000_000, 20_000);
const PARKS = size(opts.parks, 600, 30);
const ENTERPRISES = size(opts.enterprises, 60_000, 3_000);
const DEMANDS = size(opts.demands, 200_000, 10_000);
const ROUNDS = size(opts.rounds, 10, 3);
const SAMPLES = size(opts.samples, 200, 50);
const WARM_ROUNDS = quick ? 3 : 5;
const PORT = Number(opts.port);
/** rows per catalogue file: well under an import's row limit, one supplier enterprise per file */
const FILE_ROWS = 50_000;
/** documents per raw addDocuments task: search sync's batch */
const RAW_TASK_DOCS = 50_000;

const log = (line: string) => console.log(`[scale] ${line}`);
const seconds = (from: number) => (performance.now() - from) / 1000;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const sortedOf = (list: number[]) => [...list].sort((a, b) => a - b);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

// ---------------------------------------------------------------- processes: memory, CPU, disk

const readProc = (pid: number, file: string) => {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
};
/** kB of a /proc status or smaps_rollup field */
const kb = (text: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
const statFields = (pid: number) => {
  const stat = readProc(pid, "stat");
  return stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ") : null;
};
/** a process and its children (PostgreSQL's backends are the postmaster's children) */
function family(pid: number): number[] {
  const pids = [pid];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    if (Number(statFields(Number(entry))?.[1]) === pid) pids.push(Number(entry));
  }
  return pids;
}
const TICK = 100;
/** CPU seconds of a process, with its reaped children's (a backend that ended counts in its postmaster's) */
function cpuSeconds(pids: number[], root: number): number {
  let ticks = 0;
  for (const pid of pids) {
    const f = statFields(pid);
    if (!f) continue;
    ticks += Number(f[11]) + Number(f[12]);
    if (pid === root) ticks += Number(f[13]) + Number(f[14]);
  }
  return ticks / TICK;
}
function du(dir: string): number {
  try {
    return Number(execFileSync("du", ["-sk", dir], { encoding: "utf8" }).split("\t")[0]) * 1024;
  } catch {
    return 0;
  }
}
const mb = (bytes: number) => round(bytes / 1024 / 1024, 0);

class Resources {
  peak = { app: 0, searchServer: 0, postgres: 0, meilisearch: 0 };
  searchServerPid = 0;
  private timer: NodeJS.Timeout;
  constructor(readonly postgresPid: number, readonly meiliPid: number) {
    this.timer = setInterval(() => this.sample(), 500);
    this.timer.unref();
  }
  sample() {
    const max = (key: keyof Resources["peak"], bytes: number) => (this.peak[key] = Math.max(this.peak[key], bytes));
    max("app", process.memoryUsage().rss);
    if (this.searchServerPid) max("searchServer", kb(readProc(this.searchServerPid, "status"), "VmRSS") * 1024);
    // PSS: shared buffers counted once across the backends, not once per backend
    max("postgres", family(this.postgresPid).reduce((sum, pid) => sum + kb(readProc(pid, "smaps_rollup"), "Pss"), 0) * 1024);
    max("meilisearch", kb(readProc(this.meiliPid, "status"), "VmRSS") * 1024);
  }
  /** CPU seconds so far: this process, PostgreSQL, Meilisearch */
  cpu() {
    const app = process.cpuUsage();
    return {
      app: (app.user + app.system) / 1e6,
      postgres: cpuSeconds(family(this.postgresPid), this.postgresPid),
      meilisearch: cpuSeconds([this.meiliPid], this.meiliPid),
    };
  }
  stop() {
    clearInterval(this.timer);
  }
}
type Cpu = ReturnType<Resources["cpu"]>;
const cpuSince = (before: Cpu, after: Cpu) => after.app - before.app + after.postgres - before.postgres + after.meilisearch - before.meilisearch;

// ---------------------------------------------------------------- the data

const substancesOf = () => buildReference().filter((s) => s.cas && (s.nameZh || s.nameEn));

/** One catalogue file: rows named the way catalogues name things, as bench/search.ts writes them. */
function catalogueCsv(rows: number, prefix: string, seed: number, substances: ReturnType<typeof substancesOf>): Buffer {
  const rnd = generator(seed);
  const grades = ["工业级", "试剂级", "电子级", "医药级", "食品级", "industrial", "reagent", ""];
  const forms = ["液体", "固体", "气体", "liquid", "solid", ""];
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ["sku,name,cas,grade,purity,form,packaging,capacity_tpy,available_t,price_cny_per_t,description"];
  for (let i = 0; i < rows; i++) {
    const s = rnd.pick(substances);
    const names = [s.nameZh, s.nameZh, s.nameEn, ...s.aliases.slice(0, 4)].filter((n): n is string => Boolean(n) && n!.length <= 60);
    const purity = rnd.pick(["98", "99", "99.5", "99.9", "99.99", ""]);
    const capacity = rnd.pick([100, 500, 1000, 5000, 20000]);
    lines.push([
      `${prefix}-${String(i).padStart(7, "0")}`, `${rnd.pick(names)}${purity && rnd.next() < 0.5 ? ` ${purity}%` : ""}`, rnd.next() < 0.92 ? s.cas! : "",
      rnd.pick(grades), purity, rnd.pick(forms), rnd.pick(["25kg袋", "200L桶", "IBC吨桶", "槽车", ""]), String(capacity),
      String(Math.round(capacity * rnd.next() * 0.3)), String(rnd.int(300, 60000)), "",
    ].map(cell).join(","));
  }
  return Buffer.from(lines.join("\n") + "\n");
}

/** Parks, enterprises, licences and open demands, set-based (INSERT … SELECT over generate_series). */
async function generateDirectory(db: ReturnType<typeof createDb>["db"], substances: ReturnType<typeof substancesOf>) {
  const rnd = generator(20261201);
  const centres = Array.from({ length: PARKS }, () => ({ lat: 22 + rnd.next() * 18, lng: 105 + rnd.next() * 17 }));
  await db.execute(sql`
    INSERT INTO ${parks} (code, name)
    SELECT 'NP' || lpad(g::text, 4, '0'), '全国基准化工园区' || g FROM generate_series(1, ${PARKS}) g`);
  const parkIds = (await db.select({ id: parks.id }).from(parks).orderBy(parks.id)).map((p) => p.id);
  // enterprise g: one in ten outside any park; one in forty in the first (largest) park; the rest spread
  await db.execute(sql`
    WITH c AS (SELECT * FROM unnest(${sql.param(parkIds)}::int[], ${sql.param(centres.map((c) => c.lat))}::float8[], ${sql.param(centres.map((c) => c.lng))}::float8[]) WITH ORDINALITY AS c(id, lat, lng, n)),
    e AS (
      SELECT g, CASE WHEN g % 10 = 9 THEN NULL WHEN g % 40 = 0 OR ${PARKS} = 1 THEN 1 ELSE 2 + (g * 7919) % greatest(${PARKS} - 1, 1) END AS park_n
      FROM generate_series(1, ${ENTERPRISES}) g
    )
    INSERT INTO ${enterprises} (uscc, name, park_id, chains, lat, lng, verified_at)
    SELECT '913206' || lpad(e.g::text, 12, '0'), '全国基准化工有限公司' || e.g, c.id,
      ARRAY[(ARRAY['精细化工','基础化工','有机新材料','电子化学品','医药大健康','新能源材料'])[1 + e.g % 6]],
      round((coalesce(c.lat, 22 + (e.g * 37 % 1800) / 100.0) + ((e.g * 13 % 100) - 50) / 1000.0)::numeric, 6),
      round((coalesce(c.lng, 105 + (e.g * 53 % 1700) / 100.0) + ((e.g * 17 % 100) - 50) / 1000.0)::numeric, 6),
      now()
    FROM e LEFT JOIN c ON c.n = e.park_n`);
  await db.execute(sql`
    INSERT INTO licence (enterprise_id, type, number, valid_until, verified_at)
    SELECT id, 'hazardous_trade', 'SCALE-' || id, (now() + interval '300 days')::date, now() FROM ${enterprises} WHERE id % 3 = 0`);
  const cas = substances.map((s) => s.cas!);
  const names = substances.map((s) => s.nameZh ?? s.nameEn!);
  // demands of buyers anywhere (their park's share follows the enterprises'), for substances the catalogue lists
  await db.execute(sql`
    WITH s AS (SELECT * FROM unnest(${sql.param(cas)}::text[], ${sql.param(names)}::text[]) WITH ORDINALITY AS s(cas, name, n)),
    bounds AS (SELECT min(id) AS lo, count(*) AS n FROM ${enterprises})
    INSERT INTO demand (enterprise_id, cas, substance_name, quantity, grade, min_purity_pct, expires_on, status)
    SELECT bounds.lo + (g::bigint * 104729) % bounds.n, s.cas, s.name, (ARRAY[20, 50, 100, 300, 1000])[1 + g % 5],
      (ARRAY[NULL, 'industrial', 'reagent', 'electronic']::grade[])[1 + g % 4], (ARRAY[NULL, 99, 99.5])[1 + g % 3],
      (now() + make_interval(days => 30 + g % 30))::date, 'open'
    FROM generate_series(1, ${DEMANDS}) g CROSS JOIN bounds JOIN s ON s.n = 1 + (g * 7907) % ${cas.length}`);
  return parkIds;
}

// ---------------------------------------------------------------- the search query mix

/** What procurement staff type: a cut of bench/search.ts's mix (CAS, names, aliases, English, typos, filters, pasted forms). */
const QUERIES: SearchProductsInput[] = [
  { q: "67-63-0" }, { q: "108-88-3" }, { q: "64175" }, { q: "75-09-2", grade: "industrial" },
  { q: "甲苯" }, { q: "异丙醇" }, { q: "硫酸" }, { q: "乙酸乙酯" }, { q: "二氯甲烷" }, { q: "甲醇" },
  { q: "醋酸乙酯" }, { q: "烧碱" }, { q: "IPA" }, { q: "DMF" },
  { q: "toluene" }, { q: "isopropyl alcohol" }, { q: "acetone" }, { q: "ethyl acetate" },
  { q: "tolune" }, { q: "acetonitril" },
  { q: "乙醇", grade: "pharma" }, { q: "acid", form: "liquid" }, { q: "甲苯", park: "NP0001" }, { q: "溶剂", inPark: true },
  { q: "異丙醇" }, { q: "H2SO4" }, { q: "CAS No.: 108-88-3" }, { q: "99.5% 异丙醇" }, { q: "丙酮 AR" },
  { q: "丙酮", minPurity: 99, maxPrice: 8000 }, { q: "acid", sort: "price" },
];

// ---------------------------------------------------------------- the run

async function main() {
  const dataDir = benchDataDir;
  delete process.env.DATABASE_URL;
  delete process.env.MEILI_URL;
  log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; node ${process.version}`);
  log(`sizes: ${PRODUCTS} products, ${PARKS} parks, ${ENTERPRISES} enterprises, ${DEMANDS} open demands`);
  const started = performance.now();
  const services = await connectServices(log);
  let searchServer: ChildProcess | null = null;
  let resources: Resources | null = null;
  try {
    await prepareDatabase(services.databaseUrl, log);
    const { db, close } = createDb(services.databaseUrl, { max: 10, statementTimeoutMs: 0 });
    const meili = meiliClient(services.meiliUrl, services.meiliKey, 600_000);
    const postgresPid = Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    const meiliPid = Number(JSON.parse(fs.readFileSync(path.join(dataDir, "meilisearch.json"), "utf8")).pid);
    resources = new Resources(postgresPid, meiliPid);

    // --- the directory and the demands
    let t0 = performance.now();
    const substances = substancesOf();
    await generateDirectory(db, substances);
    log(`directory: ${PARKS} parks, ${ENTERPRISES} enterprises, ${DEMANDS} demands in ${seconds(t0).toFixed(1)} s`);

    // --- the catalogue files: half through the CLI path, half through the web path
    const files = Math.max(2, Math.ceil(PRODUCTS / FILE_ROWS));
    const rowsOf = (k: number) => Math.floor(PRODUCTS / files) + (k < PRODUCTS % files ? 1 : 0);
    const suppliers = (await db.select({ id: enterprises.id }).from(enterprises).orderBy(enterprises.id).limit(files)).map((e) => e.id);
    const cliFiles = Array.from({ length: Math.ceil(files / 2) }, (_, k) => k);
    const webFiles = Array.from({ length: files - cliFiles.length }, (_, k) => cliFiles.length + k);
    const csvOf = (k: number) => ({ name: `catalogue-${k}.csv`, bytes: catalogueCsv(rowsOf(k), `S${k}`, 1000 + k, substances) });
    const idsOfFiles = async (ks: number[]) =>
      (await db.select({ id: products.id }).from(products).where(inArray(products.enterpriseId, ks.map((k) => suppliers[k]!))).orderBy(products.id)).map((p) => p.id);

    // 1a. CLI: `import catalogue FILE --wait`, file after file, then search sync in large passes
    const cliCsv = cliFiles.map(csvOf);
    let cpu0 = resources.cpu();
    t0 = performance.now();
    for (const [i, k] of cliFiles.entries()) await importCatalogueNow(db, systemActor, { enterpriseId: suppliers[k]!, file: cliCsv[i]! });
    const cliWrittenS = seconds(t0);
    await drainAll(db, SEARCH_HANDLERS, { timeoutMs: 3_600_000, batchSize: SEARCH_DRAIN_BATCH });
    const cliS = seconds(t0);
    const cliCpu = cpuSince(cpu0, resources.cpu());
    const cliRows = cliFiles.reduce((n, k) => n + rowsOf(k), 0);
    log(`CLI import: ${cliRows} rows written in ${cliWrittenS.toFixed(1)} s, searchable after ${cliS.toFixed(1)} s (${cliCpu.toFixed(1)} CPU s)`);
    // the match listener's rows: no worker of this bench drains them (the demands sampled below are
    // refreshed as the worker would); left, every drain pass of the other topics would step over them
    await db.delete(outbox).where(sql`${outbox.topic} NOT LIKE '%:search' AND ${outbox.topic} NOT LIKE '%:import'`);

    // 1b. web: the files stored as jobs, the worker (the product's lanes: import and search) does the rest
    const webCsv = webFiles.map(csvOf);
    cpu0 = resources.cpu();
    t0 = performance.now();
    const worker = startWorker(db, {
      handlers: { ...catalogueImportHandlers("import"), ...SEARCH_HANDLERS }, batchSize: WORKER_BATCH_SIZE, intervalMs: 250, log,
    });
    const jobs = [];
    for (const [i, k] of webFiles.entries()) jobs.push(await startCatalogueImport(db, systemActor, { enterpriseId: suppliers[k]!, file: webCsv[i]! }));
    let webWrittenS = 0;
    for (;;) {
      const states = await Promise.all(jobs.map((j) => getImportJob(db, systemActor, j.id, { rejectedLimit: 0 })));
      if (states.some((s) => s.status === "failed")) throw new Error(`web import failed: ${JSON.stringify(states.find((s) => s.status === "failed")!.error)}`);
      const done = states.every((s) => s.status === "done");
      if (done && !webWrittenS) webWrittenS = seconds(t0);
      if (done && (await pendingCount(db, Object.keys(SEARCH_HANDLERS))) === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await worker.stop();
    const webS = seconds(t0);
    const webCpu = cpuSince(cpu0, resources.cpu());
    const webRows = webFiles.reduce((n, k) => n + rowsOf(k), 0);
    log(`web import: ${webRows} rows written in ${webWrittenS.toFixed(1)} s, searchable after ${webS.toFixed(1)} s (${webCpu.toFixed(1)} CPU s)`);
    await db.delete(outbox).where(sql`${outbox.topic} NOT LIKE '%:search' AND ${outbox.topic} NOT LIKE '%:import'`);

    // 1c. raw addDocuments of the very same documents, into a raw index in the same states
    const today = todayInChina();
    const documentsOf = async (ids: number[]) => {
      const docs: ProductDoc[] = [];
      for (let i = 0; i < ids.length; i += 2000) docs.push(...(await productDocuments(db, await loadProductSources(db, ids.slice(i, i + 2000)), today)).docs);
      return docs;
    };
    const rawUid = `scale_raw_${crypto.randomBytes(3).toString("hex")}`;
    await ensureIndex(meili, "products", rawUid);
    const rawAdd = async (docs: ProductDoc[]) => {
      const cpuBefore = resources!.cpu();
      const start = performance.now();
      // the tasks are sent one after another (Meilisearch indexes the first while the next one
      // uploads); a send that fails — a kept-alive connection Meilisearch closed as it was reused
      // (EPIPE) — is sent again, as the outbox would
      const send = async (slice: ProductDoc[]) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await meili.index(rawUid).addDocuments(slice, { primaryKey: "id" });
          } catch (e) {
            if (attempt === 3) throw e;
            log(`raw addDocuments: ${(e as Error).message}; sent again`);
          }
        }
      };
      const tasks = [];
      for (let i = 0; i < docs.length; i += RAW_TASK_DOCS) tasks.push(await send(docs.slice(i, i + RAW_TASK_DOCS)));
      for (const task of tasks) {
        const done = await meili.tasks.waitForTask(task, { timeout: 3_600_000, interval: 50 });
        if (done.status !== "succeeded") throw new Error(`raw addDocuments: ${JSON.stringify(done.error)}`);
      }
      return { s: seconds(start), cpu: cpuSince(cpuBefore, resources!.cpu()) };
    };
    const rawCli = await rawAdd(await documentsOf(await idsOfFiles(cliFiles)));
    const rawWeb = await rawAdd(await documentsOf(await idsOfFiles(webFiles)));
    await meili.index(rawUid).delete().waitTask();
    log(`raw addDocuments: ${cliRows} docs in ${rawCli.s.toFixed(1)} s (${rawCli.cpu.toFixed(1)} CPU s), then ${webRows} in ${rawWeb.s.toFixed(1)} s (${rawWeb.cpu.toFixed(1)} CPU s)`);

    // the products spread over every enterprise (parks, chains, in and out of parks), the indexes rebuilt
    await db.execute(sql`UPDATE ${products} SET enterprise_id = (SELECT min(id) FROM ${enterprises}) + (id::bigint * 7919) % ${ENTERPRISES}`);
    t0 = performance.now();
    const rebuilt = await reindex(db, systemActor, { client: meili });
    const reindexS = seconds(t0);
    log(`reindex: ${rebuilt.products} products in ${reindexS.toFixed(1)} s`);
    await db.execute(sql`TRUNCATE ${outbox}`);
    await db.execute(sql`VACUUM ANALYZE`);
    await meili.tasks.waitForTasks((await meili.tasks.getTasks({ statuses: ["enqueued", "processing"] })).results.map((t) => t.uid), { timeout: 3_600_000 });

    // --- 2. search: the API over HTTP against raw Meilisearch with the very same request
    searchServer = spawn(process.execPath, ["--import", "tsx", "bench/search-server.ts"], {
      env: {
        ...process.env, PORT: String(PORT), DATABASE_URL: services.databaseUrl, MEILI_URL: services.meiliUrl, MEILI_MASTER_KEY: services.meiliKey ?? "",
        PARKLINK_WORKER: "0", NEXTAUTH_URL: `http://localhost:${PORT}`, NODE_ENV: "production",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      searchServer!.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      searchServer!.once("exit", (code) => reject(new Error(`the search server exited (${code})`)));
    });
    resources.searchServerPid = searchServer.pid ?? 0;
    const raw = async (input: SearchProductsInput) => {
      const query = searchProductsInput.parse(input);
      const { text } = interpretQuery(query.q);
      const filter = buildFilter(query, [], today);
      // a visitor's search, as the API's without a session
      const visible = visibleSuppliersFilter({ seesDetails: false, ownEnterprises: [] });
      if (visible && asksAboutSupplier(query)) filter.push(visible);
      const { exact, words } = productSearchPasses(query, text, filter, visible, null);
      return meili.multiSearch({ queries: [...(exact?.queries ?? []), ...words.queries] as MultiSearchParams["queries"] });
    };
    const keepAlive = new http.Agent({ keepAlive: true });
    const api = (input: SearchProductsInput) =>
      new Promise<void>((resolve, reject) => {
        http.get(`http://127.0.0.1:${PORT}${searchApiPath(input)}`, { agent: keepAlive }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`search API: HTTP ${res.statusCode} ${Buffer.concat(chunks).toString()}`))));
        }).on("error", reject);
      });
    const paths = { raw, api } as const;
    const times: Record<keyof typeof paths, number[]> = { raw: [], api: [] };
    for (let r = 0; r < WARM_ROUNDS; r++) for (const input of QUERIES) for (const key of ["raw", "api"] as const) await paths[key](input);
    const order = generator(11);
    for (let r = 0; r < ROUNDS; r++) {
      for (const input of QUERIES) {
        // a fresh order every time, so neither path always follows the other
        for (const key of order.next() < 0.5 ? (["raw", "api"] as const) : (["api", "raw"] as const)) {
          const start = performance.now();
          await paths[key](input);
          times[key].push(performance.now() - start);
        }
      }
    }
    const rawTimes = sortedOf(times.raw);
    const apiTimes = sortedOf(times.api);
    log(`search (${QUERIES.length} queries × ${ROUNDS} rounds): raw p50 ${percentile(rawTimes, 50).toFixed(1)} p95 ${percentile(rawTimes, 95).toFixed(1)} ms; API p50 ${percentile(apiTimes, 50).toFixed(1)} p95 ${percentile(apiTimes, 95).toFixed(1)} ms`);

    // --- 3. one demand: the ranking, and the page's procedure over the suggestions the worker stored
    const open = await loadDemandsForMatching(db, undefined, today);
    const pick = generator(5);
    const sample = Array.from({ length: Math.min(SAMPLES, open.length) }, () => pick.pick(open));
    t0 = performance.now();
    for (let i = 0; i < sample.length; i += 50) await db.transaction((tx) => refreshDemandMatches(tx, sample.slice(i, i + 50).map((d) => d.id)));
    log(`suggestions of the ${sample.length} sampled demands stored (as the worker does) in ${seconds(t0).toFixed(1)} s`);
    const ranking: number[] = [];
    const page: number[] = [];
    for (const d of sample.slice(0, 10)) await rankCandidates(db, [d.forMatching], { limit: 20 });
    for (const d of sample) {
      let start = performance.now();
      await rankCandidates(db, [d.forMatching], { limit: 20 });
      ranking.push(performance.now() - start);
      start = performance.now();
      await suppliersForDemand(db, systemActor, { demandId: d.id, inPark: false, fits: false, show: "active", page: 1, pageSize: 20 });
      page.push(performance.now() - start);
    }
    const rankingSorted = sortedOf(ranking);
    const pageSorted = sortedOf(page);
    log(`one demand (${sample.length}): ranking p50 ${percentile(rankingSorted, 50).toFixed(1)} p95 ${percentile(rankingSorted, 95).toFixed(1)} ms; page p50 ${percentile(pageSorted, 50).toFixed(1)} p95 ${percentile(pageSorted, 95).toFixed(1)} ms`);

    // --- 4. park-wide allocation: the largest park, then every park with open demands
    const perPark = await db.execute<{ park_id: number; n: number }>(sql`
      SELECT e.park_id, count(*)::int AS n FROM demand d JOIN ${enterprises} e ON e.id = d.enterprise_id
      WHERE e.park_id IS NOT NULL AND d.status = 'open' GROUP BY e.park_id ORDER BY n DESC, e.park_id`);
    const largest = perPark[0]!;
    t0 = performance.now();
    const largestResult = await computeAllocation(db, largest.park_id, { today });
    const allocationLargestParkS = seconds(t0);
    log(`allocation, largest park (${largest.n} demands): ${allocationLargestParkS.toFixed(1)} s, ${largestResult.edges.length} edges`);
    t0 = performance.now();
    let allocationAllParksS: number | null = null;
    if (opts["all-parks"]) {
      for (const [i, p] of perPark.entries()) {
        await computeAllocation(db, p.park_id, { today });
        if ((i + 1) % 100 === 0) log(`  … ${i + 1} parks in ${seconds(t0).toFixed(1)} s`);
      }
      allocationAllParksS = seconds(t0);
      log(`allocation, all ${perPark.length} parks (${perPark.reduce((n, p) => n + p.n, 0)} demands): ${allocationAllParksS.toFixed(1)} s`);
    } else log("allocation, all parks: not measured (--no-all-parks)");

    // --- 5. memory and disk
    resources.sample();
    const disk = { postgres: du(path.join(dataDir, "postgres")), meilisearch: du(path.join(dataDir, "meilisearch")) };
    const parksWithDemands = perPark.length;
    await close();

    const rawP95 = percentile(rawTimes, 95);
    const figures = {
      date: new Date().toISOString().slice(0, 10), cores: os.cpus().length, quick,
      products: rebuilt.products, parks: PARKS, parksWithDemands, enterprises: ENTERPRISES, demands: DEMANDS,
      importCliOverRaw: round(cliS / rawCli.s), importWebOverRaw: round(webS / rawWeb.s),
      importCliCpuOverRaw: round(cliCpu / rawCli.cpu), importWebCpuOverRaw: round(webCpu / rawWeb.cpu),
      importCliS: round(cliS, 1), importCliWrittenS: round(cliWrittenS, 1), importWebS: round(webS, 1), importWebWrittenS: round(webWrittenS, 1),
      rawCliS: round(rawCli.s, 1), rawWebS: round(rawWeb.s, 1), importCliRows: cliRows, importWebRows: webRows, reindexS: round(reindexS, 1),
      searchP50OverRaw: round(percentile(apiTimes, 50) / percentile(rawTimes, 50)), searchP95OverRaw: round(percentile(apiTimes, 95) / rawP95),
      searchRawP50Ms: round(percentile(rawTimes, 50), 1), searchRawP95Ms: round(rawP95, 1),
      searchApiP50Ms: round(percentile(apiTimes, 50), 1), searchApiP95Ms: round(percentile(apiTimes, 95), 1),
      matchP95Ms: round(percentile(rankingSorted, 95), 1), matchP50Ms: round(percentile(rankingSorted, 50), 1),
      matchPageP95Ms: round(percentile(pageSorted, 95), 1), matchPageOverRanking: round(percentile(pageSorted, 95) / percentile(rankingSorted, 95)),
      allocationLargestParkS: round(allocationLargestParkS, 1), allocationLargestParkDemands: largest.n, allocationAllParksS: allocationAllParksS === null ? null : round(allocationAllParksS, 1),
      peakRssMb: { app: mb(resources.peak.app), searchServer: mb(resources.peak.searchServer), postgres: mb(resources.peak.postgres), meilisearch: mb(resources.peak.meilisearch) },
      diskMb: { postgres: mb(disk.postgres), meilisearch: mb(disk.meilisearch) },
      totalS: round(seconds(started), 0), loadAverage: round(os.loadavg()[0]!, 1),
    };
    console.log(JSON.stringify(figures));
  } finally {
    resources?.stop();
    if (searchServer && searchServer.exitCode === null) {
      searchServer.kill("SIGTERM");
      await new Promise((r) => searchServer!.once("exit", r));
    }
    await services.stop();
    if (!opts.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.error(`data kept in ${dataDir}`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
