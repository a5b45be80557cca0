import { relations, sql } from "drizzle-orm";
import {
  boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./_shared";
import { enterprises } from "./enterprises";
import { parks } from "./parks";

/** Role of a user inside an enterprise. */
export const enterpriseRoleEnum = pgEnum("enterprise_role", ["admin", "staff", "procurement"]);

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

export const memberships = pgTable(
  "membership",
  {
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    role: enterpriseRoleEnum("role").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.userId, t.enterpriseId] })],
);

/** Park staff (园区管理人员) belong to a park. */
export const parkStaff = pgTable(
  "park_staff",
  {
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    parkId: integer("park_id").notNull().references(() => parks.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.userId, t.parkId] })],
);

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
  parkStaff: many(parkStaff),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  enterprise: one(enterprises, { fields: [memberships.enterpriseId], references: [enterprises.id] }),
}));

export const parkStaffRelations = relations(parkStaff, ({ one }) => ({
  user: one(users, { fields: [parkStaff.userId], references: [users.id] }),
  park: one(parks, { fields: [parkStaff.parkId], references: [parks.id] }),
}));
