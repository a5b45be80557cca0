import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { enterprises, users } from "@/db/schema";
import { loadActor, type Actor } from "@/server/auth/actor";
import { makeParkWithTwoEnterprises, makeUser, randomUscc } from "@/server/testing/factories";
import { createCaller } from "./root";

const as = (actor: Actor) => createCaller({ db: getDb(), actor });
const csv = (text: string) => Buffer.from(text).toString("base64");

/**
 * Every procedure that touches an enterprise's data refuses a user of another enterprise, through
 * the real router and the one policy module.
 */
describe("a user of another enterprise is refused", () => {
  it.each<[string, (c: ReturnType<typeof as>, ids: { a: number; parkId: number; adminAUserId: number }) => Promise<unknown>]>([
    ["enterprise.private", (c, { a }) => c.enterprise.private({ id: a })],
    ["enterprise.update", (c, { a }) => c.enterprise.update({ id: a, name: "改名化工有限公司", chains: [] })],
    ["enterprise.setVerified", (c, { a }) => c.enterprise.setVerified({ id: a, verified: true })],
    ["enterprise.unverified", (c, { parkId }) => c.enterprise.unverified({ parkId })],
    ["enterprise.create", (c, { parkId }) => c.enterprise.create({ uscc: randomUscc(), name: "新登记化工有限公司", parkId, chains: [] })],
    ["enterprise.import", (c) => c.enterprise.import({ filename: "d.csv", content: csv(`uscc,name\n${randomUscc()},导入化工有限公司\n`) })],
    ["user.addMember", (c, { a }) => c.user.addMember({ enterpriseId: a, email: `x-${Date.now()}@t.cn`, name: "冒充者", password: "12345678", role: "admin" })],
    ["user.list", (c) => c.user.list({})],
    ["user.setDisabled", (c, { adminAUserId }) => c.user.setDisabled({ userId: adminAUserId, disabled: true })],
    ["park.create", (c) => c.park.create({ code: `X${Date.now() % 100000}`, name: "越权园区", city: "南京" })],
  ])("%s", async (_, call) => {
    const { park, a, adminA, adminB } = await makeParkWithTwoEnterprises();
    await expect(call(as(adminB.actor), { a: a.id, parkId: park.id, adminAUserId: adminA.user.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("an anonymous visitor is asked to sign in", async () => {
    const { a } = await makeParkWithTwoEnterprises();
    const anon = as({ userId: null, name: null, platformAdmin: false, enterprises: [], parkIds: [] });
    await expect(anon.enterprise.private({ id: a.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("the refused update changed nothing", async () => {
    const { a, adminB } = await makeParkWithTwoEnterprises();
    await as(adminB.actor).enterprise.update({ id: a.id, name: "改名化工有限公司", chains: [] }).catch(() => {});
    const [row] = await getDb().select().from(enterprises).where(eq(enterprises.id, a.id));
    expect(row!.name).toBe(a.name);
  });
});

describe("the rightful user is allowed", () => {
  it("an enterprise admin edits its profile and adds a colleague", async () => {
    const { a, adminA } = await makeParkWithTwoEnterprises();
    const caller = as(adminA.actor);
    await caller.enterprise.update({ id: a.id, name: "江海精细化工有限公司", chains: ["精细化工"], address: "南通市江海路1号" });
    const colleague = await caller.user.addMember({
      enterpriseId: a.id, email: `colleague-${Date.now()}@t.cn`, name: "同事", password: "longenough", role: "procurement",
    });
    const page = await caller.enterprise.private({ id: a.id });
    expect(page.name).toBe("江海精细化工有限公司");
    expect(page.members.map((m) => m.userId)).toContain(colleague.id);
  });

  it("park staff register an enterprise with its first user, who can then sign in as its admin", async () => {
    const { park, staff } = await makeParkWithTwoEnterprises();
    const email = `first-${Date.now()}@t.cn`;
    const created = await as(staff.actor).enterprise.create({
      uscc: randomUscc(), name: "新入园化学有限公司", parkId: park.id, chains: ["电子化学品"],
      firstUser: { email, name: "首位用户", password: "firstpassword" },
    });
    const [user] = await getDb().select().from(users).where(eq(users.email, email));
    const actor = await loadActor(getDb(), user!.id);
    expect(actor.enterprises).toEqual([{ enterpriseId: created.id, role: "admin", verified: false }]);
  });

  it("rejects a credit code with a wrong check character", async () => {
    const { park, staff } = await makeParkWithTwoEnterprises();
    const bad = randomUscc().slice(0, 17) + "Z"; // Z is never a check character
    await expect(
      as(staff.actor).enterprise.create({ uscc: bad, name: "校验失败化工有限公司", parkId: park.id, chains: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a platform admin lists users", async () => {
    const { actor } = await makeUser({ admin: true });
    const result = await as(actor).user.list({ pageSize: 5 });
    expect(result.items.length).toBeGreaterThan(0);
  });
});
