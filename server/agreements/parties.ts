import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, parks } from "@/db/schema";
import type { Party } from "@/server/auth/policy";
import { eq } from "drizzle-orm";
import { notFound } from "@/server/errors";

export interface PartyView extends Party {
  name: string;
  /** the enterprise's registered English name, if it has one (shown in English) */
  nameEn: string | null;
  uscc: string;
  verified: boolean;
  parkCode: string | null;
  parkName: string | null;
  parkNameEn: string | null;
  chains: string[];
}

/** The two sides of a deal, as the policy and the pages read them. */
export async function loadParties(db: Db, buyerId: number, sellerId: number): Promise<{ buyer: PartyView; seller: PartyView }> {
  const rows = await db
    .select({
      enterpriseId: enterprises.id, parkId: enterprises.parkId, name: enterprises.name, nameEn: enterprises.nameEn, uscc: enterprises.uscc,
      verifiedAt: enterprises.verifiedAt, parkCode: parks.code, parkName: parks.name, parkNameEn: parks.nameEn, chains: enterprises.chains,
    })
    .from(enterprises)
    .leftJoin(parks, eq(parks.id, enterprises.parkId))
    .where(inArray(enterprises.id, [buyerId, sellerId]));
  const view = (id: number): PartyView => {
    const row = rows.find((r) => r.enterpriseId === id);
    if (!row) throw notFound({ zh: "企业", en: "Enterprise" });
    const { verifiedAt, ...rest } = row;
    return { ...rest, verified: verifiedAt !== null };
  };
  return { buyer: view(buyerId), seller: view(sellerId) };
}

/** The scope of a deal for the policy: just the enterprise and park of each side. */
export const dealScope = (p: { buyer: PartyView; seller: PartyView }) => ({
  buyer: { enterpriseId: p.buyer.enterpriseId, parkId: p.buyer.parkId },
  seller: { enterpriseId: p.seller.enterpriseId, parkId: p.seller.parkId },
});
