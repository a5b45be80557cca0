import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createCaller } from "@/server/api/root";
import { makeParkWithTwoEnterprises, makeUser } from "@/server/testing/factories";
import { notify } from "./notification.service";

describe("notifications", () => {
  it("reach every member of the enterprise, or one user, and never another enterprise", async () => {
    const { a, adminA, adminB } = await makeParkWithTwoEnterprises();
    const colleague = await makeUser({ enterpriseId: a.id, role: "procurement" });
    await notify(getDb(), { enterpriseId: a.id }, "test", { zh: "新的匹配", en: "New matches", href: "/matches" });
    await notify(getDb(), { enterpriseId: a.id, userId: colleague.user.id }, "test", { zh: "只给同事", en: "Only for the colleague" });

    const asAdmin = createCaller({ db: getDb(), actor: adminA.actor });
    const asColleague = createCaller({ db: getDb(), actor: colleague.actor });
    const asOther = createCaller({ db: getDb(), actor: adminB.actor });
    expect(await asAdmin.notification.unread()).toBe(1);
    expect(await asColleague.notification.unread()).toBe(2);
    expect(await asOther.notification.unread()).toBe(0);
    expect((await asOther.notification.list({})).items).toEqual([]);

    const list = await asColleague.notification.list({});
    expect(list.items[0]!.notice).toMatchObject({ zh: "只给同事" });
    // another enterprise's user cannot mark them read
    await asOther.notification.markRead({ ids: list.items.map((n) => n.id) });
    expect(await asColleague.notification.unread()).toBe(2);
    await asColleague.notification.markRead({});
    expect(await asColleague.notification.unread()).toBe(0);
    expect(await asAdmin.notification.unread()).toBe(0); // the enterprise-wide notice was read by a colleague
  });

  it("returns a notice's substance with the dictionary's English name, for the page to write it in English", async () => {
    const { a, adminA } = await makeParkWithTwoEnterprises();
    const [substance] = await getDb().execute<{ cas: string; name_zh: string; name_en: string }>(
      sql`SELECT cas, name_zh, coalesce(curated_name_en, name_en) AS name_en FROM substance WHERE name_zh IS NOT NULL AND coalesce(curated_name_en, name_en) IS NOT NULL LIMIT 1`,
    );
    await notify(getDb(), { enterpriseId: a.id }, "match.suppliers", {
      zh: "…", en: "…", values: { count: 2, substance: { name: substance!.name_zh, cas: substance!.cas } },
    });
    await notify(getDb(), { enterpriseId: a.id }, "match.suppliers", {
      zh: "…", en: "…", values: { count: 1, substance: { name: "自己起的名字", cas: null } },
    });
    const { items } = await createCaller({ db: getDb(), actor: adminA.actor }).notification.list({});
    expect(items.map((n) => n.notice.values?.substance)).toEqual([
      { name: "自己起的名字", cas: null, nameEn: null },
      { name: substance!.name_zh, cas: substance!.cas, nameEn: substance!.name_en },
    ]);
  });

  it("asks an anonymous visitor to sign in", async () => {
    const anon = createCaller({ db: getDb(), actor: { userId: null, name: null, platformAdmin: false, enterprises: [], parkIds: [] } });
    await expect(anon.notification.unread()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
