import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export { schema };

/** The database as services see it: the pool or a transaction, interchangeably. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

export function createDb(url: string, options: { max?: number } = {}) {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle(client, { schema });
  return { db: db as Db, close: () => client.end({ timeout: 5 }) };
}

// Cached on globalThis so Next.js hot reload does not open a new pool per edit.
const cache = globalThis as unknown as { parklinkDb?: ReturnType<typeof createDb> };

/** The process-wide database, from DATABASE_URL (the launcher and the CLI set it). */
export function getDb(): Db {
  if (!cache.parklinkDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start through `npm start` or `npm run cli`, or set it.");
    cache.parklinkDb = createDb(url);
  }
  return cache.parklinkDb.db;
}

export async function closeDb() {
  await cache.parklinkDb?.close();
  cache.parklinkDb = undefined;
}
