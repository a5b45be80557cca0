import { spawn, type ChildProcess } from "node:child_process";
import { count, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Db } from "@/db";
import { catalogueImports, enterprises, memberships, notifications, outbox, parks, products, users } from "@/db/schema";
import { stopChild } from "@/server/platform/process";
import { getMeili } from "@/server/search/client";
import { indexUid } from "@/server/search/indexes";
import { freshDatabase, type FreshDatabase } from "@/server/testing/fresh-database";
import { randomUscc } from "@/server/testing/factories";
import { dropTestIndexes } from "@/server/testing/search";
import type { InstanceCall, InstanceMessage, InstanceReply } from "@/server/testing/app-instance";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

/**
 * Several app instances over one PostgreSQL and one Meilisearch lose and duplicate nothing. Two
 * child processes (server/testing/app-instance.ts) each run the background worker as every web
 * server does and take writes at the same time — catalogue imports (background jobs), products,
 * demands, inquiries and quotes, an inquiry sent through one instance answered through the other.
 * Afterwards every outbox row was delivered exactly once (each delivery is recorded in its own
 * transaction; every row enqueued, recorded by a trigger, is matched), nothing is left in the
 * outbox, every announcement was made once, and Meilisearch holds exactly the database's products.
 *
 * The database is this file's own (the instances run the product's whole handler table, which
 * would otherwise take other files' rows); Meilisearch is the harness's, under this file's prefix.
 */
const IMPORTS_PER_INSTANCE = 2;
const IMPORT_ROWS = 1_500;
const DEMANDS_PER_INSTANCE = 8;
const INQUIRIES_PER_INSTANCE = 3;
const CAS = ["67-63-0", "141-78-6", "64-17-5", "67-56-1", "79-10-7", "68-12-2"];

let fresh: FreshDatabase;
let db: Db;
const instances: Instance[] = [];

class Instance {
  private next = 0;
  private waiting = new Map<number, { resolve: (id: number) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;
  constructor(readonly child: ChildProcess) {
    this.ready = new Promise((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`instance exited (${code})`)));
      child.on("message", (reply: InstanceReply) => {
        if (reply === "ready") return resolve();
        const pending = this.waiting.get(reply.id)!;
        this.waiting.delete(reply.id);
        if (reply.error) pending.reject(new Error(reply.error));
        else pending.resolve(reply.result!.id);
      });
    });
  }
  call(call: InstanceCall): Promise<number> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, call } satisfies InstanceMessage);
    });
  }
}

