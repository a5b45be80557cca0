import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, enterpriseApplications, enterprises, memberships, notifications, users } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { anonymous, loadActor, type Actor } from "@/server/auth/actor";
import { checkCredentials } from "@/server/auth/sign-in";
import { makeEnterprise, makePark, makeParkWithTwoEnterprises, makeUser, randomUscc } from "@/server/testing/factories";
import { APPLICATION_LIMIT } from "./submit-application";

/** A client address of its own per test (the limit counts per address; tests share the database). */
const address = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)]).toString("base64");
const pdf = Buffer.from("%PDF-1.4\n营业执照\n%%EOF").toString("base64");
const as = (actor: Actor, from = address()) => createCaller({ db: getDb(), actor, address: from });

function form(parkId: number | null, overrides: Record<string, unknown> = {}) {
  const tag = crypto.randomBytes(3).toString("hex");
  return {
    uscc: randomUscc(), name: `申请化工有限公司${tag}`, parkId, chains: ["精细化工" as const],
    contactName: "王申请", contactPhone: "0513-8888 0000", contactEmail: `apply-${tag}@test.parklink.cn`,
    scan: { filename: "营业执照.png", contentType: "image/png" as const, content: png },
    ...overrides,
  };
}

describe("applying to join (入驻申请)", () => {
  it("a visitor applies with a valid credit code and a scan; the park's staff see it, and the scan, and nobody else", async () => {
    const { park, staff, adminA } = await makeParkWithTwoEnterprises();
    const other = await makeUser({ parkId: (await makePark()).id });
    const input = form(park.id, { uscc: randomUscc().toLowerCase() });
    const { id } = await as(anonymous).application.submit(input);

    const asStaff = as(staff.actor);
    expect((await asStaff.application.list({})).map((a) => a.id)).toContain(id);
    const shown = await asStaff.application.byId({ id });
    expect(shown).toMatchObject({ uscc: input.uscc.toUpperCase(), status: "pending", park: { id: park.id }, allowed: { review: true }, scan: { contentType: "image/png" } });
    expect(shown).not.toHaveProperty("scanContent");
    expect((await asStaff.application.scan({ id })).content).toBe(png);

    // a visitor may apply, but not list or read applications or their scans
    await expect(as(anonymous).application.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(as(anonymous).application.byId({ id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(as(anonymous).application.scan({ id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // an enterprise member cannot list; another park's staff neither read nor decide it
    await expect(as(adminA.actor).application.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await as(other.actor).application.list({})).map((a) => a.id)).not.toContain(id);
    for (const call of [
      () => as(other.actor).application.byId({ id }), () => as(other.actor).application.scan({ id }),
      () => as(other.actor).application.approve({ id }), () => as(other.actor).application.reject({ id, reason: "越权驳回" }),
    ]) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [row] = await getDb().select({ status: enterpriseApplications.status }).from(enterpriseApplications).where(eq(enterpriseApplications.id, id));
    expect(row!.status).toBe("pending");
  });

  it("names the park in both languages for the review pages (its English name for the English UI)", async () => {
    const park = await makePark({ nameEn: "Binjiang Test Park" });
    const staff = await makeUser({ parkId: park.id });
    const { id } = await as(anonymous).application.submit(form(park.id));
    const listed = (await as(staff.actor).application.list({})).find((a) => a.id === id);
    expect(listed?.park).toEqual({ id: park.id, name: park.name, nameEn: "Binjiang Test Park" });
    expect((await as(staff.actor).application.byId({ id })).park).toEqual({ id: park.id, name: park.name, nameEn: "Binjiang Test Park" });
  });

  it("refuses a credit code whose check character is wrong, and a scan whose bytes are not its type or too big", async () => {
    const park = await makePark();
    const good = randomUscc();
    const last = "0123456789ABCDEFGHJKLMNPQRTUWXY".indexOf(good[17]!);
    const bad = good.slice(0, 17) + "0123456789ABCDEFGHJKLMNPQRTUWXY"[(last + 1) % 31];
    await expect(as(anonymous).application.submit(form(park.id, { uscc: bad }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // a PDF sent as a PNG, a text file sent as a PDF
    await expect(as(anonymous).application.submit(form(park.id, { scan: { filename: "x.png", contentType: "image/png", content: pdf } })))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not a valid PDF, PNG or JPEG") });
    await expect(as(anonymous).application.submit(form(park.id, { scan: { filename: "x.pdf", contentType: "application/pdf", content: Buffer.from("hello").toString("base64") } })))
      .rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(anonymous).application.submit(form(park.id, { scan: { filename: "x.gif", contentType: "image/gif", content: png } })))
      .rejects.toMatchObject({ code: "BAD_REQUEST" });
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(5 * 1024 * 1024)]).toString("base64");
    await expect(as(anonymous).application.submit(form(park.id, { scan: { filename: "big.pdf", contentType: "application/pdf", content: big } })))
      .rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [n] = await getDb().select({ n: sql<number>`count(*)::int` }).from(enterpriseApplications).where(eq(enterpriseApplications.uscc, good));
    expect(n!.n).toBe(0);
  });

  it("refuses a credit code already on the platform or already pending, with a clear message, and takes it again after a rejection", async () => {
    const { park, a, staff } = await makeParkWithTwoEnterprises();
    const taken = as(anonymous).application.submit(form(park.id, { uscc: a.uscc }));
    await expect(taken).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already on the platform") });
    await taken.catch((e: { cause?: { messages?: { zh: string } } }) => expect(e.cause?.messages?.zh).toContain("已在平台上"));

    const input = form(park.id);
    const { id } = await as(anonymous).application.submit(input);
    await expect(as(anonymous).application.submit({ ...form(park.id), uscc: input.uscc })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already waiting") });

    await as(staff.actor).application.reject({ id, reason: "营业执照不清晰，请重新扫描" });
    await expect(as(anonymous).application.submit({ ...form(park.id), uscc: input.uscc })).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it("lets only one of two simultaneous applications of one credit code in", async () => {
    const park = await makePark();
    const uscc = randomUscc();
    const results = await Promise.allSettled([as(anonymous).application.submit(form(park.id, { uscc })), as(anonymous).application.submit(form(park.id, { uscc }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
  });

  it(`takes at most ${APPLICATION_LIMIT.perAddress} applications an hour from one address`, async () => {
    const park = await makePark();
    const from = address();
    for (let i = 0; i < APPLICATION_LIMIT.perAddress; i++) await as(anonymous, from).application.submit(form(park.id));
    await expect(as(anonymous, from).application.submit(form(park.id))).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringContaining("Too many applications") });
    await expect(as(anonymous, address()).application.submit(form(park.id))).resolves.toMatchObject({ id: expect.any(Number) });
  });
});

describe("reviewing an application", () => {
  it("approval creates the verified enterprise and its first admin, who signs in with the password shown once", async () => {
    const { park, staff } = await makeParkWithTwoEnterprises();
    const input = form(park.id, { chains: ["精细化工", "电子化学品"] });
    const { id } = await as(anonymous).application.submit(input);
    const approved = await as(staff.actor).application.approve({ id });

    const [enterprise] = await getDb().select().from(enterprises).where(eq(enterprises.id, approved.enterpriseId));
    expect(enterprise).toMatchObject({ uscc: input.uscc, name: input.name, parkId: park.id, chains: ["精细化工", "电子化学品"], contactName: "王申请", verifiedBy: staff.user.id });
    expect(enterprise!.verifiedAt).not.toBeNull();
    expect(approved.signIn.email).toBe(input.contactEmail);

    const signedIn = await checkCredentials(getDb(), input.contactEmail, approved.signIn.initialPassword, { address: address() });
    expect(signedIn).toMatchObject({ ok: true });
    const admin = await loadActor(getDb(), (signedIn as { user: { id: number } }).user.id);
    expect(admin.enterprises).toEqual([{ enterpriseId: enterprise!.id, role: "admin", verified: true }]);
    // only the hash is kept
    const [user] = await getDb().select().from(users).where(eq(users.id, admin.userId!));
    expect(user!.passwordHash).not.toContain(approved.signIn.initialPassword);
    // the new admin is greeted in the app; the decision and the creation are audited
    expect(await getDb().select().from(notifications).where(and(eq(notifications.enterpriseId, enterprise!.id), eq(notifications.kind, "application.approved")))).toHaveLength(1);
    const audit = await getDb().select({ entity: auditLog.entity, action: auditLog.action, by: auditLog.actorUserId }).from(auditLog)
      .where(sql`(${auditLog.entity} = 'enterprise_application' AND ${auditLog.entityId} = ${String(id)}) OR (${auditLog.entity} = 'enterprise' AND ${auditLog.entityId} = ${String(enterprise!.id)})`);
    expect(audit).toEqual(expect.arrayContaining([
      { entity: "enterprise_application", action: "submit", by: null },
      { entity: "enterprise_application", action: "approve", by: staff.user.id },
      { entity: "enterprise", action: "create-from-application", by: staff.user.id },
    ]));

    const shown = await as(staff.actor).application.byId({ id });
    expect(shown).toMatchObject({ status: "approved", enterpriseId: enterprise!.id, allowed: { review: false } });
    await expect(as(staff.actor).application.approve({ id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(as(staff.actor).application.reject({ id, reason: "再驳回" })).rejects.toMatchObject({ code: "CONFLICT" });

    // the scan stays on file for the enterprise: its park's staff and its admin see it, others not
    expect(await as(staff.actor).application.enterpriseScanInfo({ enterpriseId: enterprise!.id })).toMatchObject({ contentType: "image/png", href: `/api/enterprises/${enterprise!.id}/licence-scan` });
    expect((await as(admin).application.enterpriseScan({ enterpriseId: enterprise!.id })).content).toBe(png);
    await expect(as(anonymous).application.enterpriseScan({ enterpriseId: enterprise!.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("rejection needs a reason and creates nothing", async () => {
    const { park, staff } = await makeParkWithTwoEnterprises();
    const input = form(park.id);
    const { id } = await as(anonymous).application.submit(input);
    await expect(as(staff.actor).application.reject({ id, reason: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const rejected = await as(staff.actor).application.reject({ id, reason: "非化工企业" });
    expect(rejected).toMatchObject({ status: "rejected", reason: "非化工企业" });
    expect(await as(staff.actor).application.byId({ id })).toMatchObject({ status: "rejected", reason: "非化工企业", reviewedBy: staff.user.id, enterpriseId: null });
    expect(await getDb().select().from(enterprises).where(eq(enterprises.uscc, input.uscc))).toEqual([]);
    expect(await getDb().select().from(users).where(sql`lower(${users.email}) = ${input.contactEmail}`)).toEqual([]);
    expect((await as(staff.actor).application.list({ status: "rejected" })).map((a) => a.id)).toContain(id);
  });

  it("the applicant, who has no account, looks up the outcome with its credit code and contact email: pending, then the reason of a rejection", async () => {
    const { park, staff } = await makeParkWithTwoEnterprises();
    const input = form(park.id);
    const { id } = await as(anonymous).application.submit(input);
    const lookup = { uscc: input.uscc.toLowerCase(), contactEmail: input.contactEmail.toUpperCase() };
    expect(await as(anonymous).application.status(lookup)).toMatchObject({ status: "pending", name: input.name, parkName: park.name, reviewedAt: null, reason: null });
    await as(staff.actor).application.reject({ id, reason: "营业执照已过期" });
    expect(await as(anonymous).application.status(lookup)).toMatchObject({ status: "rejected", reason: "营业执照已过期", reviewedAt: expect.any(Date) });
    // the credit code alone, or another's email, finds nothing (and says so the same way whether the code exists or not)
    for (const wrong of [{ ...lookup, contactEmail: "someone@test.parklink.cn" }, { uscc: randomUscc(), contactEmail: input.contactEmail }]) {
      await expect(as(anonymous).application.status(wrong)).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("No application matches") });
    }
    // applying again after the rejection: the lookup reads the latest application
    await as(anonymous).application.submit({ ...input, scan: input.scan });
    expect(await as(anonymous).application.status(lookup)).toMatchObject({ status: "pending", reason: null });
  });

  it("a failed approval leaves no half record: the enterprise is not created when its admin cannot be, and the application stays pending", async () => {
    const { park, staff } = await makeParkWithTwoEnterprises();
    const input = form(park.id);
    const { id } = await as(anonymous).application.submit(input);
    await makeUser({ email: input.contactEmail }); // the contact's email already has an account
    await expect(as(staff.actor).application.approve({ id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(input.contactEmail) });
    expect(await getDb().select().from(enterprises).where(eq(enterprises.uscc, input.uscc))).toEqual([]);
    expect((await as(staff.actor).application.byId({ id })).status).toBe("pending");
    const [audits] = await getDb().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.entity, "enterprise_application"), eq(auditLog.entityId, String(id)), eq(auditLog.action, "approve")));
    expect(audits!.n).toBe(0);

    // the reviewer gives another sign-in email, and it goes through
    const approved = await as(staff.actor).application.approve({ id, adminEmail: `other-${input.contactEmail}` });
    const members = await getDb().select().from(memberships).where(eq(memberships.enterpriseId, approved.enterpriseId));
    expect(members).toHaveLength(1);
  });

  it("an application from outside every park is for platform admins: park staff neither list nor decide it", async () => {
    const { staff } = await makeParkWithTwoEnterprises();
    const platform = await makeUser({ admin: true });
    const { id } = await as(anonymous).application.submit(form(null));
    expect((await as(staff.actor).application.list({})).map((a) => a.id)).not.toContain(id);
    await expect(as(staff.actor).application.approve({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await as(platform.actor).application.list({})).map((a) => a.id)).toContain(id);
    const approved = await as(platform.actor).application.approve({ id });
    const [enterprise] = await getDb().select().from(enterprises).where(eq(enterprises.id, approved.enterpriseId));
    expect(enterprise!.parkId).toBeNull();
  });

  it("an enterprise registered without an application has no scan on file, which its verifier can see", async () => {
    const { park, staff } = await makeParkWithTwoEnterprises();
    const registered = await makeEnterprise({ parkId: park.id });
    expect(await as(staff.actor).application.enterpriseScanInfo({ enterpriseId: registered.id })).toBeNull();
    await expect(as(staff.actor).application.enterpriseScan({ enterpriseId: registered.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
