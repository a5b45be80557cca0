/**
 * `npm start`: the whole product on one machine. Starts (or joins) PostgreSQL and Meilisearch —
 * embedded under DATA_DIR unless DATABASE_URL / MEILI_URL are set — migrates, loads the reference
 * dictionary, seeds the demo on the embedded default's first run, builds the web app when its
 * build is missing or older than the sources, and serves it on PORT (scripts/serve.ts: Next.js,
 * with the search API answered ahead of it). Ctrl-C stops everything.
 * `--dev` serves with `next dev` instead.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { childProcessEnv, env as config, nextTelemetryDisabled } from "@/server/env"; // validates the configuration before anything starts
import { createDb } from "@/db";
import { seedDemo } from "@/server/seed/demo";
import { prepareDatabase } from "@/server/platform/install";
import { stopChild } from "@/server/platform/process";
import { connectServices, type Services } from "@/server/platform/services";

const dev = process.argv.includes("--dev");
const port = config.PORT;
const dataDir = path.resolve(config.DATA_DIR);
const log = (line: string) => console.log(`[parklink] ${line}`);
const STOP_TIMEOUT_MS = 10_000;

const SOURCES = ["app", "proxy.ts", "server", "db/schema", "db/index.ts", "db/env.ts", "i18n", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestSource(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestSource(path.join(entry, name))));
}

function buildIsCurrent(): boolean {
  const marker = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(marker)) return false;
  const built = fs.statSync(marker).mtimeMs;
  return SOURCES.every((s) => newestSource(s) <= built);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
}

function authSecret(): string {
  if (config.NEXTAUTH_SECRET) return config.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  let services: Services | null = null;
  let child: ChildProcess | null = null; // the build, then the web server
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    // each step is bounded: a child that ignores SIGTERM is killed after 10 s
    if (child) await stopChild(child, STOP_TIMEOUT_MS);
    await services?.stop();
    log("stopped");
    process.exit(code);
  };
  // this launcher owns the order of shutdown (web server, search, database)
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  // whatever goes wrong ends in one message and a non-zero exit, with what started stopped
  const fail = (e: unknown) => {
    console.error(`[parklink] ${e instanceof Error ? e.message : String(e)}`);
    void stop(1);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);

  try {
    services = await connectServices(log);
  } catch (e) {
    console.error(`[parklink] could not start: ${(e as Error).message}`);
    process.exit(1);
  }
  if (stopping) return void (await services.stop());

  try {
    await prepareDatabase(services.databaseUrl, log);
    if (services.embeddedDatabase) {
      const { db, close } = createDb(services.databaseUrl, { max: 2 });
      const demo = await seedDemo(db).finally(close);
      if (demo.seeded) log(`demo data seeded: ${demo.enterprises} enterprises, ${demo.products} products, ${demo.agreements} agreements`);
    }

    const env = childProcessEnv({
      DATABASE_URL: services.databaseUrl,
      MEILI_URL: services.meiliUrl,
      MEILI_MASTER_KEY: services.meiliKey ?? "",
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: config.NEXTAUTH_URL || `http://localhost:${port}`,
      PARKLINK_DEMO: services.embeddedDatabase ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: nextTelemetryDisabled() ?? "1",
      DATA_DIR: dataDir,
    });
    if (!dev && !buildIsCurrent()) {
      log("building the web app (first start or changed sources; takes a few minutes)…");
      const build = (child = run(["build"], { ...env, NODE_ENV: "production" }));
      const code = await exitOf(build);
      if (stopping) return;
      if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
    }
    if (stopping) return;
    const web = (child = dev
      ? run(["dev", "-p", String(port)], env)
      : spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { stdio: "inherit", env: { ...env, NODE_ENV: "production", PORT: String(port) } }));
    web.once("error", fail);
    web.once("exit", (code) => void stop(code ?? 0));
    log(`ParkLink on http://localhost:${port}`);
  } catch (e) {
    console.error(`[parklink] ${(e as Error).message}`);
    await stop(1);
  }
}

/** The exit code of a child; 1 when it could not be run at all. */
function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once("error", () => resolve(1));
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

void main();
