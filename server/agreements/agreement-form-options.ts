import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, events, parks } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";

/**
 * What the "new agreement" form offers: enterprises the actor may record agreements for (its own
 * enterprise's partners, or its park's enterprises and their partners) and the events.
 */
export async function agreementFormOptions(db: Db, actor: Actor) {
  const [enterpriseRows, eventRows] = await Promise.all([
    db
      .select({ id: enterprises.id, name: enterprises.name, nameEn: enterprises.nameEn, parkId: enterprises.parkId, parkName: parks.name, parkNameEn: parks.nameEn })
      .from(enterprises)
      .leftJoin(parks, eq(parks.id, enterprises.parkId))
      .orderBy(asc(parks.code), asc(enterprises.name))
      .limit(5000),
    db.select({ id: events.id, name: events.name, heldOn: events.heldOn, parkId: events.parkId }).from(events).orderBy(desc(events.heldOn)).limit(200),
  ]);
  const own = actor.enterprises.map((e) => e.enterpriseId);
  return {
    enterprises: enterpriseRows,
    own,
    events: eventRows,
    // the form offers "signed" to who may record some signing; the service decides per pair of parties (agreement.recordSigned)
    allowed: { recordSigned: can(actor, { type: "agreement.recordSignedAny" }) },
  };
}
