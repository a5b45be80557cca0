import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox, products, savedSearches, supplyOffers } from "@/db/schema";
import { formatYuan, translator, type Locale } from "@/i18n";
import { loadActor, type Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { listenerHandlers } from "@/server/jobs/outbox";
import { LISTENERS } from "@/server/jobs/topics";
import { notify } from "@/server/notifications/notification.service";
import { searchProducts, type ProductHit } from "@/server/search/query";
import { bilingualLabel, readSavedParams } from "./label";
import { parseSupplyChange } from "./changes";

/**
 * Saved searches' alerts, delivered by the worker from the outbox (`supply:alerts`, announced by
 * the writers of products and offers through ./changes.ts). For a batch of changes, each active
 * saved search not yet alerted today (China time) is run as its owner would run it, through the
 * same search (server/search/query.ts: the same query reading, filters and compliance rules, so
 * what the owner may not see does not alert them) restricted to the changed products; what it
 * finds becomes one in-app notification saying what changed ("新上架：… 15,130 元/吨",
 * "降价：… 16,000 → 15,130 元/吨"), at most one per saved search per day.
 */

/** Product ids per search request: a large import's changes go to Meilisearch in a few filters. */
const IDS_PER_QUERY = 1000;
export const ALERT_KIND = "search.alert";

type Item = { kind: "new" | "drop" | "offer"; name: string; unit: "t" | "kg"; price: number | null; was: number | null };

/** A price as the alert says it: "15,130 元/吨", or "16,000 → 15,130 元/吨" for a drop. */
function priceText(item: Item, locale: Locale): string {
  if (item.price === null) return "";
  const t = translator(locale);
  const per = (price: string) => (item.unit === "kg" ? t("alerts.per_kg", { price }) : t("catalogue.per_tonne", { price }));
  const now = per(formatYuan(item.price, locale));
  if (item.was === null) return ` ${now}`;
  const was = item.was.toLocaleString(locale === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 2 });
  return ` ${locale === "zh" ? was : `CNY ${was}`} → ${locale === "zh" ? now : now.replace(/^CNY /, "")}`;
}

function message(label: string, items: Item[], locale: Locale): string {
  const t = translator(locale);
  const [first] = items;
  const key = first!.kind === "drop" ? "alerts.notify_drop" : first!.kind === "offer" ? "alerts.notify_offer" : "alerts.notify_new";
  const more = items.length > 1 ? t("alerts.notify_more", { count: items.length - 1 }) : "";
  return `${t(key, { label, item: `${first!.name}${priceText(first!, locale)}` })}${more}`;
}

/** The changes of a batch, as products to look at and what happened to each. */
async function readChanges(db: Db, entries: string[]) {
  const changes = entries.map(parseSupplyChange).filter((c) => c !== null);
  const offerIds = changes.filter((c) => c.kind === "offer").map((c) => c.id);
  const offers = offerIds.length
    ? await db
      .select({ id: supplyOffers.id, productId: supplyOffers.productId, status: supplyOffers.status, price: supplyOffers.priceCnyPerUnit, unit: supplyOffers.unit })
      .from(supplyOffers)
      .where(inArray(supplyOffers.id, offerIds))
    : [];
  const offerById = new Map(offers.map((o) => [o.id, o]));
  /** by product id: what to say about it once a saved search finds it */
  const byProduct = new Map<number, ((hit: ProductHit) => Item | null)[]>();
  const add = (productId: number, say: (hit: ProductHit) => Item | null) => byProduct.set(productId, [...(byProduct.get(productId) ?? []), say]);
  for (const c of changes) {
    if (c.kind === "product") {
      add(c.id, (hit) => {
        const price = hit.priceCnyPerT;
        // a drop undone since (the price is back up) says nothing
        if (c.change === "drop" && (price === null || c.was === null || price >= c.was)) return null;
        return { kind: c.change, name: plain(hit.name), unit: "t", price, was: c.change === "drop" ? c.was : null };
      });
    } else {
      const offer = offerById.get(c.id);
      if (!offer || offer.status !== "open") continue;
      const price = offer.price === null ? null : Number(offer.price);
      add(offer.productId, (hit) => {
        if (c.change === "drop" && (price === null || c.was === null || price >= c.was)) return null;
        // a supplier the owner may not see keeps its prices to itself
        const shown = hit.restricted ? null : price;
        return { kind: c.change === "drop" ? "drop" : "offer", name: plain(hit.name), unit: offer.unit === "kg" ? "kg" : "t", price: shown, was: c.change === "drop" && shown !== null ? c.was : null };
      });
    }
  }
  return byProduct;
}

