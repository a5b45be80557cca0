/**
 * Who listens to which change. A service announces "these products changed" with
 * `enqueue(tx, "products", ids)`; the outbox then holds one row per listener (`products:search`,
 * …), so each listener is delivered, retried and drained on its own: a search outage does not hold
 * up match suggestions. Each `<event>:<listener>` (a Topic) has its handler in handlers.ts, and
 * the compiler checks that: an event or a topic not declared here, or a topic without a handler,
 * does not compile.
 *
 * `match` recomputes the supply suggestions of the open demands a change concerns
 * (server/matching/handlers.ts); `offers`, `byproducts` and `licences` (ids of the enterprises
 * whose licences changed) are announced by the listings and licences services.
 */
export const EVENTS = {
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
  /** a product or supply offer was listed or got cheaper: saved searches' alerts (server/saved-searches/alerts.ts) */
  supply: ["alerts"],
} as const satisfies Record<string, readonly string[]>;

/** A change a service may announce. */
export type OutboxEvent = keyof typeof EVENTS;

/** What identifies a changed entity of each event: a row id, except a substance (its CAS number) and an index (its name). */
export interface EventPayloads {
  agreements: number;
  products: number;
  enterprises: number;
  demands: number;
  substances: string;
  offers: number;
  byproducts: number;
  licences: number;
  "search-index": string;
  "catalogue-imports": number;
  supply: SupplyChange;
}

/**
 * What a `supply` announcement says: which product or offer, and what happened to it: listed
 * (`product:12:new`), or cheaper than the price it had (`offer:7:drop:16000.00`).
 */
export type SupplyChange = `${"product" | "offer"}:${number}:${"new" | `drop:${string}`}`;
// every event has its payload, and nothing else has one
true satisfies (keyof EventPayloads extends OutboxEvent ? (OutboxEvent extends keyof EventPayloads ? true : false) : false);

/** One listener of one event (`products:search`): what the outbox stores and a handler delivers. */
export type Topic = { [E in OutboxEvent]: `${E}:${(typeof EVENTS)[E][number]}` }[OutboxEvent];

/** Every declared topic, at run time. */
export const TOPICS = Object.entries(EVENTS).flatMap(([event, listeners]) => listeners.map((l) => `${event}:${l}`)) as Topic[];

/**
 * Where each event is delivered at run time: the declared listeners. Tests re-route an event to a
 * listener of their own (`products` → `products:search-t1`), so that their worker drains only
 * their own rows; nothing else writes here.
 */
export const LISTENERS: Record<string, readonly string[]> = { ...EVENTS };
