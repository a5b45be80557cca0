import type { Metadata } from "next";
import Link from "next/link";
import { formatQuantity } from "@/app/_components/listing-bits";
import { queryId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, EmptyState, PageHeader, Stat, Table, buttonClass, inputClass, td, th } from "@/app/_components/ui";
import { chinaDay, formatCny, formatNumber, type Locale, type Translate } from "@/i18n";
import { getT } from "@/i18n/server";
import { chainName, chainNames, isTranslated, parkName as parkNameIn, substanceName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import type { ChainMap, ChainMapGap, ChainMapParty } from "@/server/reports/chain-map";
import { ChainGraph, type GraphLink, type GraphNode } from "./graph";
import { substanceHref } from "./links";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("chain_map.title") };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An enterprise by its English name in English where it has one, else as registered. */
const nameIn = (p: { name: string; nameEn: string | null }, locale: Locale) => (locale === "en" && p.nameEn ? p.nameEn : p.name);
const REASON_TONE = { no_supplier: "red", below_spec: "amber", licence_expired: "amber", shortfall: "amber" } as const;

/** The graph's nodes and links: one link per seller → buyer pair (its substances in the tooltip), gaps joined to their buyers. */
function graphOf(map: ChainMap, t: Translate, locale: Locale): { nodes: GraphNode[]; links: GraphLink[] } {
  const money = (n: number) => formatCny(n, locale);
  const qty = (n: number) => formatQuantity(n, "t", locale);
  const parties = map.nodes.filter((n): n is ChainMapParty => n.kind === "enterprise" || n.kind === "external");
  const partyName = new Map(parties.map((p) => [p.enterpriseId, nameIn(p, locale)]));
  const gaps = map.nodes.filter((n): n is ChainMapGap => n.kind === "gap");
  const maxAmount = Math.max(1, ...parties.map((p) => p.signedAmountCny));
  const maxGap = Math.max(1, ...gaps.map((g) => g.demandT));
  const nodes: GraphNode[] = [
    ...parties.map((p) => ({
      id: p.id, name: nameIn(p, locale), kind: p.kind, chain: p.chain, weight: p.signedAmountCny / maxAmount, href: `/enterprises/${p.enterpriseId}`,
      tip: [
        nameIn(p, locale),
        p.kind === "external" ? (p.park ? t("chain_map.tip_other_park", { park: parkNameIn(p.park, locale) }) : t("chain_map.tip_no_park")) : chainNames(p.chains, locale) || t("chain_map.legend_no_chain"),
        t("chain_map.tip_amounts", { bought: money(p.purchaseAmountCny), sold: money(p.salesAmountCny) }),
      ],
    })),
    ...gaps.map((g) => ({
      id: g.id, name: substanceName({ nameZh: g.name, nameEn: g.nameEn }, locale), kind: "gap" as const, chain: null, weight: g.demandT / maxGap, href: g.cas ? substanceHref(map.park.id, g.cas) : null,
      tip: [`${substanceName({ nameZh: g.name, nameEn: g.nameEn }, locale)}${g.cas ? ` (${g.cas})` : ""}`, t("chain_map.tip_gap", { qty: qty(g.demandT), buyers: g.buyers }), g.reason[locale]],
    })),
  ];
  const pairs = new Map<string, { source: string; target: string; seller: string; buyer: string; amount: number; inPark: boolean; lines: string[] }>();
  for (const e of map.edges) {
    const key = `${e.source}>${e.target}`;
    const pair = pairs.get(key) ?? { source: e.source, target: e.target, seller: partyName.get(e.sellerId) ?? e.seller, buyer: partyName.get(e.buyerId) ?? e.buyer, amount: 0, inPark: e.inPark, lines: [] };
    pair.amount += e.amountCny;
    const name = locale === "en" ? e.substanceEn ?? e.substance : e.substance;
    pair.lines.push(t("chain_map.tip_flow", { substance: e.cas ? `${name} (${e.cas})` : name, qty: qty(e.tonnes), delivered: qty(e.deliveredTonnes), amount: money(e.amountCny) }));
    pairs.set(key, pair);
  }
  const maxPair = Math.max(1, ...[...pairs.values()].map((p) => p.amount));
  const links: GraphLink[] = [
    ...[...pairs.values()].map((p) => ({
      source: p.source, target: p.target, weight: p.amount / maxPair, kind: p.inPark ? "in_park" as const : "external" as const,
      tip: [`${p.seller} → ${p.buyer}`, ...p.lines],
    })),
    ...map.gapLinks.map((l) => ({
      source: l.gapId, target: `e:${l.buyerId}`, weight: 0, kind: "gap" as const,
      tip: [t("chain_map.tip_gap_link", { qty: qty(l.demandT), demands: l.demands })],
    })),
  ];
  return { nodes, links };
}

