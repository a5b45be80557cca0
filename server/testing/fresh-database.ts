import crypto from "node:crypto";
import postgres from "postgres";
import { createDb, type Db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { loadReferenceDictionary } from "@/server/substances/reference";

export interface FreshDatabase {
  db: Db;
  url: string;
  /** closes the pool and drops the database */
  drop: () => Promise<void>;
}

/**
 * A database of a test's own on the harness's PostgreSQL (DATABASE_URL): created under a unique
 * name, migrated, with the reference dictionary loaded, and nothing else. For a test that must see
 * a database as a first start sees it (e.g. that the demo seeds on it), whatever the other test
 * files did to the shared one. Needs the CREATEDB privilege (the embedded server's user has it).
 */
export async function freshDatabase(): Promise<FreshDatabase> {
  const shared = process.env.DATABASE_URL;
  if (!shared) throw new Error("DATABASE_URL is not set: freshDatabase() is for integration tests");
  const name = `parklink_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(shared, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(shared);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const { db, close } = createDb(url.toString(), { max: 2 });
  await loadReferenceDictionary(db);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await close();
      const again = postgres(shared, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await again.end({ timeout: 5 });
      }
    },
  };
}
