import { relations, sql } from "drizzle-orm";
import {
  boolean, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex,
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
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("app_user_email_key").on(sql`lower(${t.email})`)],
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
