import { and, eq, gte, lte, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, quotes, rfqReminders, rfqs } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { notify } from "@/server/notifications/notification.service";

/**
 * The worker's sweep (every minute): a day before an open RFQ's deadline (China time), each invited
 * supplier that has not quoted yet, on a thread still open, is reminded in the app. Once per
 * supplier and RFQ whatever runs the sweep, and however often (`rfq_reminder` holds who was).
 * Returns the reminders sent.
 */
export async function remindRfqSuppliers(db: Db, now = new Date()) {
  const today = todayInChina(now);
  const tomorrow = todayInChina(new Date(now.getTime() + 86_400_000));
  const due = await db
    .select({ rfqId: rfqs.id, subject: rfqs.subject, deadline: rfqs.deadline, inquiryId: inquiries.id, supplierId: inquiries.supplierEnterpriseId })
    .from(rfqs)
    .innerJoin(inquiries, eq(inquiries.rfqId, rfqs.id))
    .where(and(
      eq(rfqs.status, "open"), gte(rfqs.deadline, today), lte(rfqs.deadline, tomorrow), eq(inquiries.status, "open"),
      notExists(db.select({ one: sql`1` }).from(quotes).where(eq(quotes.inquiryId, inquiries.id))),
      notExists(db.select({ one: sql`1` }).from(rfqReminders).where(and(eq(rfqReminders.rfqId, rfqs.id), eq(rfqReminders.supplierEnterpriseId, inquiries.supplierEnterpriseId)))),
    ));
  let sent = 0;
  for (const d of due) {
    await db.transaction(async (tx) => {
      // the key says who was reminded: a concurrent sweep (another instance) inserts nothing and sends nothing
      const [claimed] = await tx
        .insert(rfqReminders)
        .values({ rfqId: d.rfqId, supplierEnterpriseId: d.supplierId, sentAt: now })
        .onConflictDoNothing()
        .returning({ rfqId: rfqReminders.rfqId });
      if (!claimed) return;
      await notify(tx, { enterpriseId: d.supplierId }, "rfq.reminder", {
        zh: `提醒：询价“${d.subject}”将于 ${d.deadline} 截止，您尚未报价`,
        en: `Reminder: the request "${d.subject}" closes on ${d.deadline} and you have not quoted yet`,
        href: `/inquiries/${d.inquiryId}`,
      });
      sent++;
    });
  }
  return { sent };
}
