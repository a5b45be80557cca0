import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, inquiries, inquiryMessages, quotes } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { dealListScope } from "@/server/auth/deal-list-scope";
import type { ListInquiriesInput } from "./inquiry.schemas";

/** The threads where one of the actor's enterprises is the buyer (`buying`) or the seller (`selling`). */
function sideFilter(actor: Actor, side: ListInquiriesInput["side"]) {
  if (side !== "buying" && side !== "selling") return undefined;
  const own = actor.enterprises.map((e) => e.enterpriseId);
  if (own.length === 0) return sql`false`;
  return inArray(side === "buying" ? inquiries.buyerEnterpriseId : inquiries.supplierEnterpriseId, own);
}

/** Messages from the other side that no one of the actor's enterprise has read yet. */
function unreadExpr(actor: Actor) {
  const own = actor.enterprises.map((e) => e.enterpriseId);
  if (own.length === 0) return sql<number>`0`;
  return sql<number>`(SELECT count(*)::int FROM ${inquiryMessages} m WHERE m.inquiry_id = "inquiry"."id"
    AND m.read_at IS NULL AND m.author_enterprise_id NOT IN ${own}
    AND ("inquiry"."buyer_enterprise_id" IN ${own} OR "inquiry"."supplier_enterprise_id" IN ${own}))`;
}

/**
 * The threads the actor may see (`deal.view`, filtered in SQL by the same scope, so the page and the
 * total agree), latest activity first; `side` narrows to the actor's buying or selling.
 */
export async function listInquiries(db: Db, actor: Actor, input: ListInquiriesInput) {
  const where = and(
    dealListScope(actor, { buyer: inquiries.buyerEnterpriseId, seller: inquiries.supplierEnterpriseId }),
    sideFilter(actor, input.side),
    input.status ? eq(inquiries.status, input.status) : undefined,
  );
  const buyer = sql<string>`(SELECT e.name FROM ${enterprises} e WHERE e.id = "inquiry"."buyer_enterprise_id")`;
  const seller = sql<string>`(SELECT e.name FROM ${enterprises} e WHERE e.id = "inquiry"."supplier_enterprise_id")`;
  const buyerEn = sql<string | null>`(SELECT e.name_en FROM ${enterprises} e WHERE e.id = "inquiry"."buyer_enterprise_id")`;
  const sellerEn = sql<string | null>`(SELECT e.name_en FROM ${enterprises} e WHERE e.id = "inquiry"."supplier_enterprise_id")`;
  const lastActivity = sql<Date>`greatest("inquiry"."updated_at", coalesce((SELECT max(m.created_at) FROM ${inquiryMessages} m WHERE m.inquiry_id = "inquiry"."id"), "inquiry"."created_at"))`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: inquiries.id, subject: inquiries.subject, kind: inquiries.kind, status: inquiries.status, createdAt: inquiries.createdAt,
        buyerEnterpriseId: inquiries.buyerEnterpriseId, supplierEnterpriseId: inquiries.supplierEnterpriseId,
        buyerName: buyer, sellerName: seller, buyerNameEn: buyerEn, sellerNameEn: sellerEn, lastActivity: lastActivity.mapWith((v: string | Date) => new Date(v)),
        unread: unreadExpr(actor),
        quotes: sql<number>`(SELECT count(*)::int FROM ${quotes} q WHERE q.inquiry_id = "inquiry"."id")`,
      })
      .from(inquiries)
      .where(where)
      .orderBy(desc(lastActivity), desc(inquiries.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(inquiries).where(where),
  ]);
  const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
  const items = rows.map((r) => ({
    ...r,
    myRole: own.has(r.buyerEnterpriseId) ? ("buyer" as const) : own.has(r.supplierEnterpriseId) ? ("seller" as const) : null,
  }));
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
