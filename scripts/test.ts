/**
 * `npm test`: everything CI checks, installing what it needs. Type check, lint, unit and
 * integration tests (vitest, against a real PostgreSQL and Meilisearch it starts), a production
 * build, then the browser journeys (Playwright in Debian's Chromium, which it installs when
 * missing). Ends with one line: `tests: N passed, M failed`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const RESULTS = ".test-results";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
let passed = 0;
let failed = 0;

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) console.log(`=== ${title}: FAILED (exit ${result.status ?? result.signal})`);
  return ok;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function ensureChromium(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (os.userInfo().uid !== 0) {
    console.log(`Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
    return false;
  }
  return (
    step("install Chromium (apt-get update)", "apt-get", ["update", "-qq"]) &&
    step("install Chromium", "apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
      DEBIAN_FRONTEND: "noninteractive",
    })
  );
}

fs.rmSync(RESULTS, { recursive: true, force: true });
fs.mkdirSync(RESULTS, { recursive: true });

// checks that are not test cases still fail the run
for (const [title, args] of [
  ["type check", ["tsc", "--noEmit"]],
  ["lint", ["eslint", "."]],
] as const) {
  if (!step(title, "npx", [...args])) failed++;
}

step("unit and integration tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${RESULTS}/vitest.json`]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(`${RESULTS}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
} else failed++;

const built = step("production build", "npx", ["next", "build"], { NODE_ENV: "production" });
if (!built) failed++;
else if (!ensureChromium()) failed++;
else {
  const dataDir = path.join(os.tmpdir(), `parklink-e2e-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  step("browser journeys (Playwright)", "npx", ["playwright", "test"], { E2E_DATA_DIR: dataDir });
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pw = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(`${RESULTS}/playwright.json`);
  if (pw) {
    passed += pw.stats.expected + pw.stats.flaky;
    failed += pw.stats.unexpected;
  } else failed++;
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
