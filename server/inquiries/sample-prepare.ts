import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, sampleRequests } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { prepareInquiry } from "./prepare-inquiry";
import type { SampleSource } from "./sample.schemas";

/**
 * What the sample form needs, gated exactly as an inquiry is (`prepareInquiry`: not one's own
 * enterprise; controlled substances need the licences; hazardous ones verified members; nothing of
 * a hidden counterpart told), and the buyer's enterprise must let the actor ask for samples.
 * `existingSampleId` is a sample of the same thing, between the same two, still under way.
 */
export async function prepareSample(db: Db, actor: Actor, source: SampleSource) {
  const prepared = await prepareInquiry(db, actor, source);
  // a product page or a match of the buyer's demand: the buyer always starts a sample request
  const buyerId = prepared.buyer?.enterpriseId;
  if (buyerId !== undefined) authorize(actor, { type: "sample.request", enterpriseId: buyerId });
  const { existingInquiryId: _quoteThread, allowed, ...rest } = prepared;
  let existingSampleId: number | null = null;
  if (prepared.buyer && prepared.seller && !prepared.refusal) {
    const [existing] = await db
      .select({ id: inquiries.id })
      .from(inquiries)
      .innerJoin(sampleRequests, eq(sampleRequests.inquiryId, inquiries.id))
      .where(and(
        eq(inquiries.kind, "sample"), eq(inquiries.buyerEnterpriseId, prepared.buyer.enterpriseId),
        eq(inquiries.supplierEnterpriseId, prepared.seller.enterpriseId), ne(inquiries.status, "closed"),
        ne(sampleRequests.status, "evaluated"),
        source.kind === "match" ? eq(inquiries.matchId, source.id) : eq(inquiries.productId, source.id),
      ))
      .limit(1);
    existingSampleId = existing?.id ?? null;
  }
  return { ...rest, existingSampleId, allowed: { request: allowed.create } };
}
