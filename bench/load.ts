/**
 * `npx tsx bench/load.ts`: ParkLink under concurrent load, on a fresh embedded PostgreSQL and
 * Meilisearch (a temporary DATA_DIR) with the demo and a generated catalogue, against the built
 * production server (scripts/serve.ts: Next.js with the search API answered ahead of it, its
 * background worker running), driven by autocannon over loopback. Every run is bounded in time.
 *
 * 1. search: `GET /api/search` with a query mix (Chinese names, aliases, English, CAS numbers as
 *    typed and pasted, formulas, pinyin, filters) from N connections for D seconds, then raw
 *    Meilisearch with the very same multi-search (`productSearchPasses`, as a visitor's search
 *    sends it) under the same load: requests per second and p95 of each, the ratios
 *    (`loadSearchThroughputOverRaw`, target ≥ 0.8) and the API's errors (`loadSearchErrors`:
 *    connection errors, timeouts and non-2xx answers; must be 0);
 *    and where the CPU of a request goes (ms per request of the app server, Meilisearch and
 *    PostgreSQL over each run: on 2 shared cores the API's own work competes with Meilisearch's);
 *    then both runs again with Meilisearch on a core of its own and everything else on the other
 *    (`taskset`), as when Meilisearch has its own machine (`loadSearchThroughputOverRawMeiliOwnCore`);
 * 2. pages: server-rendered pages (home, the search page, a signed-in buyer's workspace, park
 *    staff's dashboard) from M connections for E seconds each: requests per second and p95;
 * 3. mixed: searches (autocannon) while writers create and reprice products and buyers send
 *    inquiries through the tRPC procedures over HTTP, with the worker draining the outbox; then,
 *    once the outbox is empty (bounded wait), PostgreSQL and Meilisearch are compared product by
 *    product: `mixedLost` = acknowledged writes missing from PostgreSQL + products missing from or
 *    extra in the index + indexed prices that differ from the database's + outbox rows left.
 *
 * No per-client rate limit stands in the way: the only ones (sign-in attempts, server/auth/throttle.ts,
 * and applications to join, server/applications) are not on these paths; the signed-in requests
 * carry a session cookie made as sign-in makes it (`startSession` + next-auth's `encode`).
 *
 * The last line is one JSON object with every figure. Options: --quick (5,000 products, 10 s runs
 * with fewer connections: a few minutes once the app is built), --products N (20,000), --port P (3113),
 * --connections N (50), --duration S (60), --page-connections N (20), --page-duration S (30),
 * --mixed-duration S (30), --keep (leave the data folder). The web app is built first when its
 * build is missing or older than the sources (several minutes).
 */
