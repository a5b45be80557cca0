import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tryLock } from "./lock";
import { isAlive, processStartTime, stopChild } from "./process";

/** A node child that prints "ready" once its SIGTERM handling is in place. */
async function child(script: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    c.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    c.once("exit", () => reject(new Error("the child exited before it was ready")));
  });
  return c;
}

describe("stopChild", () => {
  it("kills a child that ignores SIGTERM once the timeout has passed", async () => {
    const stubborn = await child(`process.on("SIGTERM", () => console.log("ignored")); setInterval(() => {}, 1000); console.log("ready");`);
    await stopChild(stubborn, 300);
    expect(stubborn.signalCode).toBe("SIGKILL");
    expect(isAlive(stubborn.pid!)).toBe(false);
  });

  it("lets a child that honours SIGTERM end by itself", async () => {
    const polite = await child(`process.on("SIGTERM", () => process.exit(7)); setInterval(() => {}, 1000); console.log("ready");`);
    await stopChild(polite, 30_000);
    expect(polite.exitCode).toBe(7);
  });

  it("returns at once for a child that has already exited", async () => {
    const done = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => done.once("exit", resolve));
    await stopChild(done, 30_000);
    expect(done.exitCode).toBe(0);
  });
});

describe("the data folder lock", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-lock-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is held by one process: a second attempt names the holder; released, it can be taken again", () => {
    const file = path.join(dir, "one.lock");
    const first = tryLock(file);
    expect("lock" in first).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ pid: process.pid, start: processStartTime(process.pid) });
    expect(tryLock(file)).toEqual({ holder: process.pid });
    if ("lock" in first) first.lock.release();
    expect(fs.existsSync(file)).toBe(false);
    const again = tryLock(file);
    expect("lock" in again).toBe(true);
    if ("lock" in again) again.lock.release();
  });

  it("held by a live process, is not taken", async () => {
    const file = path.join(dir, "live.lock");
    const other = await child(`setInterval(() => {}, 1000); console.log("ready");`);
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: other.pid, start: processStartTime(other.pid!) }));
      expect(tryLock(file)).toEqual({ holder: other.pid });
    } finally {
      await stopChild(other, 1000);
    }
  });

  it("left by a dead process, or by a pid now reused by another process, is taken over", async () => {
    const dead = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => dead.once("exit", resolve));
    const file = path.join(dir, "stale.lock");
    fs.writeFileSync(file, JSON.stringify({ pid: dead.pid, start: "1" }));
    const taken = tryLock(file);
    expect("lock" in taken).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(process.pid);
    if ("lock" in taken) taken.lock.release();

    // our own pid, with another start time: a previous process whose pid was reused
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, start: "1" }));
    const reused = tryLock(file);
    expect("lock" in reused).toBe(true);
    if ("lock" in reused) reused.lock.release();
    expect(fs.readdirSync(dir).filter((name) => name.startsWith("stale.lock"))).toEqual([]);
  });
});
