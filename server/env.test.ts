import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databaseConfig } from "@/db/env";
import { getMeili } from "@/server/search/client";
import { SETTINGS, childProcessEnv, services, setServices } from "./env";

const ROOT = path.resolve(import.meta.dirname, "..");
/** The accessors: server/env.ts, and db/env.ts for db/, which imports nothing from server/. */
const ACCESSORS = ["server/env.ts", "db/env.ts"];

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

describe("configuration through one accessor", () => {
  it("no source outside the accessors reads the environment (tests and the test harness aside)", () => {
    const files = [...sources("server"), ...sources("app"), ...sources("db"), ...sources("scripts"), "proxy.ts"]
      .filter((f) => !ACCESSORS.includes(f) && !f.endsWith(".test.ts") && !f.startsWith("server/testing/") && f !== "scripts/test.ts");
    expect(files).toContain("server/search/client.ts");
    const readers = files.filter((f) => /process\.env/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(readers).toEqual([]);
  });

  it("the README's configuration table lists every setting, and no setting that is not one", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1));
    const listed = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    // CHROMIUM_PATH is the test runner's (scripts/test.ts), not the app's
    expect(listed.filter((name) => name !== "CHROMIUM_PATH").sort()).toEqual(Object.keys(SETTINGS).sort());
  });

  describe("the services started at run time", () => {
    const before = services();
    afterEach(() => setServices(before));

    it("reach the database and the search client through setServices", () => {
      setServices({ databaseUrl: "postgres://elsewhere:5432/parklink", meiliUrl: "http://127.0.0.1:1", meiliKey: "k" });
      expect(databaseConfig().url).toBe("postgres://elsewhere:5432/parklink");
      expect(services()).toEqual({ databaseUrl: "postgres://elsewhere:5432/parklink", meiliUrl: "http://127.0.0.1:1", meiliKey: "k" });
      expect(getMeili().config.host).toBe("http://127.0.0.1:1");
      // and the child processes started from here
      expect(childProcessEnv()).toMatchObject({ DATABASE_URL: "postgres://elsewhere:5432/parklink", MEILI_URL: "http://127.0.0.1:1", MEILI_MASTER_KEY: "k" });
      expect(Object.keys(childProcessEnv({ X: "1" }, ["MEILI_"])).filter((k) => k.startsWith("MEILI_"))).toEqual([]);
    });
  });
});
