/**
 * Who listens to which change. A service announces "these products changed" with
 * `enqueue(tx, "products", ids)`; the outbox then holds one row per listener (`products:search`,
 * …), so each listener is delivered, retried and drained on its own: a search outage does not hold
 * up match suggestions. Each `<event>:<listener>` has its handler in handlers.ts.
 */
export const LISTENERS: Record<string, string[]> = {
  products: ["search"],
  enterprises: ["search"],
  demands: [],
  substances: ["search"],
  /** a catalogue file waiting to be imported (or the rest of it, one slice at a time) */
  "catalogue-imports": ["import"],
};
