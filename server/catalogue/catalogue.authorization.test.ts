import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { products, substances } from "@/db/schema";
import { anonymous, type Actor } from "@/server/auth/actor";
import { createCaller } from "@/server/api/root";
import { startCatalogueImport } from "@/server/catalogue/import-job";
import { uploadDocument } from "@/server/catalogue/catalogue.service";
import { makeParkWithTwoEnterprises, makeProduct, makeUser } from "@/server/testing/factories";

const as = (actor: Actor) => createCaller({ db: getDb(), actor });
const csv = (text: string) => Buffer.from(text).toString("base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");
const fields = { sku: "X-1", name: "越权产品", cas: null, grade: null, purityPct: null, form: null, packaging: null, capacityTpy: null, availableT: null, priceCnyPerT: null, description: null };

/** A's catalogue, with a product, a document and an import job, and B's admin who must not touch it. */
async function cast() {
  const world = await makeParkWithTwoEnterprises();
  const product = await makeProduct(world.a.id, { name: "甲醇", cas: "67-56-1" });
  const doc = await uploadDocument(getDb(), world.adminA.actor, { productId: product.id, kind: "sds", filename: "sds.pdf", content: PDF });
  const job = await startCatalogueImport(getDb(), world.adminA.actor, { enterpriseId: world.a.id, file: { name: "c.csv", bytes: Buffer.from("sku,name\nJ-1,乙醇\n") } });
  return { ...world, product, doc, job };
}
type Cast = Awaited<ReturnType<typeof cast>>;

/** No one edits another enterprise's catalogue: every catalogue procedure refuses B's admin for A's data. */
describe("a user of another enterprise is refused", () => {
  it.each<[string, (c: ReturnType<typeof as>, w: Cast) => Promise<unknown>]>([
    ["catalogue.list", (c, w) => c.catalogue.list({ enterpriseId: w.a.id })],
    ["catalogue.create", (c, w) => c.catalogue.create({ enterpriseId: w.a.id, ...fields })],
    ["catalogue.update", (c, w) => c.catalogue.update({ id: w.product.id, ...fields })],
    ["catalogue.setRetired", (c, w) => c.catalogue.setRetired({ id: w.product.id, retired: true })],
    ["catalogue.uploadDocument", (c, w) => c.catalogue.uploadDocument({ productId: w.product.id, kind: "tds", filename: "tds.pdf", content: PDF })],
    ["catalogue.deleteDocument", (c, w) => c.catalogue.deleteDocument({ id: w.doc.id })],
    ["catalogue.import", (c, w) => c.catalogue.import({ enterpriseId: w.a.id, filename: "c.csv", content: csv("sku,name\nK-1,丙酮\n") })],
    ["catalogue.importJob", (c, w) => c.catalogue.importJob({ id: w.job.id })],
    ["catalogue.importJobs", (c, w) => c.catalogue.importJobs({ enterpriseId: w.a.id })],
    ["substance.curate", (c) => c.substance.curate({ cas: "67-56-1", nameZh: "木醇", aliases: [], hiddenAliases: [] })],
    ["substance.forCuration", (c) => c.substance.forCuration({ cas: "67-56-1" })],
    ["substance.curated", (c) => c.substance.curated({})],
  ])("%s", async (_, call) => {
    const world = await cast();
    await expect(call(as(world.adminB.actor), world)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the refused writes changed nothing", async () => {
    const w = await cast();
    const b = as(w.adminB.actor);
    await b.catalogue.update({ id: w.product.id, ...fields }).catch(() => {});
    await b.catalogue.setRetired({ id: w.product.id, retired: true }).catch(() => {});
    await b.catalogue.deleteDocument({ id: w.doc.id }).catch(() => {});
    await b.catalogue.import({ enterpriseId: w.a.id, filename: "c.csv", content: csv(`sku,name\n${w.product.sku},改名\n`) }).catch(() => {});
    const [row] = await getDb().select().from(products).where(eq(products.id, w.product.id));
    expect(row).toMatchObject({ name: "甲醇", retiredAt: null });
    const page = await as(w.adminA.actor).catalogue.product({ id: w.product.id });
    expect(page.documents.map((d) => d.id)).toEqual([w.doc.id]);
    const [methanol] = await getDb().select().from(substances).where(eq(substances.cas, "67-56-1"));
    expect(methanol!.curatedNameZh).toBeNull();
  });

  it("a buyer of the same enterprise reads its catalogue but does not change it", async () => {
    const w = await cast();
    const { actor } = await makeUser({ enterpriseId: w.a.id, role: "procurement" });
    expect((await as(actor).catalogue.list({ enterpriseId: w.a.id })).allowed.edit).toBe(false);
    await expect(as(actor).catalogue.setRetired({ id: w.product.id, retired: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an anonymous visitor is asked to sign in, and sees no retired product", async () => {
    const w = await cast();
    await expect(as(anonymous).catalogue.list({ enterpriseId: w.a.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await as(w.adminA.actor).catalogue.setRetired({ id: w.product.id, retired: true });
    await expect(as(anonymous).catalogue.product({ id: w.product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(w.adminB.actor).catalogue.product({ id: w.product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await as(w.adminA.actor).catalogue.product({ id: w.product.id })).retired).toBe(true);
  });
});

describe("the rightful users are allowed", () => {
  it("an enterprise's staff manage its catalogue, and its park's staff onboard it", async () => {
    const w = await cast();
    const staff = await makeUser({ enterpriseId: w.a.id, role: "staff" });
    const created = await as(staff.actor).catalogue.create({ enterpriseId: w.a.id, ...fields, sku: "OWN-1", name: "自有产品", cas: "64-17-5", purityPct: 99.5 });
    await as(w.staff.actor).catalogue.update({ id: created.id, ...fields, sku: "OWN-1", name: "园区代录产品", cas: "64-17-5" });
    const page = await as(w.adminA.actor).catalogue.list({ enterpriseId: w.a.id });
    expect(page.items.map((i) => i.name)).toContain("园区代录产品");
    expect(page.allowed.edit).toBe(true);
  });

  it("refuses a second product with the same sku, and a document that is not a PDF", async () => {
    const w = await cast();
    const a = as(w.adminA.actor);
    await expect(a.catalogue.create({ enterpriseId: w.a.id, ...fields, sku: w.product.sku })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(a.catalogue.uploadDocument({ productId: w.product.id, kind: "tds", filename: "x.pdf", content: csv("not a pdf") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(a.catalogue.create({ enterpriseId: w.a.id, ...fields, sku: "NEW-1", cas: "67-56-2" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(a.catalogue.create({ enterpriseId: w.a.id, ...fields, sku: "NEW-2", purityPct: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("sending an inquiry about a product", () => {
  it("is offered to members of other enterprises, not to the supplier itself or to visitors", async () => {
    const { a, adminA, adminB } = await makeParkWithTwoEnterprises();
    const product = await makeProduct(a.id, { name: "甘油 99.5%", cas: "56-81-5" });
    const seenBy = async (actor: Actor) => (await createCaller({ db: getDb(), actor }).catalogue.product({ id: product.id })).allowed.inquire;
    expect(await seenBy(adminB.actor)).toBe(true);
    expect(await seenBy(adminA.actor)).toBe(false);
    expect(await seenBy(anonymous)).toBe(false);
  });
});