// first: the bench's own DATA_DIR, before the app's configuration is read
import { benchDataDir } from "./temp-data-dir";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { createDb } from "@/db";
import { enterprises, memberships, outbox, parkStaff, products, users } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { startSession } from "@/server/auth/session";
import { importCatalogueNow } from "@/server/catalogue/import-job";
import { todayInChina } from "@/server/compliance/compliance";
import { drainAll, pendingCount } from "@/server/jobs/outbox";
import { prepareDatabase } from "@/server/platform/install";
import { stopChild } from "@/server/platform/process";
import { connectServices } from "@/server/platform/services";
import { meiliClient } from "@/server/search/client";
import { SEARCH_DRAIN_BATCH, SEARCH_HANDLERS } from "@/server/search/handlers";
import { indexUid } from "@/server/search/indexes";
import { asksAboutSupplier, buildFilter, interpretQuery, productSearchPasses, visibleSuppliersFilter } from "@/server/search/query";
import { searchApiPath, searchProductsInput, type SearchProductsInput } from "@/server/search/search.schemas";
import { usccCheckCharacter } from "@/server/enterprises/uscc";
import { seedDemo } from "@/server/seed/demo";
import { generator } from "@/server/seed/random";
import { buildReference } from "@/server/substances/reference";

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false }, products: { type: "string" }, port: { type: "string", default: "3113" },
    connections: { type: "string" }, duration: { type: "string" }, "page-connections": { type: "string" }, "page-duration": { type: "string" },
    "mixed-duration": { type: "string" }, keep: { type: "boolean", default: false },
  },
});
const quick = opts.quick;
const size = (given: string | undefined, full: number, reduced: number) => Number(given ?? (quick ? reduced : full));
const PRODUCTS = size(opts.products, 20_000, 5_000);
const CONNECTIONS = size(opts.connections, 50, 20);
const DURATION = size(opts.duration, 60, 10);
const PAGE_CONNECTIONS = size(opts["page-connections"], 20, 8);
const PAGE_DURATION = size(opts["page-duration"], 30, 8);
const MIXED_DURATION = size(opts["mixed-duration"], 30, 10);
/** concurrent writers of the mixed run (each: create a product, reprice it, a buyer asks about it) */
const WRITERS = quick ? 3 : 6;
const PORT = Number(opts.port);
const BASE = `http://127.0.0.1:${PORT}`;
/** how long the outbox may take to drain after the mixed run before what is left counts as lost */
const DRAIN_TIMEOUT_MS = 120_000;

const log = (line: string) => console.log(`[load] ${line}`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

// ---------------------------------------------------------------- the query mix

/** What procurement staff type: names, aliases, English, CAS (typed and pasted), formulas, pinyin, filters. */
const QUERIES: SearchProductsInput[] = [
  { q: "甲苯" }, { q: "异丙醇" }, { q: "硫酸" }, { q: "乙酸乙酯" }, { q: "二氯甲烷" }, { q: "甲醇" }, { q: "丙烯酸" },
  { q: "醋酸乙酯" }, { q: "烧碱" }, { q: "IPA" }, { q: "DMF" },
  { q: "toluene" }, { q: "acetone" }, { q: "ethyl acetate" }, { q: "tolune" },
  { q: "67-63-0" }, { q: "108-88-3" }, { q: "64175" }, { q: "CAS No.: 108-88-3" },
  { q: "H2SO4" }, { q: "NaOH" }, { q: "C3H6O" },
  { q: "yibingchun" }, { q: "jiaben" }, { q: "bingtong" },
  { q: "異丙醇" }, { q: "99.5% 异丙醇" }, { q: "乙醇", grade: "pharma" }, { q: "acid", form: "liquid" },
  { q: "丙酮", minPurity: 99, maxPrice: 8000 }, { q: "acid", sort: "price" },
];

// ---------------------------------------------------------------- the data

function catalogueCsv(rows: number, prefix: string, seed: number): Buffer {
  const rnd = generator(seed);
  const substances = buildReference().filter((s) => s.cas && (s.nameZh || s.nameEn));
  const grades = ["工业级", "试剂级", "电子级", "医药级", "industrial", ""];
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ["sku,name,cas,grade,purity,form,packaging,capacity_tpy,available_t,price_cny_per_t,description"];
  for (let i = 0; i < rows; i++) {
    const s = rnd.pick(substances);
    const names = [s.nameZh, s.nameZh, s.nameEn, ...s.aliases.slice(0, 3)].filter((n): n is string => Boolean(n) && n!.length <= 60);
    const capacity = rnd.pick([100, 500, 1000, 5000]);
    lines.push([
      `${prefix}-${String(i).padStart(6, "0")}`, rnd.pick(names), s.cas!, rnd.pick(grades), rnd.pick(["98", "99", "99.5", ""]),
      rnd.pick(["液体", "固体", ""]), rnd.pick(["25kg袋", "200L桶", ""]), String(capacity), String(Math.round(capacity * rnd.next() * 0.3)),
      String(rnd.int(300, 60000)), "",
    ].map(cell).join(","));
  }
  return Buffer.from(lines.join("\n") + "\n");
}

// ---------------------------------------------------------------- the web app

const SOURCES = ["app", "proxy.ts", "server", "db/schema", "db/index.ts", "db/env.ts", "i18n", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"];
const newest = (entry: string): number => {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  return stat.isDirectory() ? Math.max(0, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name)))) : stat.mtimeMs;
};
/** the same test as scripts/start.ts: a build newer than every source */
function ensureBuilt() {
  const marker = path.join(".next", "BUILD_ID");
  if (fs.existsSync(marker) && SOURCES.every((s) => newest(s) <= fs.statSync(marker).mtimeMs)) return;
  log("building the web app (missing or older than the sources; several minutes)…");
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const built = spawnSync(process.execPath, [nextBin, "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error(`next build failed (${built.status})`);
}

// ---------------------------------------------------------------- CPU of the processes

/** CPU seconds of a process (utime + stime), with its children's when `withChildren` (PostgreSQL's backends) */
function cpuOf(pid: number, withChildren = false): number {
  const fields = (p: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    } catch {
      return null;
    }
  };
  const ticks = (f: string[] | null, reaped: boolean) => (f ? Number(f[11]) + Number(f[12]) + (reaped ? Number(f[13]) + Number(f[14]) : 0) : 0);
  let total = ticks(fields(pid), withChildren);
  if (withChildren) for (const entry of fs.readdirSync("/proc")) if (/^\d+$/.test(entry) && Number(fields(Number(entry))?.[1]) === pid) total += ticks(fields(Number(entry)), false);
  return total / 100;
}

/** The processes of this PostgreSQL: the postmaster and every backend it forked. */
function familyOf(pid: number): number[] {
  const parentOf = (p: string) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      return null;
    }
  };
  return [pid, ...fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e) && parentOf(e) === pid).map(Number)];
}

