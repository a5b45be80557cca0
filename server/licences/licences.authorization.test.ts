import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { licenceDocuments } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import { makeLicence, makeParkWithTwoEnterprises } from "@/server/testing/factories";

const as = (actor: Actor) => createCaller({ db: getDb(), actor });
const pdf = Buffer.from("%PDF-1.4 licence").toString("base64");

async function cast() {
  const world = await makeParkWithTwoEnterprises();
  const licence = await makeLicence(world.a.id, { verifiedAt: null });
  const content = Buffer.from("%PDF-1.4 scanned");
  await getDb().insert(licenceDocuments).values({ licenceId: licence.id, filename: "l.pdf", contentType: "application/pdf", sizeBytes: content.length, content });
  return { ...world, licence };
}
type Cast = Awaited<ReturnType<typeof cast>>;

describe("a user of another enterprise is refused", () => {
  it.each<[string, (c: ReturnType<typeof as>, w: Cast) => Promise<unknown>]>([
    ["licence.list", (c, w) => c.licence.list({ enterpriseId: w.a.id })],
    ["licence.add", (c, w) => c.licence.add({ enterpriseId: w.a.id, type: "highly_toxic", number: "冒充-1", document: { filename: "x.pdf", contentType: "application/pdf", content: pdf } })],
    ["licence.update", (c, w) => c.licence.update({ id: w.licence.id, number: "改号-1" })],
    ["licence.remove", (c, w) => c.licence.remove({ id: w.licence.id })],
    ["licence.setVerified", (c, w) => c.licence.setVerified({ id: w.licence.id, verified: true })],
    ["licence.document", (c, w) => c.licence.document({ id: w.licence.id })],
    ["licence.parkTodo", (c, w) => c.licence.parkTodo({ parkId: w.park.id })],
  ])("%s", async (_, call) => {
    const w = await cast();
    await expect(call(as(w.adminB.actor), w)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an enterprise cannot verify its own licence; its park's staff can", async () => {
    const w = await cast();
    await expect(as(w.adminA.actor).licence.setVerified({ id: w.licence.id, verified: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(w.staff.actor).licence.setVerified({ id: w.licence.id, verified: true })).resolves.toMatchObject({ verifiedAt: expect.any(Date) });
  });
});
