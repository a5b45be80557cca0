import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import type { Meilisearch } from "meilisearch";

export interface ServiceHealth {
  ok: boolean;
  latencyMs: number;
  version?: string;
  error?: string;
}

export interface Health {
  status: "ok" | "degraded" | "down";
  database: ServiceHealth;
  search: ServiceHealth;
}

/** How long a probe waits for its service: a frozen database must not hold the health check. */
export const HEALTH_TIMEOUT_MS = 2_000;

async function probe(run: () => Promise<string | undefined>, timeoutMs: number): Promise<ServiceHealth> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const version = await Promise.race([run(), late]);
    return { ok: true, latencyMs: Math.round(performance.now() - start), version };
  } catch (e) {
    return { ok: false, latencyMs: Math.round(performance.now() - start), error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Database and search status, as `/api/health` reports them. Each probe gives up after
 * `timeoutMs`, so a service that accepts connections but never answers reads as down promptly.
 */
export async function checkHealth(db: Db, meili: () => Meilisearch, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  const [database, search] = await Promise.all([
    probe(async () => {
      const rows = await db.execute<{ v: string }>(sql`SELECT current_setting('server_version') AS v`);
      return rows[0]?.v;
    }, timeoutMs),
    probe(async () => {
      const client = meili();
      await client.health();
      return (await client.getVersion()).pkgVersion;
    }, timeoutMs),
  ]);
  return { status: database.ok && search.ok ? "ok" : database.ok ? "degraded" : "down", database, search };
}

/** The `/api/health` answer: HTTP 503 when the database is down. */
export async function healthResponse(db: Db, meili: () => Meilisearch, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Response> {
  const health = await checkHealth(db, meili, timeoutMs);
  return Response.json(health, { status: health.status === "down" ? 503 : 200, headers: { "cache-control": "no-store" } });
}