/** Every thread of these processes onto these CPUs (`taskset`); false when the machine cannot. */
function pin(pids: number[], cpus: string): boolean {
  return pids.every((pid) => spawnSync("taskset", ["-a", "-cp", cpus, String(pid)], { stdio: "ignore" }).status === 0);
}

// ---------------------------------------------------------------- load

interface Run {
  rps: number;
  p50: number;
  p95: number;
  requests: number;
  /** connection errors, timeouts and non-2xx answers */
  errors: number;
}

/** One bounded autocannon run; p95 from every response's own time (autocannon's summary has no p95). */
function load(options: autocannon.Options): Promise<Run> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon({ timeout: 30, ...options }, (err, result) => {
      if (err) return reject(err);
      times.sort((a, b) => a - b);
      resolve({
        rps: result.requests.total / (result.duration || 1), p50: percentile(times, 50), p95: percentile(times, 95), requests: result.requests.total,
        errors: result.errors + result.timeouts + result.non2xx,
      });
    });
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
}
const describe = (name: string, r: Run) =>
  log(`${name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.requests} requests, ${r.errors} errors`);

// ---------------------------------------------------------------- the run

async function main() {
  const dataDir = benchDataDir;
  delete process.env.DATABASE_URL;
  delete process.env.MEILI_URL;
  log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; node ${process.version}`);
  const started = performance.now();
  ensureBuilt();
  const services = await connectServices(log);
  let web: ChildProcess | null = null;
  try {
    await prepareDatabase(services.databaseUrl, log);
    const { db, close } = createDb(services.databaseUrl, { max: 8, statementTimeoutMs: 0 });
    const meili = meiliClient(services.meiliUrl, services.meiliKey, 120_000);

    // --- the demo (accounts, parks, deals) and a generated catalogue over a few more suppliers
    const demo = await seedDemo(db);
    log(`demo seeded: ${demo.enterprises} enterprises, ${demo.products} products`);
    const [park] = await db.execute<{ park_id: number }>(sql`SELECT park_id FROM ${parkStaff} LIMIT 1`);
    const benchSuppliers = await db.insert(enterprises).values(Array.from({ length: 4 }, (_, i) => ({
      uscc: `9132060099990000${i}` + usccCheckCharacter(`9132060099990000${i}`), name: `负载基准化工有限公司${i}`, parkId: i % 2 ? park!.park_id : null,
      chains: ["精细化工"], verifiedAt: new Date(), lat: (31.9 + i * 0.05).toFixed(6), lng: (120.3 + i * 0.05).toFixed(6),
    }))).returning({ id: enterprises.id });
    let t0 = performance.now();
    for (const [i, e] of benchSuppliers.entries()) {
      const rows = Math.floor(PRODUCTS / benchSuppliers.length);
      await importCatalogueNow(db, systemActor, { enterpriseId: e.id, file: { name: `load-${i}.csv`, bytes: catalogueCsv(rows, `L${i}`, 500 + i) } });
    }
    await drainAll(db, SEARCH_HANDLERS, { timeoutMs: 600_000, batchSize: SEARCH_DRAIN_BATCH });
    // the import's match refresh and alerts are not what is measured: left, the server's worker would spend the load runs on them
    await db.delete(outbox).where(sql`${outbox.topic} NOT LIKE '%:search'`);
    await db.execute(sql`VACUUM ANALYZE`);
    const [{ n: productCount }] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${products} WHERE retired_at IS NULL`) as unknown as [{ n: number }];
    log(`catalogue: ${productCount} products searchable in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // --- signed-in sessions, made as sign-in makes them
    const secret = crypto.randomBytes(32).toString("base64url");
    const userOf = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
    const cookieOf = async (userId: number) =>
      `next-auth.session-token=${await encode({ token: { uid: userId, sid: await startSession(db, userId) }, secret })}`;
    const buyerId = await userOf("buyer@parklink.demo");
    const supplierId = await userOf("supplier@parklink.demo");
    const supplierEnterprise = (await db.select({ id: memberships.enterpriseId }).from(memberships).where(eq(memberships.userId, supplierId)))[0]!.id;
    const cookies = { buyer: await cookieOf(buyerId), supplier: await cookieOf(supplierId), park: await cookieOf(await userOf("park@parklink.demo")) };

    // --- the production server, with its worker
    log("starting the production server…");
    web = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      env: {
        ...process.env, PORT: String(PORT), DATABASE_URL: services.databaseUrl, MEILI_URL: services.meiliUrl, MEILI_MASTER_KEY: services.meiliKey ?? "",
        NEXTAUTH_SECRET: secret, NEXTAUTH_URL: BASE, NODE_ENV: "production", PARKLINK_WORKER: "1", PARKLINK_DEMO: "0", NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const deadline = Date.now() + 120_000;
    while (!(await fetch(`${BASE}/api/health`).then((r) => r.ok).catch(() => false))) {
      if (Date.now() > deadline || web.exitCode !== null) throw new Error("the production server did not start");
      await new Promise((r) => setTimeout(r, 500));
    }

    // --- 1. search: the API against raw Meilisearch, the same requests under the same load
    const today = todayInChina();
    const rawBody = (input: SearchProductsInput) => {
      const query = searchProductsInput.parse(input);
      const { text } = interpretQuery(query.q);
      const filter = buildFilter(query, [], today);
      // a visitor's search, as the API's without a session
      const visible = visibleSuppliersFilter({ seesDetails: false, ownEnterprises: [] });
      if (visible && asksAboutSupplier(query)) filter.push(visible);
      const { exact, words } = productSearchPasses(query, text, filter, visible, null);
      return JSON.stringify({ queries: [...(exact?.queries ?? []), ...words.queries] });
    };
    const apiRequests = QUERIES.map((q) => ({ method: "GET" as const, path: searchApiPath(q) }));
    const rawRequests = QUERIES.map((q) => ({ method: "POST" as const, path: "/multi-search", body: rawBody(q) }));
    const rawHeaders = { "content-type": "application/json", ...(services.meiliKey ? { authorization: `Bearer ${services.meiliKey}` } : {}) };
    // warm: the server's code compiled and its connections open (a production server is warm)
    await load({ url: BASE, connections: 4, duration: 3, requests: apiRequests });
    await load({ url: services.meiliUrl, connections: 4, duration: 3, requests: rawRequests, headers: rawHeaders });
    // where each request's CPU goes: the app server, Meilisearch, PostgreSQL (ms per request)
    const postgresPid = Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    const meiliPid = Number(JSON.parse(fs.readFileSync(path.join(dataDir, "meilisearch.json"), "utf8")).pid);
    const cpuNow = () => ({ app: cpuOf(web!.pid!), meilisearch: cpuOf(meiliPid), postgres: cpuOf(postgresPid, true) });
    const perRequest = (before: ReturnType<typeof cpuNow>, requests: number) => {
      const after = cpuNow();
      return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, round(((v - before[k as keyof typeof before]) * 1000) / Math.max(1, requests), 1)]));
    };
    let cpuBefore = cpuNow();
    const api = await load({ url: BASE, connections: CONNECTIONS, duration: DURATION, requests: apiRequests });
    const apiCpuMs = perRequest(cpuBefore, api.requests);
    describe(`search API, ${CONNECTIONS} connections × ${DURATION} s`, api);
    log(`  CPU ms per request: ${JSON.stringify(apiCpuMs)}`);
    cpuBefore = cpuNow();
    const raw = await load({ url: services.meiliUrl, connections: CONNECTIONS, duration: DURATION, requests: rawRequests, headers: rawHeaders });
    const rawCpuMs = perRequest(cpuBefore, raw.requests);
    describe(`raw Meilisearch, same requests`, raw);
    log(`  CPU ms per request: ${JSON.stringify(rawCpuMs)}`);
    // the same two runs with Meilisearch on a core of its own, and everything else (this process
    // and its load generator, the app server, PostgreSQL) on the other: as in production, where
    // Meilisearch has its own machine and app instances are added beside it. On two shared cores
    // the app's own work per search takes CPU from Meilisearch; here it cannot.
    let ownCore: { api: Run; raw: Run } | null = null;
    const everyoneElse = () => [process.pid, web!.pid!, ...familyOf(postgresPid)];
    if (os.cpus().length >= 2 && pin([meiliPid], "0") && pin(everyoneElse(), "1")) {
      const apiOwn = await load({ url: BASE, connections: CONNECTIONS, duration: DURATION, requests: apiRequests });
      describe(`search API, Meilisearch on its own core`, apiOwn);
      const rawOwn = await load({ url: services.meiliUrl, connections: CONNECTIONS, duration: DURATION, requests: rawRequests, headers: rawHeaders });
      describe(`raw Meilisearch on its own core, same requests`, rawOwn);
      ownCore = { api: apiOwn, raw: rawOwn };
      const all = `0-${os.cpus().length - 1}`;
      pin([meiliPid, ...everyoneElse()], all);
    } else log("Meilisearch on its own core: not measured (needs two cores and taskset)");

    // --- 2. server-rendered pages
    const pages = {
      home: { path: "/", cookie: undefined },
      search: { path: `/search?q=${encodeURIComponent("异丙醇")}`, cookie: undefined },
      workspace: { path: "/procurement", cookie: cookies.buyer },
      dashboard: { path: "/park/dashboard", cookie: cookies.park },
    } as const;
    const pageRuns: Record<string, Run> = {};
    for (const [name, page] of Object.entries(pages)) {
      const headers = page.cookie ? { cookie: page.cookie } : undefined;
      // the page must answer 200 itself (a redirect to sign-in would measure the wrong page)
      const check = await fetch(`${BASE}${page.path}`, { headers, redirect: "manual" });
      if (check.status !== 200) throw new Error(`${page.path}: HTTP ${check.status}`);
      await load({ url: `${BASE}${page.path}`, connections: 2, duration: 2, headers });
      pageRuns[name] = await load({ url: `${BASE}${page.path}`, connections: PAGE_CONNECTIONS, duration: PAGE_DURATION, headers });
      describe(`page ${page.path}, ${PAGE_CONNECTIONS} connections × ${PAGE_DURATION} s`, pageRuns[name]);
    }

    // --- 3. mixed: searches, catalogue writes and inquiries at once, then PostgreSQL against Meilisearch
    const trpc = async (procedure: string, input: unknown, cookie: string) => {
      const res = await fetch(`${BASE}/api/trpc/${procedure}`, {
        method: "POST", headers: { "content-type": "application/json", origin: BASE, cookie }, body: JSON.stringify({ json: input }),
      });
      const body = (await res.json()) as { result?: { data: { json: { id: number } } }; error?: unknown };
      if (!res.ok || !body.result) throw new Error(`${procedure}: HTTP ${res.status} ${JSON.stringify(body.error).slice(0, 300)}`);
      return body.result.data.json;
    };
    const written = new Map<number, string>();
    let writeErrors = 0;
    let inquiries = 0;
    let stopWriting = false;
    const writer = async (w: number) => {
      const rnd = generator(900 + w);
      for (let i = 0; !stopWriting; i++) {
        try {
          const created = await trpc("catalogue.create", {
            enterpriseId: supplierEnterprise, sku: `MIX-${w}-${i}`, name: rnd.pick(["异丙醇", "乙酸乙酯", "Isopropanol"]),
            cas: rnd.pick(["67-63-0", "141-78-6"]), grade: "industrial", purityPct: 99.5, availableT: 50, priceCnyPerT: rnd.int(5000, 9000),
          }, cookies.supplier);
          const price = rnd.int(5000, 9000);
          await trpc("catalogue.update", {
            id: created.id, sku: `MIX-${w}-${i}`, name: "异丙醇", cas: "67-63-0", grade: "industrial", purityPct: 99.5, availableT: 50, priceCnyPerT: price,
          }, cookies.supplier);
          written.set(created.id, price.toFixed(2));
          await trpc("inquiry.create", { source: { kind: "product", id: created.id }, subject: `询价 MIX-${w}-${i}`, body: "请报含税到厂价" }, cookies.buyer);
          inquiries++;
        } catch (e) {
          writeErrors++;
          if (writeErrors <= 3) log(`write failed: ${(e as Error).message}`);
        }
      }
    };
    const mixedSearch = load({ url: BASE, connections: Math.max(4, Math.round(CONNECTIONS / 5)), duration: MIXED_DURATION, requests: apiRequests });
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    const mixedSearchRun = await mixedSearch;
    stopWriting = true;
    await Promise.all(writers);
    describe(`mixed: searches beside ${WRITERS} writers`, mixedSearchRun);
    log(`mixed: ${written.size} products created and repriced, ${inquiries} inquiries sent, ${writeErrors} writes refused or failed`);
    t0 = performance.now();
    while ((await pendingCount(db)) > 0 && performance.now() - t0 < DRAIN_TIMEOUT_MS) await new Promise((r) => setTimeout(r, 250));
    const outboxLeft = await pendingCount(db);
    // Meilisearch's last tasks
    await meili.tasks.waitForTasks((await meili.tasks.getTasks({ statuses: ["enqueued", "processing"] })).results.map((t) => t.uid), { timeout: 120_000 });
    const drainS = (performance.now() - t0) / 1000;
    const inDb = new Map((await db.select({ id: products.id, price: products.priceCnyPerT }).from(products).where(isNull(products.retiredAt))).map((p) => [p.id, p.price]));
    const inIndex = new Map<number, number | null>();
    for (let offset = 0; ; offset += 10_000) {
      const page = await meili.index(indexUid("products")).getDocuments<{ id: number; priceCnyPerT: number | null }>({ fields: ["id", "priceCnyPerT"], limit: 10_000, offset });
      for (const d of page.results) inIndex.set(d.id, d.priceCnyPerT);
      if (page.results.length < 10_000) break;
    }
    const missingFromIndex = [...inDb.keys()].filter((id) => !inIndex.has(id)).length;
    const extraInIndex = [...inIndex.keys()].filter((id) => !inDb.has(id)).length;
    const writtenIds = [...written.keys()];
    const stored = writtenIds.length
      ? await db.select({ id: products.id, price: products.priceCnyPerT }).from(products).where(and(inArray(products.id, writtenIds), isNull(products.retiredAt)))
      : [];
    const lostWrites = writtenIds.length - stored.filter((p) => p.price === written.get(p.id)).length;
    const staleIndexed = stored.filter((p) => inIndex.has(p.id) && Number(inIndex.get(p.id)) !== Number(p.price)).length;
    const mixedLost = lostWrites + missingFromIndex + extraInIndex + staleIndexed + outboxLeft;
    log(`after the mixed run (drained in ${drainS.toFixed(1)} s): ${inDb.size} products in PostgreSQL, ${inIndex.size} in Meilisearch; ` +
      `${lostWrites} acknowledged writes lost, ${missingFromIndex} missing from the index, ${extraInIndex} extra, ${staleIndexed} stale prices, ${outboxLeft} outbox rows left`);
    await close();

    const figures = {
      date: new Date().toISOString().slice(0, 10), cores: os.cpus().length, quick, products: inDb.size,
      connections: CONNECTIONS, durationS: DURATION, queries: QUERIES.length,
      loadSearchThroughputOverRaw: round(api.rps / raw.rps), loadSearchP95OverRaw: round(api.p95 / raw.p95), loadSearchErrors: api.errors,
      loadSearchRps: round(api.rps, 0), loadSearchP50Ms: round(api.p50, 1), loadSearchP95Ms: round(api.p95, 1),
      loadRawRps: round(raw.rps, 0), loadRawP50Ms: round(raw.p50, 1), loadRawP95Ms: round(raw.p95, 1), loadRawErrors: raw.errors,
      loadSearchCpuMsPerRequest: apiCpuMs, loadRawCpuMsPerRequest: rawCpuMs,
      ...(ownCore ? {
        loadSearchThroughputOverRawMeiliOwnCore: round(ownCore.api.rps / ownCore.raw.rps), loadSearchP95OverRawMeiliOwnCore: round(ownCore.api.p95 / ownCore.raw.p95),
        loadSearchErrorsMeiliOwnCore: ownCore.api.errors, loadSearchRpsMeiliOwnCore: round(ownCore.api.rps, 0), loadRawRpsMeiliOwnCore: round(ownCore.raw.rps, 0),
      } : {}),
      pageConnections: PAGE_CONNECTIONS, pageDurationS: PAGE_DURATION,
      pages: Object.fromEntries(Object.entries(pageRuns).map(([name, r]) => [name, { rps: round(r.rps, 1), p50Ms: round(r.p50, 0), p95Ms: round(r.p95, 0), errors: r.errors }])),
      mixedDurationS: MIXED_DURATION, mixedWriters: WRITERS, mixedProductsWritten: written.size, mixedInquiries: inquiries, mixedWriteErrors: writeErrors,
      mixedSearchRps: round(mixedSearchRun.rps, 0), mixedSearchP95Ms: round(mixedSearchRun.p95, 1), mixedSearchErrors: mixedSearchRun.errors,
      mixedDrainS: round(drainS, 1), mixedLost,
      totalS: round((performance.now() - started) / 1000, 0), loadAverage: round(os.loadavg()[0]!, 1),
    };
    console.log(JSON.stringify(figures));
  } finally {
    if (web) await stopChild(web, 10_000);
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
