import path from "node:path";
import { defineConfig } from "vitest/config";

const ROOTS = ["server", "db", "scripts", "i18n", "app"];
/** Pure tests, named `*.unit.test.ts`: they need no PostgreSQL, Meilisearch or other service. */
const UNIT = ROOTS.map((root) => `${root}/**/*.unit.test.ts`);

/**
 * Two projects, run together by `npx vitest run` and reported as one:
 * - `unit`: the `*.unit.test.ts` files, without the harness (nothing is started for them);
 * - `integration`: every other `*.test.ts`, against the real PostgreSQL and Meilisearch that
 *   server/testing/global-setup.ts starts once per run (only when one of its files is selected,
 *   so `npx vitest run server/matching/score.unit.test.ts` starts nothing).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // the guard against importing server code into the browser has no meaning in tests
      "server-only": path.resolve(import.meta.dirname, "server/testing/empty.ts"),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: UNIT },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ROOTS.map((root) => `${root}/**/*.test.ts`),
          exclude: UNIT,
          globalSetup: ["./server/testing/global-setup.ts"],
          setupFiles: ["./server/testing/setup.ts"],
        },
      },
    ],
  },
});
