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
  products: ["search", "match"],
  enterprises: ["search", "match"],
  demands: ["match"],
  substances: ["search"],
  offers: ["match"],
  byproducts: ["match"],
  /** an enterprise's licences changed (entity id: the enterprise) */
  licences: ["search", "match"],
  /** a search index whose settings changed with a new release (entity id: the index name) */
  "search-index": ["search"],
  /** a catalogue file waiting to be imported (or the rest of it, one slice at a time) */
  "catalogue-imports": ["import"],
};
