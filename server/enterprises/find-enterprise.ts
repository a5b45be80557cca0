import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises } from "@/db/schema";
import { notFound } from "@/server/errors";

/** An enterprise as the policy and the services need it (its park decides who may act for it); NOT_FOUND when there is none. */
export async function findEnterprise(db: Db, id: number) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name, nameEn: enterprises.nameEn, parkId: enterprises.parkId, verifiedAt: enterprises.verifiedAt })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  if (!row) throw notFound({ zh: "企业", en: "Enterprise" });
  return row;
}