/** 产业链图谱: the park's enterprises, who sells what to whom in and out of the park, and the gaps, with filters in the URL. */
export default async function ChainMapPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const q = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/park/chain-map" />;
  const { parks } = await caller.park.choices({ purpose: "manage" });
  const parkId = queryId(q.park) || me.park?.id || parks[0]?.id;
  if (!parkId) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const from = q.from && DATE.test(q.from) ? q.from : undefined;
  const to = q.to && DATE.test(q.to) ? q.to : undefined;
  const chain = q.chain?.trim().slice(0, 20) || undefined;
  const result = await attempt(() => caller.chainMap.map({ parkId, from, to, chain }));
  if (!result.ok) return <Refusal failure={result} from="/park/chain-map" />;
  const map = result.data;
  const query = new URLSearchParams({ park: String(parkId) });
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  if (chain) query.set("chain", chain);
  const parkName = parkNameIn(map.park, locale);
  const gaps = map.nodes.filter((n): n is ChainMapGap => n.kind === "gap");
  const names = new Map(map.nodes.filter((n): n is ChainMapParty => n.kind !== "gap" && n.kind !== "substance").map((n) => [n.enterpriseId, nameIn(n, locale)]));
  const { nodes, links } = graphOf(map, t, locale);
  const empty = map.edges.length === 0 && gaps.length === 0;
  // a substance shown by its Chinese name in English (no English one in the dictionary) is user content
  const marked = (x: { name: string; nameEn: string | null }) => (isTranslated(substanceName({ nameZh: x.name, nameEn: x.nameEn }, locale), locale) ? undefined : "no" as const);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("chain_map.title")}
        description={t("chain_map.description", { park: parkName })}
        actions={
          <>
            <Link href={`/park/allocation?park=${parkId}`} className={buttonClass("secondary")}>{t("nav.allocation")}</Link>
            <a href={`/api/reports/chain-map?${query}`} className={buttonClass()} download>{t("chain_map.export_xlsx")}</a>
          </>
        }
      />
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" action="/park/chain-map" aria-label={t("chain_map.filters")}>
        {parks.length > 1 ? (
          <div>
            <label htmlFor="park" className="mb-1 block text-sm font-medium text-slate-700">{t("directory.park_label")}</label>
            <select id="park" name="park" defaultValue={parkId} className={inputClass}>
              {parks.map((p) => <option key={p.id} value={p.id} translate={locale === "en" && p.nameEn ? undefined : "no"}>{parkNameIn(p, locale)}</option>)}
            </select>
          </div>
        ) : <input type="hidden" name="park" value={parkId} />}
        <div>
          <label htmlFor="chain" className="mb-1 block text-sm font-medium text-slate-700">{t("dashboard.chain")}</label>
          <select id="chain" name="chain" defaultValue={chain ?? ""} className={inputClass}>
            <option value="">{t("common.all")}</option>
            {map.chains.map((c) => <option key={c} value={c}>{chainName(c, locale)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="mb-1 block text-sm font-medium text-slate-700">{t("dashboard.from")}</label>
          <input id="from" name="from" type="date" defaultValue={from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="mb-1 block text-sm font-medium text-slate-700">{t("dashboard.to")}</label>
          <input id="to" name="to" type="date" defaultValue={to} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass()}>{t("dashboard.apply")}</button>
        {from || to || chain ? <Link href={`/park/chain-map?park=${parkId}`} className={buttonClass("ghost")}>{t("dashboard.reset")}</Link> : null}
      </form>

      <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
        <Stat label={t("chain_map.stat_enterprises")} value={formatNumber(map.totals.enterprises, locale)} />
        <Stat label={t("chain_map.stat_externals")} value={formatNumber(map.totals.externals, locale)} />
        <Stat label={t("chain_map.stat_flows")} value={formatNumber(map.totals.edges, locale)} hint={formatQuantity(map.totals.tonnes, "t", locale)} />
        <Stat label={t("chain_map.stat_amount")} value={formatCny(map.totals.amountCny, locale)} hint={t("chain_map.stat_in_park", { amount: formatCny(map.totals.inParkAmountCny, locale) })} />
        <Stat label={t("chain_map.stat_gaps")} value={formatNumber(map.totals.gaps, locale)} />
      </div>
      <p className="text-sm text-slate-600">{t("chain_map.rule")}</p>

      {empty ? (
        <EmptyState title={t("chain_map.empty")}>{t("chain_map.empty_hint")}</EmptyState>
      ) : (
        <>
          <Card title={t("chain_map.graph_title")}>
            <ChainGraph nodes={nodes} links={links} chains={map.chains} label={t("chain_map.graph_label", { park: parkName })}
              filename={`chain-map-${map.park.code}-${chinaDay()}.png`} height={nodes.length > 80 ? 680 : 560} />
          </Card>

          <Card title={t("chain_map.gaps_title")}>
            <p className="mb-3 text-sm text-slate-600">{t("chain_map.gaps_description")}</p>
            {gaps.length === 0 ? <EmptyState title={t("chain_map.no_gaps")} /> : (
              <Table caption={t("chain_map.gaps_title")}>
                <thead><tr>
                  <th className={th}>{t("allocation.substance")}</th><th className={th}>{t("allocation.reason")}</th>
                  <th className={th}>{t("allocation.buyers")}</th><th className={th}>{t("chain_map.demand_t")}</th>
                </tr></thead>
                <tbody className="divide-y divide-slate-100" data-testid="chain-gaps">
                  {gaps.map((g) => (
                    <tr key={g.id}>
                      <td className={`${td} min-w-32`}>
                        {g.cas ? <Link className="text-brand-700 hover:underline" href={substanceHref(parkId, g.cas)} translate={marked(g)}>{substanceName({ nameZh: g.name, nameEn: g.nameEn }, locale)}</Link>
                          : <span translate="no">{g.name}</span>}
                        {g.cas ? <div className="font-mono text-xs text-slate-500">{g.cas}</div> : null}
                      </td>
                      <td className={td}>
                        <Badge tone={REASON_TONE[g.reason.code]}>{t(`allocation.reason_${g.reason.code}`)}</Badge>
                        {g.reason.code !== "no_supplier" ? <div className="mt-1 text-xs text-slate-600">{g.reason[locale]}</div> : null}
                      </td>
                      <td className={td}>
                        <ul className="space-y-0.5">
                          {map.gapLinks.filter((l) => l.gapId === g.id).map((l) => (
                            <li key={l.buyerId}><Link className="hover:text-brand-700" href={`/enterprises/${l.buyerId}`} translate="no">{names.get(l.buyerId)}</Link></li>
                          ))}
                        </ul>
                      </td>
                      <td className={`${td} whitespace-nowrap`}>{formatQuantity(g.demandT, "t", locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>

          <Card title={t("chain_map.flows_title")}>
            {map.edges.length === 0 ? <EmptyState title={t("chain_map.no_flows")} /> : (
              <div className="relative max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-label={t("chain_map.flows_title")}>
                {/* one box scrolls both ways, reachable by keyboard (not a Table's own box inside it) */}
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">{t("chain_map.flows_title")}</caption>
                  <thead><tr>
                    <th className={th}>{t("agreement.seller_short")}</th><th className={th}>{t("agreement.buyer_short")}</th>
                    <th className={th}>{t("allocation.substance")}</th><th className={th}>{t("chain_map.contracted")}</th>
                    <th className={th}>{t("chain_map.delivered")}</th><th className={th}>{t("dashboard.amount")}</th>
                  </tr></thead>
                  <tbody className="divide-y divide-slate-100" data-testid="chain-flows">
                    {map.edges.map((e) => (
                      <tr key={`${e.source}-${e.target}-${e.cas ?? e.substance}`}>
                        <td className={`${td} min-w-32`}><Link className="hover:text-brand-700" href={`/enterprises/${e.sellerId}`} translate="no">{names.get(e.sellerId) ?? e.seller}</Link></td>
                        <td className={`${td} min-w-32`}>
                          <Link className="hover:text-brand-700" href={`/enterprises/${e.buyerId}`} translate="no">{names.get(e.buyerId) ?? e.buyer}</Link>
                          {e.inPark ? null : <div><Badge tone="slate">{t("chain_map.crosses_park")}</Badge></div>}
                        </td>
                        <td className={td}>
                          {e.cas ? <Link className="text-brand-700 hover:underline" href={substanceHref(parkId, e.cas)} translate={marked({ name: e.substance, nameEn: e.substanceEn })}>{substanceName({ nameZh: e.substance, nameEn: e.substanceEn }, locale)}</Link>
                            : <span translate="no">{e.substance}</span>}
                          {e.cas ? <div className="font-mono text-xs text-slate-500">{e.cas}</div> : null}
                        </td>
                        <td className={`${td} whitespace-nowrap`}>{formatQuantity(e.tonnes, "t", locale)}</td>
                        <td className={`${td} whitespace-nowrap`}>{formatQuantity(e.deliveredTonnes, "t", locale)}</td>
                        <td className={`${td} whitespace-nowrap`}>{formatCny(e.amountCny, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
