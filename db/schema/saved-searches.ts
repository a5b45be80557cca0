import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { timestamps } from "./_shared";
import { enterprises } from "./enterprises";
import { users } from "./users";

/**
 * A search a user keeps (订阅搜索), with an alert: when a product or supply offer that matches it is
 * listed or gets cheaper, the user is notified in the app (through the enterprise it was saved
 * for), at most once per China-time day. `params` is the search page's own query string
 * (`q=异丙醇&mine=1`), in the order the search page writes it, so saving the same search twice finds
 * the first.
 */
export const savedSearches = pgTable(
  "saved_search",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** the enterprise whose notifications carry the alert (the user's membership) */
    enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    params: text("params").notNull(),
    /** set while the alert is paused: the search is kept, nothing is sent */
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    /** the China-time day of the last alert: at most one a day */
    lastNotifiedOn: date("last_notified_on"),
    ...timestamps,
  },
  (t) => [
    unique("saved_search_user_params_key").on(t.userId, t.params),
    index("saved_search_active_idx").on(t.id).where(sql`${t.pausedAt} IS NULL`),
    check("saved_search_params_length", sql`length(${t.params}) <= 1000`),
  ],
);
