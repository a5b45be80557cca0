import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/server/platform/embedded-postgres";
import { env, services, setServices } from "@/server/env";
import { startEmbeddedMeilisearch } from "@/server/search/embedded";

export interface Services {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string | undefined;
  /** true when PostgreSQL runs embedded under DATA_DIR: the demo setting (seed and demo accounts) */
  embeddedDatabase: boolean;
  stop(): Promise<void>;
}

/**
 * Uses DATABASE_URL / MEILI_URL when set; otherwise starts (or joins) the embedded PostgreSQL and
 * Meilisearch under DATA_DIR. Records the URLs (server/env.ts `setServices`) for the code that
 * follows and the child processes it starts.
 * A service that cannot start rejects with one message saying why (what started is stopped).
 * Only what this call started is stopped by `stop()`: joining the launcher's services, the CLI
 * leaves them running.
 */
export async function connectServices(log: (line: string) => void = () => {}): Promise<Services> {
  const dataDir = path.resolve(env.DATA_DIR || ".data");
  const stops: Array<() => Promise<void>> = [];
  const given = services();
  if (!given.databaseUrl || !given.meiliUrl) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.accessSync(dataDir, fs.constants.W_OK | fs.constants.X_OK);
    } catch (e) {
      throw new Error(`The data folder ${dataDir} (DATA_DIR) cannot be used: ${(e as Error).message}`);
    }
  }
  let embeddedDatabase = false;

  let databaseUrl = given.databaseUrl;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres(dataDir, log);
    databaseUrl = pg.url;
    stops.push(pg.stop);
    embeddedDatabase = true;
  }
  let meiliUrl = given.meiliUrl;
  let meiliKey = given.meiliKey;
  if (!meiliUrl) {
    try {
      const meili = await startEmbeddedMeilisearch(dataDir, log);
      meiliUrl = meili.url;
      meiliKey = meili.masterKey;
      stops.push(meili.stop);
    } catch (e) {
      await Promise.all(stops.map((s) => s()));
      throw e;
    }
  }
  setServices({ databaseUrl, meiliUrl, ...(meiliKey ? { meiliKey } : {}) });
  return {
    databaseUrl,
    meiliUrl,
    meiliKey,
    embeddedDatabase,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
