import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/db/migrate";
import { createDb } from "@/db";
import { loadReferenceDictionary } from "@/server/substances/reference";
import { startEmbeddedPostgres } from "@/server/platform/embedded-postgres";
import { startEmbeddedMeilisearch } from "@/server/search/embedded";

/**
 * Starts a real PostgreSQL and Meilisearch once per run (embedded, in a fresh temporary folder,
 * unless TEST_DATABASE_URL / TEST_MEILI_URL point at services), migrates and loads the reference
 * dictionary. Tests build their own unique rows, so they run in parallel.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-test-"));
  const pg = process.env.TEST_DATABASE_URL
    ? { url: process.env.TEST_DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres(dataDir);
  const meili = process.env.TEST_MEILI_URL
    ? { url: process.env.TEST_MEILI_URL, masterKey: process.env.TEST_MEILI_MASTER_KEY ?? "", stop: async () => {} }
    : await startEmbeddedMeilisearch(dataDir);

  await migrateDatabase(pg.url);
  const { db, close } = createDb(pg.url, { max: 2 });
  await loadReferenceDictionary(db);
  await close();

  project.provide("databaseUrl", pg.url);
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  project.provide("dataDir", dataDir);

  return async () => {
    await meili.stop();
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    meiliUrl: string;
    meiliKey: string;
    dataDir: string;
  }
}
