/**
 * Who listens to which change. A service announces "these products changed" with
 * `enqueue(tx, "products", ids)`; the outbox then holds one row per listener (`products:search`,
 * …), so each listener is delivered, retried and drained on its own: a search outage does not hold
 * up match suggestions. Each `<event>:<listener>` has its handler in handlers.ts.
 *
 * `match` recomputes the supply suggestions of the open demands a change concerns
 * (server/matching/handlers.ts); `offers`, `byproducts` and `licences` (ids of the enterprises
 * whose licences changed) are announced by the listings and licences services.
 */
export const LISTENERS: Record<string, string[]> = {
  agreements: [],
  products: ["match"],
  enterprises: ["match"],
  demands: ["match"],
  substances: [],
  offers: ["match"],
  byproducts: ["match"],
  licences: ["match"],
};
