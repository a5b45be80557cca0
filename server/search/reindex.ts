import { gte, inArray, or, sql } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import type { Db } from "@/db";
import { enterprises, licences, products, substances } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { getMeili } from "./client";
import { allEnterpriseDocuments } from "./enterprises.index";
import { ensureIndex, indexUid, settled, type IndexName } from "./indexes";
import { allProductSources, productDocuments } from "./products.index";
import { syncEnterprises, syncProducts } from "./sync";

/**
 * Rebuilds every index from PostgreSQL into a fresh index beside the live one, then swaps the two,
 * so search keeps answering (from the old copy) while it rebuilds. Whatever changed while it ran
 * is synced again into the new live index afterwards, so nothing written meanwhile is lost.
 */
export async function reindex(db: Db, actor: Actor, options: { client?: Meilisearch; log?: (line: string) => void } = {}) {
  authorize(actor, { type: "search.reindex" });
  const client = options.client ?? getMeili();
  const log = options.log ?? (() => {});
  // the database's clock, which stamps the rows that change meanwhile
  const [clock] = await db.execute<{ ms: number }>(sql`SELECT (extract(epoch FROM now()) * 1000)::float8 AS ms`);

  const counts = { products: 0, enterprises: 0 };
  const today = todayInChina();
  counts.enterprises = await rebuild(client, "enterprises", async (add) => {
    for await (const docs of allEnterpriseDocuments(db)) await add(docs);
  });
  log(`enterprises: ${counts.enterprises}`);
  counts.products = await rebuild(client, "products", async (add) => {
    for await (const sources of allProductSources(db)) {
      const { docs } = await productDocuments(db, sources, today);
      await add(docs);
    }
  });
  log(`products: ${counts.products}`);

  // catch up with what changed while the copy was built
  const since = new Date(clock!.ms);
  const changedEnterprises = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(or(gte(enterprises.updatedAt, since), inArray(enterprises.id, db.select({ id: licences.enterpriseId }).from(licences).where(gte(licences.updatedAt, since)))));
  const changedSubstances = db.select({ cas: substances.cas }).from(substances).where(gte(substances.updatedAt, since));
  const changedProducts = await db
    .select({ id: products.id })
    .from(products)
    .where(or(gte(products.updatedAt, since), inArray(products.cas, changedSubstances)));
  await syncEnterprises(db, changedEnterprises.map((e) => e.id), client);
  await syncProducts(db, changedProducts.map((p) => p.id), client);
  return { ...counts, caughtUp: changedEnterprises.length + changedProducts.length };
}

/** Fills a new copy of the index, swaps it in for the live one and drops the old copy. */
async function rebuild(client: Meilisearch, name: IndexName, fill: (add: (docs: object[]) => Promise<void>) => Promise<void>) {
  const live = indexUid(name);
  const copy = `${live}__rebuild_${Date.now().toString(36)}`;
  await ensureIndex(client, name, live);
  await ensureIndex(client, name, copy);
  let count = 0;
  const pending: Promise<void>[] = [];
  try {
    await fill(async (docs) => {
      if (docs.length === 0) return;
      count += docs.length;
      pending.push(settled(client.index(copy).addDocuments(docs, { primaryKey: "id" }), `rebuild ${name}`));
      // keep a few batches in flight, not the whole table
      if (pending.length >= 4) await pending.shift();
    });
    await Promise.all(pending);
    await settled(client.swapIndexes([{ indexes: [live, copy], rename: false }]), `swap ${name}`);
  } finally {
    await settled(client.index(copy).delete(), `drop the old copy of ${name}`).catch(() => {});
  }
  return count;
}
