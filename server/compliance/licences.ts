import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { licences } from "@/db/schema";
import type { LicenceFact } from "./compliance";

/** The licences on file of several enterprises, as the compliance rules read them. */
export async function licenceFacts(db: Db, enterpriseIds: number[]): Promise<Map<number, LicenceFact[]>> {
  const byEnterprise = new Map<number, LicenceFact[]>(enterpriseIds.map((id) => [id, []]));
  if (enterpriseIds.length === 0) return byEnterprise;
  const rows = await db
    .select({ enterpriseId: licences.enterpriseId, type: licences.type, validUntil: licences.validUntil, verifiedAt: licences.verifiedAt })
    .from(licences)
    .where(inArray(licences.enterpriseId, [...new Set(enterpriseIds)]));
  for (const row of rows) {
    byEnterprise.get(row.enterpriseId)?.push({ type: row.type, validUntil: row.validUntil, verified: row.verifiedAt !== null });
  }
  return byEnterprise;
}
