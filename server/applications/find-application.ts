import { eq, getTableColumns } from "drizzle-orm";
import type { Db } from "@/db";
import { enterpriseApplications } from "@/db/schema";
import { notFound } from "@/server/errors";

export const APPLICATION = { zh: "入驻申请", en: "Application" };

/** Every column but the scan's bytes: what lists and pages read. */
const { scanContent: _bytes, clientAddress: _address, ...columns } = getTableColumns(enterpriseApplications);
export const applicationColumns = columns;

/** An application without its scan's bytes; `lock` holds it for the caller's transaction (a decision). */
export async function findApplication(db: Db, id: number, options: { lock?: boolean } = {}) {
  const query = db.select(applicationColumns).from(enterpriseApplications).where(eq(enterpriseApplications.id, id));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound(APPLICATION);
  return row;
}
