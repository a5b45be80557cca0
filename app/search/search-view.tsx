"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { formLabel, gradeLabel, purityLabel, tonnesLabel } from "@/app/_components/catalogue-labels";
import { Formula } from "@/app/_components/formula";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { Highlighted } from "@/app/_components/highlight";
import { TrustSummary } from "@/app/_components/trust-signals";
import { messageWith, UserText } from "@/app/_components/user-text";
import { Badge, Button, EmptyState, inputClass, Notice, Spinner } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage, RefusedError } from "@/app/_trpc/errors";
import { formatNumber, formatYuan, type Translate } from "@/i18n";
import { useI18n } from "@/i18n/client";
import { chainName, isTranslated, parkName as parkNameIn } from "@/i18n/vocabulary";
import type { SearchAnswerBody as ProductSearchResult } from "@/server/search/suggest";
import { searchApiPath, type SearchProductsInput } from "@/server/search/search.schemas";
import { NoResults, SaveSearch } from "./no-results";
import { RANGES, searchHref, type RangeKey, type SearchParams } from "./params";

type Park = { code: string; name: string; nameEn: string | null };
type FacetKey = "park" | "chain" | "grade" | "form" | "hazard" | "inPark";

/**
 * Example queries, each run as shown: Chinese names in the Chinese UI, the dictionary's English
 * names in the English UI (a search by English name finds the same substance's products).
 */
export const EXAMPLES = {
  zh: ["异丙醇", "IPA", "67-63-0", "toluene", "丙烯酸", "乙酸乙酯"],
  en: ["isopropyl alcohol", "IPA", "67-63-0", "toluene", "acrylic acid", "ethyl acetate"],
} as const;
const PAGE_SIZE = 20;

