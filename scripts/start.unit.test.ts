import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-launcher-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm start", () => {
  it("that cannot start a service ends with one clear message and a non-zero exit, not a crash", () => {
    const notAFolder = path.join(dir, "data-file");
    fs.writeFileSync(notAFolder, "");
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: notAFolder, PORT: "3999" };
    delete env.DATABASE_URL; // the embedded services, under DATA_DIR
    delete env.MEILI_URL;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, encoding: "utf8", timeout: 120_000 });
    expect(run.status).toBe(1);
    const errors = run.stderr.trim().split("\n");
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^\\[parklink\\] could not start: The data folder ${notAFolder} \\(DATA_DIR\\) cannot be used: `))]);
  }, 120_000);
});
