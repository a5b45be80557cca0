import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, enterprises, events } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { dealListScope } from "@/server/auth/deal-list-scope";
import { can } from "@/server/auth/policy";
import type { ListAgreementsInput } from "./agreement.schemas";
import { signedSql } from "./signed";

/**
 * The agreements the actor may see (`deal.view`, filtered in SQL by the same scope, so the page,
 * the total and the amount agree), newest first, with the filters of the list page. The totals are
 * of what is listed (drafts and all), and of those of them that count as signed (signed.ts).
 */
export async function listAgreements(db: Db, actor: Actor, input: ListAgreementsInput) {
  const filters: (SQL | undefined)[] = [dealListScope(actor, { buyer: agreements.buyerEnterpriseId, seller: agreements.sellerEnterpriseId })];
  if (input.status) filters.push(eq(agreements.status, input.status));
  if (input.type) filters.push(eq(agreements.type, input.type));
  if (input.eventId) filters.push(eq(agreements.eventId, input.eventId));
  if (input.parkId) {
    filters.push(sql`EXISTS (SELECT 1 FROM ${enterprises} e WHERE e.id IN ("agreement"."buyer_enterprise_id", "agreement"."seller_enterprise_id") AND e.park_id = ${input.parkId})`);
  }
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, "\\$&")}%`;
    filters.push(or(
      ilike(agreements.ref, like), ilike(agreements.title, like),
      sql`EXISTS (SELECT 1 FROM ${enterprises} e WHERE e.id IN ("agreement"."buyer_enterprise_id", "agreement"."seller_enterprise_id") AND e.name ILIKE ${like})`,
    ));
  }
  const where = and(...filters);
  const party = (column: string, field: string) => sql.raw(`(SELECT e.${field} FROM enterprise e WHERE e.id = "agreement"."${column}")`);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: agreements.id, ref: agreements.ref, type: agreements.type, title: agreements.title, status: agreements.status,
        totalAmountCny: agreements.totalAmountCny, signedOn: agreements.signedOn, startOn: agreements.startOn, endOn: agreements.endOn,
        buyerEnterpriseId: agreements.buyerEnterpriseId, sellerEnterpriseId: agreements.sellerEnterpriseId,
        buyerName: sql<string>`${party("buyer_enterprise_id", "name")}`, sellerName: sql<string>`${party("seller_enterprise_id", "name")}`,
        buyerNameEn: sql<string | null>`${party("buyer_enterprise_id", "name_en")}`, sellerNameEn: sql<string | null>`${party("seller_enterprise_id", "name_en")}`,
        eventName: sql<string | null>`(SELECT ev.name FROM ${events} ev WHERE ev.id = "agreement"."event_id")`,
      })
      .from(agreements)
      .where(where)
      .orderBy(desc(sql`coalesce("agreement"."signed_on", "agreement"."created_at"::date)`), desc(agreements.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({
      n: count(), amount: sql<string>`coalesce(sum(${agreements.totalAmountCny}), 0)::text`,
      signed: sql<number>`(count(*) FILTER (WHERE ${signedSql()}))::int`,
      signedAmount: sql<string>`coalesce(sum(${agreements.totalAmountCny}) FILTER (WHERE ${signedSql()}), 0)::text`,
    }).from(agreements).where(where),
  ]);
  return {
    items, total: total?.n ?? 0, amountCny: total?.amount ?? "0", page: input.page, pageSize: input.pageSize,
    /** of the listed agreements, those that count as signed (server/agreements/signed.ts) */
    signed: { total: total?.signed ?? 0, amountCny: total?.signedAmount ?? "0" },
    allowed: {
      create: can(actor, { type: "agreement.createAny" }),
      import: can(actor, { type: "agreement.import" }),
    },
  };
}
