import { and, asc, count, eq, ilike, inArray, isNull, not, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, licences, parks, products, substances } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { supplierState, tierOf, todayInChina, type SubstanceFlags } from "@/server/compliance/compliance";
import { licenceFacts } from "@/server/compliance/licences";
import { notFound } from "@/server/errors";
import { licenceState } from "@/server/licences/licence.service";
import { substanceView } from "@/server/substances/substance.service";
import type { EnterpriseProductsInput } from "./enterprise.schemas";
import { trustSignalsOf } from "./trust";

/*
 * The public profile of an enterprise (企业主页): who it is, whether its park verified it, the
 * licences it has on file and the products it lists, with a way to inquire. What a viewer sees of
 * it is the policy's: licence numbers and scopes only for those who may see the licences
 * (`licence.view`: its members, its park's staff); hazardous products only for those who may see
 * who trades them (`hazardous.viewDetails`), as on the product page and in search.
 */

const ENTERPRISE = { zh: "企业", en: "Enterprise" };

const flagsOf = (s: { cas: string | null; hazardous: boolean | null; highlyToxic: boolean | null; explosivePrecursor: boolean | null; precursorCategory: number | null } | null): SubstanceFlags | null =>
  !s?.cas ? null : { hazardous: Boolean(s.hazardous), highlyToxic: Boolean(s.highlyToxic), explosivePrecursor: Boolean(s.explosivePrecursor), precursorCategory: s.precursorCategory };

/** The SQL twin of `tierOf(...) !== "none"`: a product on a hazardous or controlled substance. */
const regulated = sql`(${substances.hazardous} OR ${substances.highlyToxic} OR ${substances.explosivePrecursor} OR ${substances.precursorCategory} IS NOT NULL)`;

/** May this actor inquire in the name of one of its enterprises about this enterprise's products? */
const mayInquire = (actor: Actor, enterpriseId: number) =>
  actor.enterprises.some((e) => e.enterpriseId !== enterpriseId && can(actor, { type: "inquiry.create", enterpriseId: e.enterpriseId }));

export async function enterpriseProfile(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({
      id: enterprises.id, name: enterprises.name, nameEn: enterprises.nameEn, uscc: enterprises.uscc,
      chains: enterprises.chains, address: enterprises.address, description: enterprises.description,
      parkId: enterprises.parkId, verifiedAt: enterprises.verifiedAt,
      park: { id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn },
    })
    .from(enterprises)
    .leftJoin(parks, eq(parks.id, enterprises.parkId))
    .where(eq(enterprises.id, id));
  if (!row) throw notFound(ENTERPRISE);
  const { parkId, verifiedAt, ...profile } = row;
  const scope = { enterpriseId: id, parkId };
  const insider = can(actor, { type: "licence.view", ...scope });
  const today = todayInChina();
  const [licenceRows, trust] = await Promise.all([
    db
      .select({ id: licences.id, type: licences.type, number: licences.number, scope: licences.scope, validUntil: licences.validUntil, verifiedAt: licences.verifiedAt })
      .from(licences)
      .where(eq(licences.enterpriseId, id))
      .orderBy(asc(licences.type), asc(licences.validUntil)),
    trustSignalsOf(db, id),
  ]);
  return {
    ...profile,
    park: profile.park?.id ? profile.park : null,
    verified: verifiedAt !== null,
    /** when its park verified it (China date) */
    verifiedOn: verifiedAt ? new Date(verifiedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : null,
    /** type and validity for everyone; the number and scope only for its members and its park's staff */
    licences: licenceRows.map((l) => ({
      id: l.id, type: l.type, validUntil: l.validUntil, state: licenceState(l.validUntil, today), verified: l.verifiedAt !== null,
      number: insider ? l.number : null, scope: insider ? l.scope : null,
    })),
    /** trust signals computed from the platform, and the badges they earn (server/enterprises/trust.ts) */
    trust: trust!,
    allowed: {
      /** sees licence numbers (members, the park's staff) */
      licenceNumbers: insider,
      manage: can(actor, { type: "enterprise.viewPrivate", ...scope }),
      /** may send an inquiry about its products in the name of another enterprise */
      inquire: mayInquire(actor, id),
    },
  };
}

export type EnterpriseProfile = Awaited<ReturnType<typeof enterpriseProfile>>;

/**
 * The products an enterprise lists on its profile, searchable by name, CAS or substance name,
 * paged in SQL. Retired products never show; hazardous ones only to viewers who may see who trades
 * them; controlled ones whose supplier licence has lapsed only to its own members and park staff.
 */
export async function enterpriseProducts(db: Db, actor: Actor, input: EnterpriseProductsInput) {
  const [enterprise] = await db.select({ id: enterprises.id, parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
  if (!enterprise) throw notFound(ENTERPRISE);
  const owner = can(actor, { type: "catalogue.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const seesHazardous = owner || can(actor, { type: "hazardous.viewDetails", enterpriseId: enterprise.id });

  const filters: SQL[] = [eq(products.enterpriseId, enterprise.id), isNull(products.retiredAt)];
  if (!seesHazardous) {
    filters.push(or(isNull(substances.cas), not(regulated))!);
  } else if (!owner) {
    // controlled products whose supplier licence lapsed are hidden from buyers (as on the product page)
    const controlled = await db
      .selectDistinct({ cas: substances.cas, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory })
      .from(products)
      .innerJoin(substances, eq(substances.cas, products.cas))
      .where(and(eq(products.enterpriseId, enterprise.id), isNull(products.retiredAt), regulated));
    if (controlled.some((c) => tierOf(flagsOf(c)) === "controlled")) {
      const own = (await licenceFacts(db, [enterprise.id])).get(enterprise.id) ?? [];
      const today = todayInChina();
      const blocked = controlled.filter((c) => supplierState(flagsOf(c), own, today) === "blocked").map((c) => c.cas);
      if (blocked.length) filters.push(or(isNull(products.cas), not(inArray(products.cas, blocked)))!);
    }
  }
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, "\\$&")}%`;
    filters.push(or(
      ilike(products.name, like), ilike(products.cas, like),
      sql`${substanceView.nameZh} ILIKE ${like}`, sql`${substanceView.nameEn} ILIKE ${like}`,
    )!);
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: products.id, name: products.name, cas: products.cas, grade: products.grade, purityPct: products.purityPct, form: products.form,
        availableT: products.availableT, priceCnyPerT: products.priceCnyPerT,
        substance: {
          cas: substances.cas, nameZh: substanceView.nameZh, nameEn: substanceView.nameEn, hazardous: substances.hazardous,
          highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory,
        },
      })
      .from(products)
      .leftJoin(substances, eq(substances.cas, products.cas))
      .where(where)
      .orderBy(asc(products.name), asc(products.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(products).leftJoin(substances, eq(substances.cas, products.cas)).where(where),
  ]);
  return {
    items: rows.map(({ substance, ...p }) => {
      const flags = flagsOf(substance);
      return { ...p, substance: flags && substance ? { nameZh: substance.nameZh, nameEn: substance.nameEn, ...flags } : null, tier: tierOf(flags) };
    }),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    q: input.q ?? null,
    allowed: { inquire: mayInquire(actor, enterprise.id) },
  };
}
