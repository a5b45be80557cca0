import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readJson } from "@/server/platform/process";
import { meiliClient, meiliFailure } from "./client";
import { startEmbeddedMeilisearch, type RunningSearch } from "./embedded";

/**
 * The embedded Meilisearch: one process per data folder, whoever asks; the owner brings it back
 * after a crash; its key never shows on a command line; a start that cannot work says why.
 */
const dirs: string[] = [];
const running: RunningSearch[] = [];
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-meili-"));
  dirs.push(dir);
  return dir;
}

/** Pids of the Meilisearch processes working on this data folder (their command line names it). */
function meilisearchesOf(dataDir: string): number[] {
  const dbPath = path.join(path.resolve(dataDir), "meilisearch", "data.ms");
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (argv.includes(dbPath) && fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.[0] !== "Z") pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const healthy = async (search: RunningSearch) => (await meiliClient(search.url, search.masterKey, 2000).health().catch(() => null))?.status === "available";

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the embedded Meilisearch", () => {
  it("runs once per data folder: concurrent starts share one process, and only its owner stops it", async () => {
    const dir = tempDir();
    const [a, b] = await Promise.all([startEmbeddedMeilisearch(dir), startEmbeddedMeilisearch(dir)]);
    running.push(a!, b!);
    expect(meilisearchesOf(dir)).toHaveLength(1);
    expect([a!.owned, b!.owned].sort()).toEqual([false, true]);
    expect(a!.url).toBe(b!.url);
    expect(await healthy(a!)).toBe(true);
    expect(await healthy(b!)).toBe(true);
    // an authenticated call works with the key each caller got
    expect((await meiliClient(b!.url, b!.masterKey).getVersion()).pkgVersion).toMatch(/^1\./);

    // a third caller (the CLI while the launcher runs) joins, and its stop leaves it running
    const joined = await startEmbeddedMeilisearch(dir);
    expect(joined.owned).toBe(false);
    await joined.stop();
    const guest = a!.owned ? b! : a!;
    await guest.stop();
    expect(await healthy(joined)).toBe(true);
    expect(meilisearchesOf(dir)).toHaveLength(1);

    // the owner's stop stops it, and frees the folder for the next start
    const owner = a!.owned ? a! : b!;
    await owner.stop();
    expect(meilisearchesOf(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, "meilisearch.lock"))).toBe(false);
  }, 120_000);

  it("started from another process (the CLI beside the launcher), is joined and left running", async () => {
    const dir = tempDir();
    const owner = await startEmbeddedMeilisearch(dir);
    running.push(owner);
    const script = `
      const { startEmbeddedMeilisearch } = await import(${JSON.stringify(path.resolve("server/search/embedded.ts"))});
      const meili = await startEmbeddedMeilisearch(${JSON.stringify(dir)});
      await meili.stop();
      console.log(JSON.stringify({ owned: meili.owned, url: meili.url }));`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim().split("\n").at(-1)!)).toEqual({ owned: false, url: owner.url });
    expect(await healthy(owner)).toBe(true);
    expect(meilisearchesOf(dir)).toHaveLength(1);
  }, 120_000);

  it("comes back by itself after it is killed, on the same address, with its data", async () => {
    const dir = tempDir();
    const meili = await startEmbeddedMeilisearch(dir);
    running.push(meili);
    const client = meiliClient(meili.url, meili.masterKey);
    await client.createIndex("kept", { primaryKey: "id" }).waitTask();
    const { pid } = readJson<{ pid: number }>(path.join(dir, "meilisearch.json"))!;

    process.kill(pid, "SIGKILL");
    await until("Meilisearch to come back", async () => {
      const now = readJson<{ pid: number }>(path.join(dir, "meilisearch.json"))?.pid;
      return now !== pid && (await healthy(meili));
    }, 60_000);
    expect(meilisearchesOf(dir)).toHaveLength(1);
    expect((await client.getIndex("kept")).uid).toBe("kept");
  }, 120_000);

  it("gets its master key from its environment: the key is not on its command line", async () => {
    const dir = tempDir();
    const meili = await startEmbeddedMeilisearch(dir);
    running.push(meili);
    const [pid] = meilisearchesOf(dir);
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    expect(cmdline).not.toContain(meili.masterKey);
    expect(cmdline).not.toContain("master-key");
    // and the key is really in force: without it, Meilisearch refuses
    const refusal = await meiliClient(meili.url, undefined).getIndexes().then(() => null, (e: unknown) => meiliFailure(e));
    expect(refusal).toMatchObject({ api: true, code: "missing_authorization_header", status: 401 });
    await expect(meiliClient(meili.url, meili.masterKey).getIndexes()).resolves.toBeDefined();
  }, 120_000);

  it("that cannot start says why, with an error rather than a crash, and leaves the folder free", async () => {
    const dir = tempDir();
    const notExecutable = path.join(dir, "meilisearch-binary");
    fs.writeFileSync(notExecutable, "not a program", { mode: 0o644 });
    await expect(startEmbeddedMeilisearch(dir, () => {}, { binary: notExecutable })).rejects.toThrow(
      new RegExp(`Meilisearch could not start: could not run ${notExecutable}: spawn ${notExecutable} EACCES`),
    );
    expect(fs.existsSync(path.join(dir, "meilisearch.lock"))).toBe(false);
    expect(meilisearchesOf(dir)).toEqual([]);
  });
});
