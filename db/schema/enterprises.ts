import { sql } from "drizzle-orm";
import {
  check, customType, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex,
} from "drizzle-orm/pg-core";
import { timestamps } from "./_shared";
import { parks } from "./parks";
import { users } from "./users";

export const licenceTypeEnum = pgEnum("licence_type", [
  "hazardous_trade", // 危险化学品经营许可证
  "safety_production", // 安全生产许可证
  "pollutant_discharge", // 排污许可证
  "explosive_precursor", // 易制爆危险化学品从业单位备案
  "highly_toxic", // 剧毒化学品购买许可证
  "precursor_purchase_permit", // 第一类易制毒化学品购买许可证
  "precursor_purchase_record", // 第二、三类易制毒化学品购买备案证明
]);

export const enterprises = pgTable(
  "enterprise",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** 统一社会信用代码, 18 characters, check character validated in server/enterprises/uscc.ts */
    uscc: text("uscc").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    parkId: integer("park_id").references(() => parks.id, { onDelete: "restrict" }),
    chains: text("chains").array().notNull().default(sql`'{}'::text[]`),
    address: text("address"),
    lat: numeric("lat", { precision: 9, scale: 6 }),
    lng: numeric("lng", { precision: 9, scale: 6 }),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    description: text("description"),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedBy: integer("verified_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("enterprise_uscc_key").on(t.uscc),
    index("enterprise_park_idx").on(t.parkId),
    check("enterprise_uscc_shape", sql`${t.uscc} ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`),
    check("enterprise_lat_range", sql`${t.lat} IS NULL OR ${t.lat} BETWEEN -90 AND 90`),
    check("enterprise_lng_range", sql`${t.lng} IS NULL OR ${t.lng} BETWEEN -180 AND 180`),
  ],
);

export const licences = pgTable(
  "licence",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    type: licenceTypeEnum("type").notNull(),
    number: text("number").notNull(),
    scope: text("scope"),
    validUntil: date("valid_until"),
    documentPath: text("document_path"),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedBy: integer("verified_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("licence_enterprise_type_number_key").on(t.enterpriseId, t.type, t.number),
  ],
);

/** Raw bytes (PostgreSQL bytea), handed over as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** The largest scanned licence copy kept (bytes): the app keeps files in PostgreSQL and stays stateless. */
export const LICENCE_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** The scanned copy of a licence (PDF or image), kept in PostgreSQL so app instances hold no files. */
export const licenceDocuments = pgTable(
  "licence_document",
  {
    licenceId: integer("licence_id").primaryKey().references(() => licences.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytea("content").notNull(),
    ...timestamps,
  },
  (t) => [
    check("licence_document_size", sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= ${sql.raw(String(LICENCE_DOCUMENT_MAX_BYTES))} AND ${t.sizeBytes} = octet_length(${t.content})`),
  ],
);
