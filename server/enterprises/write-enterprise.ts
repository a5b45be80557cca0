import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, parks } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { changedColumns, parseRecord } from "@/server/records";
import { z } from "@/server/zod";
import { enterpriseFields, usccSchema } from "./enterprise.schemas";

/**
 * The one writer of enterprises. Every path that creates or changes an enterprise row (the
 * services, the directory import, the demo seed) goes through here: the record is checked against
 * the same field rules as the forms, the credit code must be free and the park must exist, and in
 * the caller's transaction the row is written, audited and announced (`enterprises`: search). A
 * refused record writes nothing. Who may write is the caller's business (server/auth/policy.ts).
 */

const ENTERPRISE = { zh: "企业", en: "Enterprise" };

/** The forms' rules, taking null for "none" as the database gives it back. */
const orNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema);
const coordinate = (limit: number) => z.number().min(-limit).max(limit).nullish().transform((v) => v ?? null);

const enterpriseRecord = z.object({
  uscc: usccSchema,
  name: enterpriseFields.shape.name,
  nameEn: orNull(enterpriseFields.shape.nameEn),
  parkId: enterpriseFields.shape.parkId,
  chains: enterpriseFields.shape.chains,
  address: orNull(enterpriseFields.shape.address),
  contactName: orNull(enterpriseFields.shape.contactName),
  contactPhone: orNull(enterpriseFields.shape.contactPhone),
  description: orNull(enterpriseFields.shape.description),
  lat: coordinate(90),
  lng: coordinate(180),
  /** set by verification (park staff), or by the seed for its verified enterprises */
  verifiedAt: z.date().nullish().transform((v) => v ?? null),
  verifiedBy: z.number().int().positive().nullish().transform((v) => v ?? null),
});

/** What a writer is given: the fields of an enterprise, with null or absent for "none". */
export type EnterpriseRecord = z.input<typeof enterpriseRecord>;
type Row = typeof enterprises.$inferSelect;

const COLUMNS = Object.keys(enterpriseRecord.shape);

function columns(r: z.output<typeof enterpriseRecord>) {
  return { ...r, lat: r.lat === null ? null : r.lat.toFixed(6), lng: r.lng === null ? null : r.lng.toFixed(6) };
}

/** A row as a record again (the coordinates are numbers in a record). */
function recordOf(row: Row): EnterpriseRecord {
  return {
    uscc: row.uscc, name: row.name, nameEn: row.nameEn, parkId: row.parkId, chains: row.chains, address: row.address,
    contactName: row.contactName, contactPhone: row.contactPhone, description: row.description,
    lat: row.lat === null ? null : Number(row.lat), lng: row.lng === null ? null : Number(row.lng),
    verifiedAt: row.verifiedAt, verifiedBy: row.verifiedBy,
  };
}

async function requireRules(tx: Db, record: z.output<typeof enterpriseRecord>, except?: number) {
  const [clash] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.uscc, record.uscc), except ? ne(enterprises.id, except) : undefined));
  if (clash) {
    throw new AppError("CONFLICT", { zh: `统一社会信用代码 ${record.uscc} 已登记`, en: `An enterprise with credit code ${record.uscc} already exists` }, { field: "uscc" });
  }
  if (record.parkId !== null) {
    const [park] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.id, record.parkId));
    if (!park) throw notFound({ zh: "园区", en: "Park" });
  }
}

/** Creates an enterprise in the caller's transaction; `action` names it in the audit log ("create", "import-create" …). */
export async function insertEnterprise(tx: Db, actor: Actor, input: EnterpriseRecord, options: { action?: string } = {}): Promise<Row> {
  const record = parseRecord(enterpriseRecord, input, ENTERPRISE);
  await requireRules(tx, record);
  const [row] = await tx.insert(enterprises).values(columns(record)).returning();
  await recordAudit(tx, actor, { entity: "enterprise", entityId: row!.id, action: options.action ?? "create", after: row });
  await enqueue(tx, "enterprises", [row!.id]);
  return row!;
}

/**
 * Changes some fields of an enterprise in the caller's transaction: the row as it will be is
 * checked whole, and the audit entry holds the columns that changed, before and after.
 */
export async function updateEnterpriseRecord(
  tx: Db, actor: Actor, id: number, change: Partial<EnterpriseRecord>, options: { action?: string } = {},
): Promise<Row> {
  const [current] = await tx.select().from(enterprises).where(eq(enterprises.id, id)).for("update");
  if (!current) throw notFound(ENTERPRISE);
  const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  const record = parseRecord(enterpriseRecord, { ...recordOf(current), ...defined }, ENTERPRISE);
  await requireRules(tx, record, id);
  const [after] = await tx.update(enterprises).set(columns(record)).where(eq(enterprises.id, id)).returning();
  const diff = changedColumns(current, after!, COLUMNS);
  await recordAudit(tx, actor, { entity: "enterprise", entityId: id, action: options.action ?? "update", before: diff.before, after: diff.after });
  await enqueue(tx, "enterprises", [id]);
  return after!;
}
