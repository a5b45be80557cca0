import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { ComplianceBadge, Reasons, formatQuantity } from "@/app/_components/listing-bits";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EnterpriseName, listedNames, SubstanceName, Vocab } from "@/app/_catalogue/names";
import { messageWith } from "@/app/_components/user-text";
import { Badge, ButtonLink, Card, EmptyState, Notice, PageHeader, Pagination, buttonClass, inputClass } from "@/app/_components/ui";
import { formatDate, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { pageNumber, queryId } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("match.buyers_title") };
}

const PAGE_SIZE = 20;

/** "Buyers for my product": open demands that match the enterprise's products, offers and by-products. */
export default async function BuyersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const q = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/matches/buyers" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  // one select sends "product:12" or "byproduct:3"; links may use product= or byproduct= directly
  const [kind, chosen] = (q.supply ?? "").split(":");
  const filters = {
    productId: queryId(kind === "product" ? chosen : q.product),
    byproductId: queryId(kind === "byproduct" ? chosen : q.byproduct),
    inPark: q.inPark === "1",
    state: (["ok", "needs_licence", "blocked"] as const).find((s) => s === q.state),
    page: pageNumber(q.page),
  };
  const result = await attempt(() => caller.match.forSupplier({ enterpriseId: me.enterprise!.id, ...filters, pageSize: PAGE_SIZE }));
  if (!result.ok) return <Refusal failure={result} />;
  const { items, total, supplies } = result.data;
  const supplyValue = filters.productId ? `product:${filters.productId}` : filters.byproductId ? `byproduct:${filters.byproductId}` : "";
  const hrefFor = (page: number) => {
    const p = new URLSearchParams();
    if (supplyValue) p.set("supply", supplyValue);
    if (filters.inPark) p.set("inPark", "1");
    if (filters.state) p.set("state", filters.state);
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return s ? `/matches/buyers?${s}` : "/matches/buyers";
  };
  const filtered = Boolean(filters.productId || filters.byproductId || filters.inPark || filters.state);

  return (
    <div className="space-y-4">
      <PageHeader title={t("match.buyers_title")} description={t("match.buyers_description")} />
      <form action="/matches/buyers" className="flex flex-wrap items-end gap-4" aria-label={t("match.filters")}>
        <div>
          <label htmlFor="supply" className="mb-1 block text-sm font-medium text-slate-700">{t("match.filter_supply")}</label>
          <select id="supply" name="supply" defaultValue={supplyValue} className={inputClass}>
            <option value="">{t("match.all_supplies")}</option>
            {supplies.map((s) => {
              // the dictionary's English name in English; a typed name stays as typed (user content: the option is marked)
              const english = locale === "en" && s.substanceEn;
              return (
                <option key={`${s.kind}-${s.id}`} value={`${s.kind}:${s.id}`} translate={english ? undefined : "no"}>
                  {s.kind === "byproduct" ? `${t("match.byproduct")} · ` : ""}{english || s.name} ({s.n})
                </option>
              );
            })}
          </select>
        </div>
        <div>
          <label htmlFor="state" className="mb-1 block text-sm font-medium text-slate-700">{t("match.filter_state")}</label>
          <select id="state" name="state" defaultValue={filters.state ?? ""} className={inputClass}>
            <option value="">{t("match.state_any")}</option>
            <option value="ok">{t("match.state_ok")}</option>
            <option value="needs_licence">{t("match.state_needs_licence")}</option>
            <option value="blocked">{t("match.state_blocked")}</option>
          </select>
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm"><input type="checkbox" name="inPark" value="1" defaultChecked={filters.inPark} /> {t("match.filter_buyer_in_park")}</label>
        <button type="submit" className={buttonClass("secondary")}>{t("listing.filter")}</button>
        {filtered ? <Link href="/matches/buyers" className="pb-2 text-sm text-brand-700 hover:underline">{t("listing.clear_filters")}</Link> : null}
      </form>
      {items.length === 0 ? (
        <EmptyState title={filtered ? t("listing.empty_filtered") : t("match.no_buyers")}>{filtered ? null : t("match.no_buyers_hint")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("match.buyers_title")}>
          {items.map((m) => (
            <li key={m.id}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0 flex-1 space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      {m.buyer ? <Link href={`/enterprises/${m.buyer.id}`} className="font-semibold break-words hover:text-brand-700"><EnterpriseName enterprise={m.buyer} locale={locale} /></Link> : <span className="font-semibold text-slate-500">{t("match.buyer_hidden")}</span>}
                      {m.inPark ? <Badge tone="green">{t("match.in_park")}</Badge> : m.buyer?.park ? <Badge><Vocab text={parkName({ name: m.buyer.park, nameEn: m.buyer.parkEn }, locale)} locale={locale} /></Badge> : null}
                      <ComplianceBadge state={m.compliance} t={t} />
                      <HazardBadges flags={m.flags} t={t} />
                    </div>
                    <p className="text-sm text-slate-700">
                      {messageWith(t, "match.wants", { substance: <SubstanceName name={m.demand.substanceName} nameEn={m.demand.substanceEn} locale={locale} /> }, {
                        qty: m.demand.quantity === null ? t("match.hidden") : formatQuantity(m.demand.quantity, m.demand.unit, locale),
                      })}
                      {m.demand.grade ? ` · ${t(`listing.grade_${m.demand.grade}`)}` : ""}
                      {m.demand.minPurityPct !== null ? ` · ≥${m.demand.minPurityPct}%` : ""}
                      {m.demand.targetPriceCnyPerUnit !== null ? ` · ${t("match.target", { price: formatYuan(m.demand.targetPriceCnyPerUnit, locale), unit: m.demand.unit === "kg" ? "kg" : t("listing.unit_t") })}` : ""}
                      {` · ${t("demand.delivery")} ${formatDate(m.demand.deliveryFrom, locale)} – ${formatDate(m.demand.deliveryTo, locale)}`}
                    </p>
                    <p className="text-xs text-slate-500">{messageWith(t, "match.for_supply", { name: listedNames(m.supply.name, m.supply.substanceEn, locale).primary })}</p>
                    <Reasons reasons={m.reasons} locale={locale} />
                    {m.compliance === "blocked" ? <Notice tone="warning">{t("match.blocked_owner_hint")}</Notice> : null}
                  </div>
                  <div className="flex flex-col items-end gap-2">
                    <span className="text-lg font-semibold text-brand-700" title={t("match.score")}>{m.score === null ? "—" : m.score.toFixed(1)}</span>
                    {m.buyer && m.compliance !== "blocked" ? (
                      <ButtonLink href={`/inquiries/new?demand=${m.demand.id}`} size="sm">{t("match.respond")}</ButtonLink>
                    ) : null}
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={filters.page} pageSize={PAGE_SIZE} total={total} hrefFor={hrefFor}
        labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page: filters.page, pages: Math.ceil(total / PAGE_SIZE) }) }}
      />
    </div>
  );
}
