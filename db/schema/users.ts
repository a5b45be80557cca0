import { sql } from "drizzle-orm";
import {
  boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./_shared";

export const users = pgTable(
  "app_user",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("zh"),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("app_user_email_key").on(sql`lower(${t.email})`)],
);

/**
 * A signed-in session (server/auth/sessions.ts): its id travels in next-auth's token, so signing
 * out (revoked_at), an idle period or its age ends it even while a copied token is still valid.
 */
export const sessions = pgTable(
  "app_session",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("app_session_user_idx").on(t.userId)],
);

/**
 * Sign-in failures per throttle key (`account:<email>`, `ip:<address>`, `account+ip:…`;
 * server/auth/throttle.ts), shared by every app instance.
 */
export const signInThrottle = pgTable(
  "sign_in_throttle",
  {
    key: text("key").primaryKey(),
    /** attempts since the last success, each counted before its password is checked */
    failures: integer("failures").notNull().default(0),
    /** no attempt under this key is checked before then */
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
    /** the last attempt; a key quiet for long starts over */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_throttle_updated_idx").on(t.updatedAt)],
);
