import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3100);
/**
 * The app's data folder for this run: E2E_DATA_DIR when given (reused as it is), otherwise a fresh
 * one that e2e/teardown.ts removes afterwards. The app seeds the demo into it on first start. Set
 * in the environment so that the test workers see the same folder.
 */
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = path.join(os.tmpdir(), `parklink-e2e-${process.pid}-${Date.now()}`);
  process.env.E2E_DATA_DIR_OWNED = "1";
}
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: "./e2e",
  globalTeardown: "./e2e/teardown.ts",
  // Two workers share the app server (started once, by webServer). Every test stands alone: it
  // signs in through a stored session (e2e/auth.setup.ts) and builds the rows it changes under
  // run-unique names (e2e/fixtures.ts), so tests of one file may run on both workers at once.
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000, // two workers and the app share two cores: a step may take seconds
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: ".test-results/playwright.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    locale: "zh-CN",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "chromium", dependencies: ["setup"] },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 600_000,
    // E2E_REUSE_SERVER=1: test an app already serving on E2E_PORT (started by hand, any data folder)
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: "",
      MEILI_URL: "",
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
  },
});
