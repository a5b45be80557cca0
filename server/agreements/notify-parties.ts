import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { notify, type Notice } from "@/server/notifications/notification.service";
import type { PartyView } from "./parties";

/**
 * Tells the parties of a deal what happened, except the enterprises the actor acts for (they did
 * it). Call it inside the transaction of the change.
 */
export async function notifyOtherParties(
  tx: Db, actor: Actor, parties: { buyer: PartyView; seller: PartyView }, kind: string, notice: Notice,
) {
  const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
  for (const party of [parties.buyer, parties.seller]) {
    if (own.has(party.enterpriseId)) continue;
    await notify(tx, { enterpriseId: party.enterpriseId }, kind, notice);
  }
}
