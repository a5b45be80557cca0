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
  let buffer: object[] = [];
  let failure: unknown = null;
  const pending: Promise<void>[] = [];
  const send = async () => {
    if (failure) throw failure;
    if (buffer.length === 0) return;
    pending.push(settled(client.index(copy).addDocuments(buffer, { primaryKey: "id" }), `rebuild ${name}`).catch((e) => void (failure ??= e)));
    buffer = [];
    // keep two large batches in flight, not the whole table
    if (pending.length >= 2) await pending.shift();
  };
  try {
    await fill(async (docs) => {
      count += docs.length;
      buffer.push(...docs);
      if (buffer.length >= 50_000) await send();
    });
    await send();
    await Promise.all(pending);
    if (failure) throw failure;
    await settled(client.swapIndexes([{ indexes: [live, copy], rename: false }]), `swap ${name}`);
  } finally {
    await settled(client.index(copy).delete(), `drop the old copy of ${name}`).catch(() => {});
  }
  return count;
}
