import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { listNotifications } from "@/server/notifications/notification.service";
import { makeDealCast } from "@/server/testing/factories";
import { createInquiry } from "./create-inquiry";
import { getInquiry } from "./get-inquiry";
import { sendQuoteInput } from "./inquiry.schemas";
import { sendQuote } from "./send-quote";

const db = () => getDb();
const quoteInput = (v: Parameters<typeof sendQuoteInput.parse>[0]) => sendQuoteInput.parse(v);
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe("a quote as people read it", () => {
  it("tells the buyer the total in 万元 and the unit price exact, in both languages", async () => {
    const c = await makeDealCast();
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "甘油 500 吨", body: "请报价" });
    await sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 5100, quantity: 500, unit: "t", validUntil: inDays(10) }));

    const { items } = await listNotifications(db(), c.buyer.actor, { page: 1, pageSize: 20 });
    const quoted = items.find((n) => n.kind === "quote.received");
    expect(quoted?.notice.zh).toBe(`${c.sellerEnterprise.name} 对“甘油 500 吨”报价 255 万元（5,100 元/吨 × 500 吨）`);
    expect(quoted?.notice.en).toBe(`${c.sellerEnterprise.name} quoted CNY 2.55 M (CNY 5,100/t × 500 t) for "甘油 500 吨"`);
    expect(quoted?.notice.href).toBe(`/inquiries/${id}`);

    // the quote's message in the thread reads the same way
    const thread = await getInquiry(db(), c.buyer.actor, id);
    expect(thread.messages.at(-1)?.body).toContain("报价：5,100 元/吨 × 500 吨，含税（增值税 13%） · 现款 · 送货到厂，有效期至");
    expect(thread.messages.at(-1)?.body).toContain("Quote: CNY 5,100/t × 500 t, VAT included (13%) · cash · delivered to the buyer's plant, valid until");
  });

  it("keeps a unit price of 15,130 exact and a smaller total in 万元 to one decimal", async () => {
    const c = await makeDealCast();
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "小批量", body: "请报价" });
    await sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 15130, quantity: 2.5, unit: "t", validUntil: inDays(3) }));
    const { items } = await listNotifications(db(), c.buyer.actor, { page: 1, pageSize: 20 });
    expect(items.find((n) => n.kind === "quote.received")?.notice.zh).toContain("报价 3.8 万元（15,130 元/吨 × 2.5 吨）");
  });
});
