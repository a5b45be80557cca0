import { createDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { loadReferenceDictionary } from "@/server/substances/reference";

/** Brings a database up to date: committed migrations, then the shipped reference dictionary. */
export async function prepareDatabase(url: string, log: (line: string) => void = () => {}) {
  await migrateDatabase(url);
  const { db, close } = createDb(url, { max: 2 });
  try {
    const reference = await loadReferenceDictionary(db);
    if (!reference.skipped) log(`reference dictionary loaded: ${reference.loaded} substances`);
  } finally {
    await close();
  }
}
