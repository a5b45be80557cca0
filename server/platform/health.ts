import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import type { Meilisearch } from "meilisearch";

export interface ServiceHealth {
  ok: boolean;
  latencyMs: number;
  version?: string;
  error?: string;
}

async function probe(run: () => Promise<string | undefined>): Promise<ServiceHealth> {
  const start = performance.now();
  try {
    const version = await run();
    return { ok: true, latencyMs: Math.round(performance.now() - start), version };
  } catch (e) {
    return { ok: false, latencyMs: Math.round(performance.now() - start), error: (e as Error).message };
  }
}

/** Database and search status, as `/api/health` reports them. */
export async function checkHealth(db: Db, meili: () => Meilisearch) {
  const [database, search] = await Promise.all([
    probe(async () => {
      const rows = await db.execute<{ v: string }>(sql`SELECT current_setting('server_version') AS v`);
      return rows[0]?.v;
    }),
    probe(async () => {
      const client = meili();
      await client.health();
      return (await client.getVersion()).pkgVersion;
    }),
  ]);
  return { status: database.ok && search.ok ? "ok" : database.ok ? "degraded" : "down", database, search };
}
