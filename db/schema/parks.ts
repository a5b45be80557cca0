import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps } from "./_shared";

export const parks = pgTable(
  "park",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    city: text("city"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("park_code_key").on(t.code),
    check("park_code_shape", sql`${t.code} ~ '^[A-Z0-9][A-Z0-9_-]{1,15}$'`),
  ],
);

/** A park matchmaking event (对接会) where agreements are signed. */
export const events = pgTable(
  "event",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    parkId: integer("park_id").references(() => parks.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    heldOn: date("held_on"),
    place: text("place"),
    description: text("description"),
    ...timestamps,
  },
  (t) => [uniqueIndex("event_name_key").on(t.name)],
);