function startInstance(url: string): Instance {
  const child = spawn(process.execPath, ["--import", "tsx", "server/testing/app-instance.ts"], {
    env: {
      ...process.env, DATABASE_URL: url, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"),
      MEILI_INDEX_PREFIX: process.env.MEILI_INDEX_PREFIX, DATA_DIR: inject("dataDir"), PARKLINK_WORKER: "1",
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Instance(child);
}

const catalogue = (tag: string) =>
  "sku,name,cas,grade,purity,form,packaging,capacity_tpy,available_t,price_cny_per_t,description\n" +
  Array.from({ length: IMPORT_ROWS }, (_, i) => `${tag}-${String(i).padStart(5, "0")},产品${tag}${i},${CAS[i % CAS.length]},工业级,99,液体,,,${1 + (i % 90)},${5000 + i},`).join("\n") + "\n";

async function member(enterpriseId: number, role: "admin" | "procurement") {
  const [user] = await db.insert(users).values({ email: `i${randomUscc()}@test.parklink.cn`, name: "实例测试", passwordHash: "x" }).returning({ id: users.id });
  await db.insert(memberships).values({ userId: user!.id, enterpriseId, role });
  return user!.id;
}

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
  // what was enqueued (a trigger: the workers delete delivered rows) and what was delivered (app-instance.ts)
  await db.execute(sql.raw(`
    CREATE TABLE test_enqueued (id bigint PRIMARY KEY, topic text NOT NULL, entity_id text NOT NULL);
    CREATE TABLE test_delivery (topic text NOT NULL, entity_id text NOT NULL, pid integer NOT NULL);
    CREATE FUNCTION test_record_enqueued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_enqueued VALUES (NEW.id, NEW.topic, NEW.entity_id); RETURN NEW; END $$;
    CREATE TRIGGER test_record_enqueued AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION test_record_enqueued();`));
  instances.push(startInstance(fresh.url), startInstance(fresh.url));
  await Promise.all(instances.map((i) => i.ready));
});

afterAll(async () => {
  await Promise.all(instances.map((i) => stopChild(i.child, 10_000)));
  await fresh?.drop();
  await dropTestIndexes();
});

describe("two app instances over one PostgreSQL and one Meilisearch", () => {
  it("deliver every outbox row exactly once while both take writes, and search agrees with the database", { timeout: 120_000 }, async () => {
    const [park] = await db.insert(parks).values({ code: `TI${randomUscc().slice(10, 15)}`, name: "双实例测试园区" }).returning({ id: parks.id });
    const enterprise = async (name: string) =>
      (await db.insert(enterprises).values({ uscc: randomUscc(), name, parkId: park!.id, chains: ["精细化工"], verifiedAt: new Date(), lat: "31.9", lng: "120.3" })
        .returning({ id: enterprises.id }))[0]!.id;
    const supplier = await enterprise("双实例供应商");
    const buyer = await enterprise("双实例采购商");
    const importers = await Promise.all(Array.from({ length: 2 * IMPORTS_PER_INSTANCE }, (_, k) => enterprise(`双实例导入企业${k}`)));
    const supplierAdmin = await member(supplier, "admin");
    const buyerStaff = await member(buyer, "procurement");
    const importerAdmins = await Promise.all(importers.map((e) => member(e, "admin")));
    const [a, b] = instances as [Instance, Instance];

    // the products asked about, listed through the first instance
    const listed = await Promise.all(Array.from({ length: 2 * INQUIRIES_PER_INSTANCE }, (_, k) =>
      a.call({ fn: "createProduct", userId: supplierAdmin, input: { enterpriseId: supplier, sku: `TI-${k}`, name: "异丙醇", cas: "67-63-0", grade: "industrial", purityPct: 99.5, availableT: 40, priceCnyPerT: 7000 + k } })));

    // then, through both at once: imports, demands, and inquiries each answered through the other instance
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const deal = async (asker: Instance, answerer: Instance, productId: number, k: number) => {
      const inquiryId = await asker.call({ fn: "createInquiry", userId: buyerStaff, input: { source: { kind: "product", id: productId }, subject: `双实例询价${k}`, body: "请报价" } });
      return answerer.call({ fn: "sendQuote", userId: supplierAdmin, input: { inquiryId, priceCnyPerUnit: 6900, quantity: 20, validUntil: expiresOn } });
    };
    const work = [a, b].flatMap((instance, side) => [
      ...Array.from({ length: IMPORTS_PER_INSTANCE }, (_, k) => {
        const n = side * IMPORTS_PER_INSTANCE + k;
        return instance.call({ fn: "startCatalogueImport", userId: importerAdmins[n]!, input: { enterpriseId: importers[n]!, name: `ti-${n}.csv`, csv: catalogue(`I${n}`) } });
      }),
      ...Array.from({ length: DEMANDS_PER_INSTANCE }, (_, k) =>
        instance.call({ fn: "createDemand", userId: buyerStaff, input: { enterpriseId: buyer, cas: CAS[k % CAS.length], substanceName: "需求", quantity: 10 + k, expiresOn } })),
      ...Array.from({ length: INQUIRIES_PER_INSTANCE }, (_, k) => {
        const n = side * INQUIRIES_PER_INSTANCE + k;
        return deal(instance, side === 0 ? b : a, listed[n]!, n);
      }),
    ]);
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    // the instances drain the outbox between them (a bounded wait, not a timed assertion)
    const deadline = Date.now() + 90_000;
    const settled = async () => {
      const [left] = await db.select({ n: count() }).from(outbox);
      const [running] = await db.select({ n: count() }).from(catalogueImports).where(sql`${catalogueImports.status} NOT IN ('done', 'failed')`);
      return left!.n === 0 && running!.n === 0;
    };
    while (!(await settled()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const meili = getMeili();
    await meili.tasks.waitForTasks((await meili.tasks.getTasks({ statuses: ["enqueued", "processing"] })).results.map((t) => t.uid), { timeout: 60_000 });

    // nothing left, every import done
    expect(await db.select({ n: count() }).from(outbox)).toEqual([{ n: 0 }]);
    const jobs = await db.select({ status: catalogueImports.status, inserted: catalogueImports.inserted }).from(catalogueImports);
    expect(jobs).toEqual(importers.map(() => ({ status: "done", inserted: IMPORT_ROWS })));

    // every enqueued row delivered exactly once: a topic's rows of one entity may be delivered
    // together (the handler gets distinct ids), never more often than they were enqueued
    const tally = await db.execute<{ topic: string; entity_id: string; enqueued: number; delivered: number }>(sql`
      SELECT e.topic, e.entity_id, e.n AS enqueued, coalesce(d.n, 0)::int AS delivered
      FROM (SELECT topic, entity_id, count(*)::int AS n FROM test_enqueued GROUP BY 1, 2) e
      LEFT JOIN (SELECT topic, entity_id, count(*)::int AS n FROM test_delivery GROUP BY 1, 2) d USING (topic, entity_id)`);
    const [{ n: strays }] = (await db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM test_delivery d WHERE NOT EXISTS (SELECT 1 FROM test_enqueued e WHERE e.topic = d.topic AND e.entity_id = d.entity_id)`)) as unknown as [{ n: number }];
    expect(tally.length).toBeGreaterThan(2 * IMPORTS_PER_INSTANCE * IMPORT_ROWS);
    expect(tally.filter((t) => t.delivered < 1 || t.delivered > t.enqueued)).toEqual([]);
    expect(strays).toBe(0);
    // an import's slices are one row each, each enqueued by the delivery of the one before: each delivered once
    expect(tally.filter((t) => t.topic === "catalogue-imports:import" && t.delivered !== t.enqueued)).toEqual([]);
    expect(tally.filter((t) => t.topic === "catalogue-imports:import").length).toBe(importers.length);
    const byInstance = await db.execute<{ pid: number; n: number }>(sql`SELECT pid, count(*)::int AS n FROM test_delivery GROUP BY pid`);
    expect(byInstance.every((r) => instances.some((i) => i.child.pid === r.pid))).toBe(true);
    console.log(`[two-instances] deliveries by instance: ${byInstance.map((r) => `${r.pid}: ${r.n}`).join(", ")}`);

    // every announcement once: one "import done" per import, one per inquiry to the supplier, one per quote to the buyer
    const announced = await db
      .select({ enterpriseId: notifications.enterpriseId, kind: notifications.kind, n: count() })
      .from(notifications)
      .where(sql`${notifications.kind} IN ('catalogue.import_done', 'inquiry.created', 'quote.received')`)
      .groupBy(notifications.enterpriseId, notifications.kind);
    expect(new Set(announced.map((r) => `${r.enterpriseId} ${r.kind} ${r.n}`))).toEqual(new Set([
      ...importers.map((e) => `${e} catalogue.import_done 1`),
      `${supplier} inquiry.created ${2 * INQUIRIES_PER_INSTANCE}`,
      `${buyer} quote.received ${2 * INQUIRIES_PER_INSTANCE}`,
    ]));

    // search holds exactly the database's products, at the database's prices
    const inDb = await db.select({ id: products.id, price: products.priceCnyPerT }).from(products).where(isNull(products.retiredAt));
    const inIndex = new Map<number, number | null>();
    for (let offset = 0; ; offset += 10_000) {
      const page = await meili.index(indexUid("products")).getDocuments<{ id: number; priceCnyPerT: number | null }>({ fields: ["id", "priceCnyPerT"], limit: 10_000, offset });
      for (const d of page.results) inIndex.set(d.id, d.priceCnyPerT);
      if (page.results.length < 10_000) break;
    }
    expect(inDb.length).toBe(2 * IMPORTS_PER_INSTANCE * IMPORT_ROWS + listed.length);
    expect(inIndex.size).toBe(inDb.length);
    expect(inDb.filter((p) => !inIndex.has(p.id) || Number(inIndex.get(p.id)) !== Number(p.price))).toEqual([]);
  });
});
