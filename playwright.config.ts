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
  fullyParallel: false,
  workers: 1, // two cores: the app server needs the other
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
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
