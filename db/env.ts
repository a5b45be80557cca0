/**
 * The database's configuration, and the only place in db/ that reads the environment (db/ imports
 * nothing from server/; server/env.ts validates the same variables and hands the URL of a database
 * it started to `setDatabaseUrl`).
 */
const state = globalThis as unknown as { parklinkDatabaseUrl?: string };

const number = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) ? n : fallback;
};

export interface DatabaseConfig {
  /** DATABASE_URL, or the URL of the database the launcher or the CLI started */
  url: string | undefined;
  /** DATABASE_CONNECT_TIMEOUT: seconds to wait for a connection */
  connectTimeoutS: number;
  /** DATABASE_STATEMENT_TIMEOUT: milliseconds a statement may run, 0 for no limit */
  statementTimeoutMs: number;
}

export function databaseConfig(): DatabaseConfig {
  return {
    url: state.parklinkDatabaseUrl ?? (process.env.DATABASE_URL || undefined),
    connectTimeoutS: number(process.env.DATABASE_CONNECT_TIMEOUT, 10),
    statementTimeoutMs: number(process.env.DATABASE_STATEMENT_TIMEOUT, 30_000),
  };
}

/** The URL of a database started at run time (server/env.ts `setServices`). */
export function setDatabaseUrl(url: string) {
  state.parklinkDatabaseUrl = url;
}

/** The environment a child process of db/ (PostgreSQL's tools) runs with: ours, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
