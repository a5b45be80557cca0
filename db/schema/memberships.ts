import { integer, pgEnum, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { timestamps } from "./_shared";
import { enterprises } from "./enterprises";
import { parks } from "./parks";
import { users } from "./users";

/**
 * Who belongs where: users as members of enterprises (with their role) and as staff of parks. Kept
 * apart from users, enterprises and parks so that those three do not import one another in a cycle.
 */

/** Role of a user inside an enterprise. */
export const enterpriseRoleEnum = pgEnum("enterprise_role", ["admin", "staff", "procurement"]);

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
