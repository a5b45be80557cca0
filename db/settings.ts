import { z } from "zod";

/**
 * The database's own settings from the environment. server/env.ts validates them at start with the
 * rest of the configuration (from these very schemas); the pool reads them here, so that `db/`
 * depends on nothing in `server/`.
 */
export const DATABASE_SETTINGS = {
  /** seconds to wait for a database connection before a request fails */
  DATABASE_CONNECT_TIMEOUT: z.coerce.number().int().min(1).max(600).default(10),
  /** milliseconds a statement may run before PostgreSQL cancels it; 0 for no limit */
  DATABASE_STATEMENT_TIMEOUT: z.coerce.number().int().min(0).default(30_000),
};

/** The settings as the environment gives them now (an empty value counts as unset). */
export function databaseSettings(source: Record<string, string | undefined> = process.env) {
  const present = (key: keyof typeof DATABASE_SETTINGS) => (source[key] === "" ? undefined : source[key]);
  const parsed = z.object(DATABASE_SETTINGS).safeParse({
    DATABASE_CONNECT_TIMEOUT: present("DATABASE_CONNECT_TIMEOUT"),
    DATABASE_STATEMENT_TIMEOUT: present("DATABASE_STATEMENT_TIMEOUT"),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  return parsed.data;
}
