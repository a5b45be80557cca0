import { sql } from "drizzle-orm";
import {
  bigint, index, integer, jsonb, pgTable, text, timestamp,
} from "drizzle-orm/pg-core";
import { enterprises } from "./enterprises";
import { users } from "./users";

/** Who changed what, when. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId)],
);

/** Changes waiting to reach the search index; drained with SKIP LOCKED by the sync worker. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** the search index the change is for: products, demands, enterprises */
    topic: text("topic").notNull(),
    entityId: text("entity_id").notNull(),
    attempts: integer("attempts").notNull().default(0),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // (topic, id): each worker lane drains its own topics in id order without stepping over another lane's backlog
  (t) => [index("outbox_available_idx").on(t.availableAt), index("outbox_topic_idx").on(t.topic, t.id)],
);

/** In-app notifications for an enterprise (or one user in it). */
export const notifications = pgTable(
  "notification",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull().default(sql`'{}'::jsonb`),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notification_enterprise_idx").on(t.enterpriseId, t.readAt)],
);

/** Small key/value facts about this installation (demo seeded, reference version). */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
