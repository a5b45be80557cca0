import { inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { enterprises } from "@/db/schema";
import type { Actor } from "./actor";
import { dealViewScope } from "./policy";

/**
 * The SQL form of the deals a viewer may see (`dealViewScope` of the policy, which `deal.view`
 * decides by): a WHERE condition on a table of deals with a buyer and a seller enterprise column,
 * or undefined when the viewer sees every deal.
 */
export function dealListScope(actor: Actor, party: { buyer: AnyPgColumn; seller: AnyPgColumn }): SQL | undefined {
  const scope = dealViewScope(actor);
  if (scope.all) return undefined;
  const conditions: SQL[] = [];
  if (scope.enterpriseIds.length) conditions.push(inArray(party.buyer, scope.enterpriseIds), inArray(party.seller, scope.enterpriseIds));
  if (scope.parkIds.length) {
    conditions.push(sql`EXISTS (SELECT 1 FROM ${enterprises} e WHERE e.id IN (${party.buyer}, ${party.seller}) AND e.park_id IN ${scope.parkIds})`);
  }
  return conditions.length ? or(...conditions) : sql`false`;
}
