import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { databaseSettings } from "./settings";

export { schema };

/** The database as services see it: the pool or a transaction, interchangeably. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

export interface DbOptions {
  max?: number;
  /** seconds to wait for a connection (default DATABASE_CONNECT_TIMEOUT) */
  connectTimeoutS?: number;
  /** milliseconds a statement may run before PostgreSQL cancels it, 0 for no limit (default DATABASE_STATEMENT_TIMEOUT) */
  statementTimeoutMs?: number;
}

/**
 * A pool of connections. A database that does not answer fails a request after the connect
 * timeout instead of holding it forever, and a statement that runs too long is cancelled by the
 * server (`statement_timeout`, set per connection; 0 sends nothing, for poolers that refuse
 * startup parameters).
 */
export function createDb(url: string, options: DbOptions = {}) {
  const settings = options.statementTimeoutMs !== undefined && options.connectTimeoutS !== undefined ? null : databaseSettings();
  const statementTimeoutMs = options.statementTimeoutMs ?? settings!.DATABASE_STATEMENT_TIMEOUT;
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutS ?? settings!.DATABASE_CONNECT_TIMEOUT,
    connection: statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {},
    onnotice: () => {},
  });
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
