import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { ComplianceBadge, ListingStatus, Reasons, formatQuantity } from "@/app/_components/listing-bits";
import { pageId, pageNumber } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { TrustSummary } from "@/app/_components/trust-signals";
import { EnterpriseName, enterpriseText, Heading, listedNames, Vocab } from "@/app/_catalogue/names";
import { messageWith } from "@/app/_components/user-text";
import { Badge, ButtonLink, Card, EmptyState, Notice, Pagination, buttonClass, inputClass } from "@/app/_components/ui";
import { formatDate, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { DismissButton, ListingActions } from "../actions";
import { RfqForm } from "./rfq-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("match.suppliers_title") };
}

const PAGE_SIZE = 10;

/** One demand and "suppliers for my demand": ranked candidates with their reasons, filters in the URL. */
export default async function DemandPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const q = await searchParams;
  const caller = await api();
  const demandResult = await attempt(() => caller.demand.get({ id }));
  if (!demandResult.ok) return <Refusal failure={demandResult} from={`/demands/${id}`} />;
  const d = demandResult.data;
  const filters = {
    inPark: q.inPark === "1", fits: q.fits === "1",
    state: (["ok", "needs_licence"] as const).find((s) => s === q.state),
    show: q.show === "dismissed" ? ("dismissed" as const) : ("active" as const),
    page: pageNumber(q.page),
  };
  const result = await caller.match.forDemand({ demandId: id, ...filters, pageSize: PAGE_SIZE });
  // 群发询价: the buyer's own RFQs of this demand, and the top ranked candidates to tick
  const rfqAllowed = d.allowed.edit && d.status === "open";
  const [rfqList, rfqCandidates] = rfqAllowed
    ? await Promise.all([caller.rfq.list({ demandId: id }), caller.match.forDemand({ demandId: id, pageSize: 20 })])
    : [[], null];
  const hrefFor = (page: number) => {
    const p = new URLSearchParams();
    if (filters.inPark) p.set("inPark", "1");
    if (filters.fits) p.set("fits", "1");
    if (filters.state) p.set("state", filters.state);
    if (filters.show === "dismissed") p.set("show", "dismissed");
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return s ? `/demands/${id}?${s}` : `/demands/${id}`;
  };
  const filtered = filters.inPark || filters.fits || filters.state || filters.show === "dismissed";
  const names = listedNames(d.substanceName, d.substanceEn, locale);
  const candidate = (m: (typeof result.items)[number], testId: string) => (
    <li key={m.id} className="rounded-md border border-slate-200 p-4" data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-semibold text-slate-500">#{m.rank}</span>
            {m.supplier ? (
              <Link href={`/enterprises/${m.supplier.id}`} className="font-semibold break-words text-slate-900 hover:text-brand-700"><EnterpriseName enterprise={m.supplier} locale={locale} /></Link>
            ) : (
              <span className="font-semibold text-slate-500">{t("match.supplier_hidden")}</span>
            )}
            {m.inPark ? <Badge tone="green">{t("match.in_park")}</Badge> : m.supplier?.park ? <Badge><Vocab text={parkName(m.supplier.park, locale)} locale={locale} /></Badge> : m.supplier ? <Badge>{t("directory.external")}</Badge> : null}
            <ComplianceBadge state={m.compliance} t={t} />
            {m.status === "contacted" || m.status === "converted" ? <Badge tone="blue">{t(`match.status_${m.status}`)}</Badge> : null}
          </div>
          <div className="text-sm text-slate-700">
            {m.candidate.kind === "byproduct" ? <Badge tone="blue">{t("match.byproduct")}</Badge> : null} {listedNames(m.candidate.name, m.candidate.substanceEn, locale).primary}
            {m.candidate.grade ? ` · ${t(`listing.grade_${m.candidate.grade}`)}` : ""}
            {m.candidate.purityPct !== null ? ` · ${m.candidate.purityPct}%` : ""}
            {m.candidate.wasteCode ? <> · <span translate="no">{m.candidate.wasteCode}</span></> : ""}
            {m.candidate.availableT !== null ? ` · ${t(m.candidate.kind === "byproduct" ? "match.monthly" : "match.available", { qty: formatQuantity(m.candidate.availableT, "t", locale) })}` : ""}
            {m.candidate.priceCnyPerT !== null ? ` · ${formatYuan(m.candidate.priceCnyPerT, locale)}/${t("listing.unit_t")}` : ""}
          </div>
          <Reasons reasons={m.reasons} locale={locale} />
          {m.supplier?.trust ? <TrustSummary trust={m.supplier.trust} t={t} locale={locale} /> : null}
        </div>
        <div className="flex flex-col items-end gap-2">
          <span className="text-lg font-semibold text-brand-700" title={t("match.score")}>{m.score === null ? "—" : m.score.toFixed(1)}</span>
          <div className="flex flex-wrap items-center justify-end gap-2">
            {m.contact.href ? (
              <Link href={m.contact.href} className={buttonClass("primary", "sm")}>{t("match.contact")}</Link>
            ) : m.contact.blocked ? (
              <>
                <button type="button" disabled aria-describedby={`blocked-${m.id}`} className={buttonClass("primary", "sm")}>{t("match.contact")}</button>
                <span id={`blocked-${m.id}`} className="max-w-xs text-right text-xs text-amber-800">{m.contact.blocked[locale]}</span>
              </>
            ) : null}
            {m.allowed.dismiss ? <DismissButton id={m.id} dismissed={m.status === "dismissed"} /> : null}
          </div>
        </div>
      </div>
    </li>
  );

  return (
    <div className="space-y-6">
      <Heading
        title={names.primary}
        description={<>{names.secondary ? <>{names.secondary} · </> : null}{messageWith(t, "demand.detail_description", { buyer: <EnterpriseName enterprise={d.buyer} locale={locale} /> })}</>}
        actions={d.allowed.edit ? <ButtonLink href={`/demands/${id}/edit`} variant="secondary">{t("demand.edit")}</ButtonLink> : null}
      />
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <dl className="grid flex-1 grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
            <div><dt className="text-slate-500">CAS</dt><dd className="font-mono">{d.cas ?? "—"}</dd></div>
            <div><dt className="text-slate-500">{t("demand.quantity")}</dt><dd>{formatQuantity(d.quantity, d.unit, locale)} · {t(`listing.recurrence_${d.recurrence}`)}</dd></div>
            <div><dt className="text-slate-500">{t("demand.grade")}</dt><dd>{d.grade ? t(`listing.grade_${d.grade}`) : t("listing.grade_any")}{d.minPurityPct ? ` · ≥${Number(d.minPurityPct)}%` : ""}</dd></div>
            <div><dt className="text-slate-500">{t("demand.target_price")}</dt><dd>{d.targetPriceCnyPerUnit ? `${formatYuan(d.targetPriceCnyPerUnit, locale)}/${d.unit === "kg" ? "kg" : t("listing.unit_t")}` : "—"}</dd></div>
            <div><dt className="text-slate-500">{t("terms.tax_basis")}</dt><dd data-testid="demand-tax-basis">{t(`terms.${d.taxBasis}`)}</dd></div>
            <div><dt className="text-slate-500">{t("demand.delivery")}</dt><dd>{formatDate(d.deliveryFrom, locale)} – {formatDate(d.deliveryTo, locale)}</dd></div>
            <div><dt className="text-slate-500">{t("demand.place")}</dt><dd translate="no">{d.place ?? "—"}</dd></div>
            <div><dt className="text-slate-500">{t("demand.expires_on")}</dt><dd>{formatDate(d.expiresOn, locale)}</dd></div>
            <div><dt className="text-slate-500">{t("listing.status")}</dt><dd className="flex flex-wrap gap-1"><ListingStatus status={d.status} t={t} /><HazardBadges flags={d.flags} t={t} />{d.acceptsByproducts ? <Badge tone="blue">{t("demand.byproducts_accepted")}</Badge> : null}</dd></div>
          </dl>
          <ListingActions kind="demand" id={d.id} close={d.allowed.close} repost={d.allowed.repost} />
        </div>
        {d.note ? <p className="mt-3 text-sm break-words text-slate-600" translate="no">{d.note}</p> : null}
      </Card>

      <Card title={t("match.suppliers_title")}>
        <form action={`/demands/${id}`} className="mb-4 flex flex-wrap items-end gap-4" aria-label={t("match.filters")}>
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="inPark" value="1" defaultChecked={filters.inPark} /> {t("match.filter_in_park")}</label>
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="fits" value="1" defaultChecked={filters.fits} /> {t("match.filter_fits")}</label>
          <div>
            <label htmlFor="state" className="mb-1 block text-xs text-slate-600">{t("match.filter_state")}</label>
            <select id="state" name="state" defaultValue={filters.state ?? ""} className={`${inputClass} py-1`}>
              <option value="">{t("match.state_any")}</option>
              <option value="ok">{t("match.state_ok")}</option>
              <option value="needs_licence">{t("match.state_needs_licence")}</option>
            </select>
          </div>
          <div>
            <label htmlFor="show" className="mb-1 block text-xs text-slate-600">{t("match.filter_show")}</label>
            <select id="show" name="show" defaultValue={filters.show} className={`${inputClass} py-1`}>
              <option value="active">{t("match.show_active")}</option>
              <option value="dismissed">{t("match.show_dismissed")}</option>
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary", "sm")}>{t("listing.filter")}</button>
          {filtered ? <Link href={`/demands/${id}`} className="text-sm text-brand-700 hover:underline">{t("listing.clear_filters")}</Link> : null}
        </form>
        {d.status === "draft" ? <Notice tone="info">{t("match.draft_hint")}</Notice> : null}
        {!result.open && d.status !== "draft" ? <Notice tone="warning">{t("match.closed_hint")}</Notice> : null}
        {result.redacted ? <div className="mb-3"><Notice tone="warning">{t("match.redacted_hint")}</Notice></div> : null}
        {result.items.length === 0 ? (
          <EmptyState title={filtered ? t("listing.empty_filtered") : t("match.no_suppliers")}>{filtered ? null : t("match.no_suppliers_hint")}</EmptyState>
        ) : (
          <ol className="space-y-3" aria-label={t("match.suppliers_title")}>
            {result.items.map((m) => candidate(m, "supplier-candidate"))}
          </ol>
        )}
        <Pagination
          page={filters.page} pageSize={PAGE_SIZE} total={result.total} hrefFor={hrefFor}
          labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page: filters.page, pages: Math.ceil(result.total / PAGE_SIZE) }) }}
        />
      </Card>

      {rfqAllowed ? (
        <Card title={t("rfq.form_title")}>
          {rfqList.length ? (
            <ul className="mb-4 space-y-1 text-sm" aria-label={t("rfq.list_title")}>
              {rfqList.map((r) => (
                <li key={r.id}>
                  <Link href={`/rfq/${r.id}`} className="text-brand-700 hover:underline" translate="no">{r.subject}</Link>
                  {" · "}{t("rfq.deadline_on", { date: formatDate(r.deadline, locale) })} · {t("rfq.answered", { answered: r.answered, invited: r.invited })} · {t(`rfq.status.${r.status}`)}
                </li>
              ))}
            </ul>
          ) : null}
          <RfqForm
            demandId={id} quantity={Number(d.quantity)} unitLabel={d.unit === "kg" ? "kg" : t("listing.unit_t")}
            candidates={(rfqCandidates?.items ?? []).flatMap((m) => m.supplier ? [{ matchId: m.id, rank: m.rank, name: enterpriseText(m.supplier, locale), inPark: Boolean(m.inPark), blocked: m.contact.blocked }] : [])}
          />
        </Card>
      ) : null}

      <Card title={t("match.byproducts_title")}>
        {!result.acceptsByproducts ? (
          <p className="text-sm text-slate-600">{t("match.byproducts_not_accepted")}</p>
        ) : result.byproducts.length === 0 ? (
          <EmptyState title={t("match.no_byproducts")}>{t("match.byproducts_hint")}</EmptyState>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{t("match.byproducts_hint")}</p>
            <ol className="space-y-3" aria-label={t("match.byproducts_title")}>
              {result.byproducts.map((m) => candidate(m, "byproduct-candidate"))}
            </ol>
          </>
        )}
      </Card>
    </div>
  );
}