/** Waits until typing pauses before the value moves on. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** One page of hits from the search API (app/api/search), which answers a refusal in both languages. */
async function fetchSearch(input: SearchProductsInput, signal: AbortSignal): Promise<ProductSearchResult> {
  const response = await fetch(searchApiPath(input), { signal, headers: { accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new RefusedError(body?.error ?? null);
  return body as ProductSearchResult;
}

export function SearchView({
  initial, initialError, params, parks, signedIn,
}: {
  initial: { params: SearchParams; data: ProductSearchResult } | null;
  initialError: { zh: string; en: string } | null;
  params: SearchParams;
  parks: Park[];
  signedIn: boolean;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [text, setText] = useState(params.q);
  const [filters, setFilters] = useState<Omit<SearchParams, "q">>({ ...params, q: undefined } as Omit<SearchParams, "q">);
  const q = useDebounced(text.trim(), 250);
  const state: SearchParams = useMemo(() => ({ ...filters, q }), [filters, q]);

  // the URL follows the search, without a round trip to the server
  useEffect(() => {
    const href = searchHref(state);
    if (href !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, "", href);
  }, [state]);

  const { page, ...rest } = state;
  const input = { ...rest, page, pageSize: PAGE_SIZE };
  const matchesInitial = initial !== null && searchHref(initial.params) === searchHref(state);
  const activeFilters = (["park", "chain", "grade", "form", "hazard", "inPark", "mine", ...RANGE_KEYS] as const).filter((k) => filters[k] !== undefined);
  // a query, or filters alone (browsing, e.g. everything in my park)
  const searching = Boolean(q) || activeFilters.length > 0;
  const products = useQuery({
    queryKey: ["search.products", input],
    queryFn: ({ signal }) => fetchSearch(input, signal),
    enabled: searching,
    placeholderData: keepPreviousData,
    initialData: matchesInitial ? initial.data : undefined,
    retry: false,
  });
  const enterprises = useQuery(
    trpc.search.enterprises.queryOptions({ q, limit: 5 }, { enabled: Boolean(q) && !products.data?.cas, retry: false }),
  );

  const setFilter = (key: FacetKey, value: string | undefined) => {
    setFilters((f) => {
      const next = { ...f, page: 1 } as Record<string, unknown>;
      if (key === "inPark") next.inPark = value === undefined ? undefined : value === "true";
      else next[key] = value;
      return next as typeof f;
    });
  };
  // the order is no filter: it stays
  const clearFilters = () => setFilters((f) => ({ page: 1, sort: f.sort }) as typeof filters);
  const error = products.error ? errorMessage(products.error, locale, t) : !searching || products.data ? null : initialError?.[locale] ?? null;
  const data = searching ? products.data : undefined;
  // nothing found and nothing to narrow: no facet box, no members-only banner, but what to do instead
  const nothingFound = data !== undefined && data.total === 0;
  const parkName = (code: string, fallback?: string | null) => {
    const park = parks.find((p) => p.code === code);
    return park ? parkNameIn(park, locale) : fallback ?? code;
  };
  // on a phone the facets wait behind a "Filters" button, so that the first result is on the first screen
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const filtersToggle = useRef<HTMLButtonElement>(null);
  const filtersPanel = useRef<HTMLDivElement>(null);
  const openFilters = () => {
    setFiltersOpen(true);
    // focus moves into the panel once it is shown
    requestAnimationFrame(() => filtersPanel.current?.querySelector<HTMLElement>("button, input, select, a[href]")?.focus());
  };
  const closeFilters = () => {
    setFiltersOpen(false);
    filtersToggle.current?.focus();
  };
  // Escape closes the panel (on a phone, where the button that opened it is shown) and focus goes back to the button
  const filtersKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && filtersOpen && filtersToggle.current?.offsetParent) {
      e.preventDefault();
      closeFilters();
    }
  };

  return (
    <div className="space-y-6">
      <form role="search" onSubmit={(e) => e.preventDefault()} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="search-q" className="mb-1 block text-sm font-medium text-slate-700">{t("search.label")}</label>
          <input
            id="search-q"
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFilters((f) => ({ ...f, page: 1 }));
            }}
            placeholder={t("search.placeholder")}
            autoComplete="off"
            maxLength={100}
            className={`${inputClass} text-base`}
          />
        </div>
        {products.isFetching && searching ? <Spinner label={t("search.searching")} /> : null}
      </form>

      {!searching ? (
        <EmptyState title={t("search.start_title")}>
          <p>{t("search.start_body")}</p>
          <ul className="mt-3 flex flex-wrap justify-center gap-2" aria-label={t("search.examples")}>
            {EXAMPLES[locale].map((example) => (
              <li key={example}>
                <button type="button" className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-50" onClick={() => setText(example)}>
                  {example}
                </button>
              </li>
            ))}
          </ul>
        </EmptyState>
      ) : error ? (
        <Notice tone="error">{error}</Notice>
      ) : (
        <div className={nothingFound && activeFilters.length === 0 ? "" : "grid gap-4 lg:grid-cols-[16rem_1fr] lg:gap-6"}>
          {nothingFound && activeFilters.length === 0 ? null : <aside aria-label={t("search.filters")}>
            <button
              ref={filtersToggle}
              type="button"
              aria-expanded={filtersOpen}
              aria-controls={filtersId}
              onClick={() => (filtersOpen ? setFiltersOpen(false) : openFilters())}
              className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 lg:hidden"
            >
              <span aria-hidden="true">{filtersOpen ? "▾" : "▸"}</span>
              {activeFilters.length ? t("search.filters_active", { count: activeFilters.length }) : t("search.filters")}
            </button>
            <div
              ref={filtersPanel}
              id={filtersId}
              onKeyDown={filtersKeyDown}
              className={`${filtersOpen ? "mt-3 block" : "hidden"} rounded-lg border border-slate-200 bg-white p-4 lg:mt-0 lg:block`}
            >
              <div className="space-y-5">
                {data?.myPark.available ? (
                  <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
                    <input
                      type="checkbox"
                      checked={Boolean(filters.mine)}
                      onChange={(e) => setFilters((f) => ({ ...f, mine: e.target.checked || undefined, page: 1 }))}
                    />
                    {t("search.in_my_park", { count: data.myPark.count })}
                  </label>
                ) : null}
                {data ? (
                  <>
                    <Facet t={t} title={t("search.facet_park")} values={data.facets.park} selected={filters.park} label={(v) => parkName(v)} userContent={() => true} onChange={(v) => setFilter("park", v)} />
                    <Facet t={t} title={t("search.facet_in_park")} values={data.facets.inPark} selected={filters.inPark === undefined ? undefined : String(filters.inPark)} label={(v) => t(v === "true" ? "search.in_park" : "search.outside_parks")} onChange={(v) => setFilter("inPark", v)} />
                    <Facet t={t} title={t("search.facet_chain")} values={data.facets.chain} selected={filters.chain} label={(v) => chainName(v, locale)} userContent={(v) => chainName(v, "en") === v && !isTranslated(v, "en")} onChange={(v) => setFilter("chain", v)} />
                    <Facet t={t} title={t("search.facet_grade")} values={data.facets.grade} selected={filters.grade} label={(v) => gradeLabel(t, v)} onChange={(v) => setFilter("grade", v)} />
                    <Facet t={t} title={t("search.facet_form")} values={data.facets.form} selected={filters.form} label={(v) => formLabel(t, v)} onChange={(v) => setFilter("form", v)} />
                    <Facet t={t} title={t("search.facet_hazard")} values={data.facets.hazard} selected={filters.hazard} label={(v) => t(`hazard.${v}`)} onChange={(v) => setFilter("hazard", v)} />
                  </>
                ) : null}
                <RangeFilters
                  key={RANGE_KEYS.map((k) => filters[k] ?? "").join("|")}
                  t={t}
                  values={filters}
                  onApply={(ranges) => setFilters((f) => ({ ...f, ...ranges, page: 1 }))}
                />
                {activeFilters.length ? <Button variant="ghost" size="sm" onClick={clearFilters}>{t("search.clear_filters")}</Button> : null}
                <Button variant="primary" size="sm" className="w-full lg:hidden" onClick={closeFilters}>{t("search.show_results")}</Button>
              </div>
            </div>
          </aside>}

          <section aria-label={t("search.results")} aria-busy={products.isFetching} className="min-w-0 space-y-4">
            {!data ? (
              <Spinner label={t("search.searching")} />
            ) : (
              <>
                {data.casInvalid ? <Notice tone="warning">{messageWith(t, "search.cas_invalid", { q: data.q })}</Notice> : null}
                <Understood
                  understood={data.understood}
                  t={t}
                  onRemove={(without) => {
                    setText(without);
                    setFilters((f) => ({ ...f, page: 1 }));
                  }}
                />
                {!data.seesRegulatedDetails && !nothingFound ? (
                  <Notice tone="info">
                    {t(signedIn ? "search.members_only_unverified" : "search.members_only")}{" "}
                    {!signedIn ? <Link href={`/signin?callbackUrl=${encodeURIComponent(searchHref(state))}`} className="underline">{t("nav.signin")}</Link> : null}
                  </Notice>
                ) : null}
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm text-slate-600" aria-live="polite">
                    {data.cas ? t("search.count_cas", { count: data.total, cas: data.cas }) : data.understood.formula ? t("search.count_formula", { count: data.total, formula: data.understood.formula }) : t("search.count", { count: Math.min(data.total, 1000) })}
                    {data.nearestFirst && data.total > 1 && data.sort === "relevance" ? <span className="ml-2 text-xs text-slate-500">{t("search.nearest_first")}</span> : null}
                    {!nothingFound ? <span className="ml-3"><SaveSearch state={state} signedIn={signedIn} /></span> : null}
                  </p>
                  {!nothingFound ? (
                    <SortControl
                      t={t}
                      value={filters.sort ?? "relevance"}
                      distance={data.distanceSortAvailable}
                      onChange={(sort) => setFilters((f) => ({ ...f, sort: sort === "relevance" ? undefined : sort, page: 1 }))}
                    />
                  ) : null}
                </div>
                {filters.sort === "distance" && data.sort !== "distance" ? <Notice tone="info">{t("search_refine.distance_unavailable")}</Notice> : null}
                {(filters.sort === "price" || filters.sort === "available" || filters.minPrice !== undefined || filters.maxPrice !== undefined || filters.minAvailable !== undefined) && !data.seesRegulatedDetails ? (
                  <p className="text-xs text-slate-500">{t("search_refine.members_only_order")}</p>
                ) : null}
                {enterprises.data?.hits.length ? (
                  <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                    <h2 className="mb-1 font-semibold text-slate-700">{t("search.enterprises")}</h2>
                    <ul className="flex flex-wrap gap-x-4 gap-y-1">
                      {enterprises.data.hits.map((e) => (
                        <li key={e.id}>
                          <Link href={`/enterprises/${e.id}`} className="text-brand-700 hover:underline" translate="no">
                            {locale === "en" && e.nameEn ? e.nameEn : <Highlighted text={e.name} />}
                          </Link>
                          <span className="ml-1 text-xs text-slate-500">{e.park ? <UserText>{parkName(e.park.code, e.park.name)}</UserText> : t("directory.external")}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {nothingFound ? (
                  <NoResults
                    q={data.casInvalid ? "" : q}
                    suggestions={data.didYouMean ?? []}
                    filtered={activeFilters.length > 0}
                    state={state}
                    signedIn={signedIn}
                    onPick={(next) => {
                      setText(next);
                      setFilters((f) => ({ ...f, page: 1 }));
                    }}
                  />
                ) : data.hits.length === 0 ? (
                  <EmptyState title={t("search.empty_title")}>{activeFilters.length ? t("search.empty_filtered") : t("search.empty_body")}</EmptyState>
                ) : (
                  <ol className="space-y-3" aria-label={t("search.hits")}>
                    {data.hits.map((hit) => <HitCard key={hit.id} hit={hit} t={t} locale={locale} parkName={parkName} />)}
                  </ol>
                )}
                {data.related.length ? (
                  <Related
                    t={t}
                    locale={locale}
                    related={data.related}
                    onPick={(q) => {
                      setText(q);
                      setFilters((f) => ({ ...f, page: 1 }));
                      window.scrollTo({ top: 0 });
                    }}
                  />
                ) : null}
                <Pager
                  page={data.page}
                  pages={Math.min(50, Math.ceil(data.total / PAGE_SIZE))}
                  t={t}
                  onPage={(p) => {
                    setFilters((f) => ({ ...f, page: p }));
                    window.scrollTo({ top: 0 });
                  }}
                />
              </>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

/**
 * What the query was read as: each condition taken out of the words (a CAS number, a formula, a
 * purity, a grade) as a chip whose × takes it out of the query, and a note when Traditional
 * characters were searched as Simplified.
 */
function Understood({ understood, t, onRemove }: { understood: ProductSearchResult["understood"]; t: Translate; onRemove: (without: string) => void }) {
  const label = (c: ProductSearchResult["understood"]["conditions"][number]) => {
    switch (c.kind) {
      case "cas": return t("search.chip_cas", { cas: c.value });
      case "formula": return t("search.chip_formula", { formula: c.value });
      case "purity": return t("search.chip_purity", { value: c.value });
      case "grade": return t("search.chip_grade", { grade: gradeLabel(t, c.value) });
    }
  };
  if (!understood.conditions.length && !understood.traditional) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {understood.conditions.length ? (
        <>
          <span className="text-slate-500">{t("search.understood")}</span>
          <ul className="flex flex-wrap gap-2" aria-label={t("search.understood")}>
            {understood.conditions.map((c, i) => (
              <li key={`${c.kind}-${i}`} className="inline-flex items-center gap-1 rounded-full border border-brand-100 bg-brand-50 py-0.5 pl-3 pr-1 text-brand-700">
                <span title={c.raw} translate="no">{label(c)}</span>
                <button
                  type="button"
                  className="rounded-full px-1.5 text-brand-700 hover:bg-brand-100"
                  aria-label={t("search.chip_remove", { label: label(c) })}
                  onClick={() => onRemove(c.without)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {understood.traditional && understood.text ? <span className="text-xs text-slate-500">{messageWith(t, "search.traditional", { text: understood.text })}</span> : null}
    </div>
  );
}

function Facet({
  t, title, values, selected, label, userContent, onChange,
}: {
  t: Translate;
  title: string;
  values: { value: string; count: number }[];
  selected: string | undefined;
  label: (value: string) => string;
  /** values that are names or typed text (parks, chains off the platform's list): marked translate="no" */
  userContent?: (value: string) => boolean;
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  const shown = selected && !values.some((v) => v.value === selected) ? [{ value: selected, count: 0 }, ...values] : values;
  if (shown.length === 0) return null;
  return (
    <div role="group" aria-labelledby={id}>
      <h3 id={id} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <ul className="space-y-1">
        {shown.slice(0, 12).map((v) => (
          <li key={v.value}>
            <button
              type="button"
              aria-pressed={selected === v.value}
              onClick={() => onChange(selected === v.value ? undefined : v.value)}
              className="flex w-full items-center justify-between gap-2 rounded px-2 py-1 text-left text-sm text-slate-700 hover:bg-slate-100 aria-pressed:bg-brand-50 aria-pressed:font-medium aria-pressed:text-brand-700"
            >
              <span className="truncate" translate={userContent?.(v.value) ? "no" : undefined}>{label(v.value)}</span>
              <span className="text-xs text-slate-500" aria-label={t("search.facet_count", { count: v.count })}>{v.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** `label: ` in the reader's language (a full-width colon in Chinese). */
const labelled = (t: Translate, label: string) => t("search.field_label", { label });

function HitCard({ hit, t, locale, parkName }: { hit: ProductSearchResult["hits"][number]; t: Translate; locale: "zh" | "en"; parkName: (code: string, fallback?: string | null) => string }) {
  const s = hit.substance;
  // the dictionary's names: in English its English name first, the Chinese one beside it (marked as Chinese)
  const zhName = s?.nameZh ? <span lang="zh-CN" translate="no"><Highlighted text={s.nameZh} /></span> : null;
  const enName = s?.nameEn ? <span lang="en"><Highlighted text={s.nameEn} /></span> : null;
  const [firstName, secondName] = locale === "en" ? [enName, zhName] : [zhName, enName];
  const enterpriseName = hit.enterprise ? (locale === "en" && hit.enterprise.nameEn ? hit.enterprise.nameEn : hit.enterprise.name) : null;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-base font-semibold text-slate-900 [overflow-wrap:anywhere]">
            <Link href={`/products/${hit.id}`} className="hover:text-brand-700" translate="no"><Highlighted text={hit.name} /></Link>
          </h3>
          {s ? (
            <p className="mt-0.5 text-sm text-slate-600 [overflow-wrap:anywhere]">
              {firstName}
              {firstName && secondName ? " · " : null}
              {secondName}
              {s.matchedAliases.length ? (
                <span className="ml-2 text-xs text-slate-600">
                  {messageWith(t, "search.aliases_matched", {
                    aliases: s.matchedAliases.map((a, i) => <span key={i}>{i ? (locale === "zh" ? "、" : ", ") : null}<Highlighted text={a} /></span>),
                  })}
                </span>
              ) : null}
            </p>
          ) : null}
        </div>
        <HazardBadges flags={hit.hazards} t={t} />
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        <div><dt className="sr-only">CAS</dt><dd className="font-mono">{hit.cas ? `CAS ${hit.cas}` : t("search.no_cas")}</dd></div>
        {hit.formula ? <div><dt className="sr-only">{t("search.formula")}</dt><dd><Formula value={hit.formula} /></dd></div> : null}
        <div><dt className="sr-only">{t("catalogue.field.grade")}</dt><dd>{gradeLabel(t, hit.grade)}</dd></div>
        {hit.purityPct !== null ? <div><dt className="sr-only">{t("catalogue.field.purity")}</dt><dd>{purityLabel(hit.purityPct)}</dd></div> : null}
        {hit.form ? <div><dt className="sr-only">{t("catalogue.field.form")}</dt><dd>{formLabel(t, hit.form)}</dd></div> : null}
        {hit.availableT !== null ? <div><dt className="inline text-slate-500">{labelled(t, t("catalogue.field.available"))}</dt><dd className="inline">{tonnesLabel(t, hit.availableT)}</dd></div> : null}
        {hit.priceCnyPerT !== null ? <div><dt className="inline text-slate-500">{labelled(t, t("catalogue.field.price"))}</dt><dd className="inline">{t("catalogue.per_tonne", { price: formatYuan(hit.priceCnyPerT, locale) })}</dd></div> : null}
      </dl>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        {hit.enterprise ? (
          <>
            <Link href={`/enterprises/${hit.enterprise.id}`} className="text-brand-700 hover:underline" translate="no">{enterpriseName}</Link>
            {hit.park ? <Badge tone="blue"><UserText>{parkName(hit.park.code, hit.park.name)}</UserText></Badge> : <Badge>{t("search.outside_parks")}</Badge>}
            {hit.samePark ? <Badge tone="green">{t("search.same_park")}</Badge> : null}
            {hit.distanceKm !== null ? <span className="text-xs text-slate-500">{t("search.distance", { km: formatNumber(hit.distanceKm, locale) })}</span> : null}
            {hit.enterprise.verified ? <Badge tone="green">{t("enterprise.verified")}</Badge> : null}
          </>
        ) : (
          <span className="text-slate-500">{t("search.restricted")}</span>
        )}
        {hit.licenceMissing ? <Badge tone="amber">{t("search.licence_missing")}</Badge> : null}
        {hit.blocked ? <Badge tone="red">{t("search.licence_blocked")}</Badge> : null}
      </div>
      {hit.enterprise?.trust ? <div className="mt-1"><TrustSummary trust={hit.enterprise.trust} t={t} locale={locale} skipVerified /></div> : null}
    </li>
  );
}

const RANGE_KEYS = Object.keys(RANGES) as RangeKey[];
const SORTS = ["relevance", "price", "available", "distance"] as const;

/** The order of the hits: relevance, price low → high, most available, nearest (for a buyer whose enterprise is located). */
function SortControl({ t, value, distance, onChange }: { t: Translate; value: (typeof SORTS)[number]; distance: boolean; onChange: (sort: (typeof SORTS)[number]) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="whitespace-nowrap text-slate-600">{t("search_refine.sort")}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as (typeof SORTS)[number])} className={`${inputClass} w-auto py-1`}>
        {SORTS.filter((s) => s !== "distance" || distance || value === "distance").map((s) => (
          <option key={s} value={s}>{t(`search_refine.sort_${s}`)}</option>
        ))}
      </select>
    </div>
  );
}

/**
 * Purity (%), price (元/吨) and least available quantity (吨): typed, then applied together (Enter
 * or the button), so a search does not run for every keystroke. Empty means no bound.
 */
function RangeFilters({ t, values, onApply }: { t: Translate; values: Partial<Record<RangeKey, number>>; onApply: (ranges: Record<RangeKey, number | undefined>) => void }) {
  const [draft, setDraft] = useState<Record<RangeKey, string>>(
    () => Object.fromEntries(RANGE_KEYS.map((k) => [k, values[k] === undefined ? "" : String(values[k])])) as Record<RangeKey, string>,
  );
  const parsed = Object.fromEntries(RANGE_KEYS.map((k) => {
    const text = draft[k].trim();
    const value = text === "" ? undefined : Number(text);
    return [k, value];
  })) as Record<RangeKey, number | undefined>;
  const invalid = RANGE_KEYS.filter((k) => parsed[k] !== undefined && !(Number.isFinite(parsed[k]) && parsed[k]! >= 0 && parsed[k]! <= RANGES[k]));
  const field = (key: RangeKey, label: string, unit: string) => (
    <label className="block min-w-0 flex-1">
      <span className="mb-0.5 block text-xs text-slate-600">{label}</span>
      <span className="flex items-center gap-1">
        <input
          type="number"
          inputMode="decimal"
          min={0}
          max={RANGES[key]}
          step="any"
          value={draft[key]}
          aria-invalid={invalid.includes(key) || undefined}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
          className={`${inputClass} w-full py-1`}
        />
        <span className="shrink-0 text-xs text-slate-500">{unit}</span>
      </span>
    </label>
  );
  return (
    <form
      role="group"
      aria-label={t("search_refine.ranges")}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (invalid.length === 0) onApply(parsed);
      }}
    >
      <fieldset className="space-y-1">
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("search_refine.purity")}</legend>
        <div className="flex gap-2">{field("minPurity", t("search_refine.min"), "%")}{field("maxPurity", t("search_refine.max"), "%")}</div>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("search_refine.price")}</legend>
        <div className="flex gap-2">{field("minPrice", t("search_refine.min"), t("search_refine.yuan_per_tonne"))}{field("maxPrice", t("search_refine.max"), t("search_refine.yuan_per_tonne"))}</div>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("search_refine.available")}</legend>
        {field("minAvailable", t("search_refine.at_least"), t("search_refine.tonnes"))}
      </fieldset>
      {invalid.length ? <p className="text-xs text-red-700" role="alert">{t("search_refine.invalid")}</p> : null}
      <Button type="submit" variant="secondary" size="sm">{t("search_refine.apply")}</Button>
    </form>
  );
}

/** Substances whose products share words with the exact name searched: apart from the hits, each a search of its own. */
function Related({ t, locale, related, onPick }: { t: Translate; locale: "zh" | "en"; related: ProductSearchResult["related"]; onPick: (q: string) => void }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-3 text-sm">
      <h2 id={id} className="font-semibold text-slate-700">{t("search_refine.related")}</h2>
      <p className="mb-2 text-xs text-slate-500">{t("search_refine.related_hint")}</p>
      <ul className="flex flex-wrap gap-2">
        {related.map((r) => {
          const name = (locale === "en" ? r.nameEn ?? r.nameZh : r.nameZh ?? r.nameEn) ?? r.q;
          return (
            <li key={r.q}>
              <button type="button" onClick={() => onPick(r.q)} className="rounded-full border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-100">
                <span translate="no">{name}</span>
                {r.cas ? <span className="ml-1 font-mono text-xs text-slate-500">{r.cas}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Pager({ page, pages, t, onPage }: { page: number; pages: number; t: Translate; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav className="flex items-center justify-between gap-2" aria-label={t("search.pages")}>
      <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>{t("pagination.previous")}</Button>
      <span className="text-sm text-slate-600">{t("pagination.status", { page, pages: formatNumber(pages, "zh") })}</span>
      <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>{t("pagination.next")}</Button>
    </nav>
  );
}