/** A hit's name without the highlight marks. */
const plain = (text: string) => text.replace(/[\uE000\uE001]/g, "");

/**
 * The products must be in the search index before a saved search can find them: while their
 * search sync is still waiting in the outbox, this delivery waits too (it throws, and the outbox
 * retries it a little later).
 */
async function awaitSearchSync(db: Db, productIds: number[]) {
  const searchTopics = (LISTENERS.products ?? []).filter((l) => l.startsWith("search")).map((l) => `products:${l}`);
  if (searchTopics.length === 0 || productIds.length === 0) return;
  const [pending] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(inArray(outbox.topic, searchTopics), inArray(outbox.entityId, productIds.map(String))))
    .limit(1);
  if (pending) throw new Error("waiting for the search sync of the changed products");
}

/** Delivers one batch of `supply` announcements. */
export async function deliverSupplyAlerts(db: Db, entries: string[]) {
  const byProduct = await readChanges(db, entries);
  const productIds = [...byProduct.keys()];
  if (productIds.length === 0) return;
  await awaitSearchSync(db, productIds);
  // only products still on sale
  const live = new Set(
    (await db.select({ id: products.id }).from(products).where(and(inArray(products.id, productIds), isNull(products.retiredAt)))).map((r) => r.id),
  );
  const ids = productIds.filter((id) => live.has(id));
  if (ids.length === 0) return;
  const today = todayInChina();
  const watching = await db
    .select()
    .from(savedSearches)
    .where(and(isNull(savedSearches.pausedAt), or(isNull(savedSearches.lastNotifiedOn), lt(savedSearches.lastNotifiedOn, today))));
  const actors = new Map<number, Actor>();
  for (const saved of watching) {
    let actor = actors.get(saved.userId);
    if (!actor) actors.set(saved.userId, (actor = await loadActor(db, saved.userId)));
    // a user who left the enterprise (or was disabled) is not alerted through it
    if (!can(actor, { type: "savedSearch.alert", enterpriseId: saved.enterpriseId })) continue;
    let query;
    try {
      query = readSavedParams(saved.params).query;
    } catch {
      continue; // a search this release no longer reads alerts nobody
    }
    const items: Item[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const found = await searchProducts(db, actor, { ...query, page: 1, pageSize: 50 }, { onlyIds: ids.slice(i, i + IDS_PER_QUERY) });
      for (const hit of found.hits) {
        if (hit.blocked) continue;
        for (const say of byProduct.get(hit.id) ?? []) {
          const item = say(hit);
          if (item) items.push(item);
        }
      }
    }
    if (items.length === 0) continue;
    // newly listed first, then offers, then drops
    const order = { new: 0, offer: 1, drop: 2 };
    items.sort((a, b) => order[a.kind] - order[b.kind]);
    // the day is claimed before the notice: two workers never both alert one search on one day
    const [claimed] = await db
      .update(savedSearches)
      .set({ lastNotifiedOn: today })
      .where(and(eq(savedSearches.id, saved.id), isNull(savedSearches.pausedAt), or(isNull(savedSearches.lastNotifiedOn), lt(savedSearches.lastNotifiedOn, today))))
      .returning({ id: savedSearches.id });
    if (!claimed) continue;
    const label = bilingualLabel(saved.params);
    await notify(db, { enterpriseId: saved.enterpriseId, userId: saved.userId }, ALERT_KIND, {
      zh: message(label.zh, items, "zh"),
      en: message(label.en, items, "en"),
      href: `/search?${saved.params}`,
    });
  }
}

/**
 * The handlers of the alerts listener, by outbox topic. `listener` is "alerts" in the product; a
 * test may listen under its own name so that no other test's worker takes its rows.
 */
export function alertHandlers<L extends string = "alerts">(listener: L = "alerts" as L) {
  return listenerHandlers(listener, { supply: (db, entries) => deliverSupplyAlerts(db, entries) });
}

export const ALERT_HANDLERS = alertHandlers();
