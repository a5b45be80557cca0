import type { Metadata } from "next";
import Link from "next/link";
import { formatQuantity } from "@/app/_components/listing-bits";
import { queryId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, EmptyState, PageHeader, Table, buttonClass, td, th } from "@/app/_components/ui";
import { chinaDay, formatCny } from "@/i18n";
import { getT } from "@/i18n/server";
import { parkName as parkNameIn, substanceName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { INDUSTRY_CHAINS } from "@/server/enterprises/enterprise.schemas";
import { ChainGraph, type GraphLink, type GraphNode } from "../../graph";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("chain_map.substance_title") };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REASON_TONE = { no_supplier: "red", below_spec: "amber", licence_expired: "amber", shortfall: "amber" } as const;

/** One substance in the park: in-park producers, consumers, sources outside the park, the signed flows and the gap. */
export default async function SubstanceViewPage({ params, searchParams }: {
  params: Promise<{ cas: string }>; searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { t, locale } = await getT();
  const { cas } = await params;
  const q = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  const here = `/park/chain-map/substance/${encodeURIComponent(decodeURIComponent(cas))}`;
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from={here} />;
  const parkId = queryId(q.park) || me.park?.id || (await caller.park.choices({ purpose: "manage" })).parks[0]?.id;
  if (!parkId) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const from = q.from && DATE.test(q.from) ? q.from : undefined;
  const to = q.to && DATE.test(q.to) ? q.to : undefined;
  const result = await attempt(() => caller.chainMap.substance({ parkId, cas: decodeURIComponent(cas), from, to }));
  if (!result.ok) return <Refusal failure={result} from={here} />;
  const v = result.data;
  const money = (n: number) => formatCny(n, locale);
  const qty = (n: number) => formatQuantity(n, "t", locale);
  const name = substanceName({ nameZh: v.substance.name, nameEn: v.substance.nameEn }, locale);
  // an enterprise by its English name in English where it has one, else as registered
  const nameOf = (e: { name: string; nameEn: string | null }) => (locale === "en" && e.nameEn ? e.nameEn : e.name);
  const centre = `s:${v.substance.cas}`;

  // producers and sellers → the substance → consumers; a gap → the buyers that need it
  const maxAmount = Math.max(1, ...v.flows.map((f) => f.amountCny));
  const nodes = new Map<string, GraphNode>([[centre, { id: centre, name, kind: "substance", chain: null, weight: 1, href: null, tip: [`${name} (${v.substance.cas})`] }]]);
  const links: GraphLink[] = [];
  const enterprise = (e: { enterpriseId: number; name: string; nameEn: string | null; chains: string[]; park: { id: number; name: string } | null }, tip: string[]) => {
    const id = `e:${e.enterpriseId}`;
    const inPark = e.park?.id === v.park.id;
    const node = nodes.get(id);
    if (node) node.tip.push(...tip.slice(1));
    else nodes.set(id, { id, name: nameOf(e), kind: inPark ? "enterprise" : "external", chain: e.chains[0] ?? null, weight: 0, href: `/enterprises/${e.enterpriseId}`, tip });
    return id;
  };
  for (const p of v.producers) {
    const id = enterprise(p, [nameOf(p), t("chain_map.tip_produces", { products: p.products.map((x) => x.name).join(locale === "zh" ? "、" : ", ") })]);
    links.push({ source: id, target: centre, weight: 0, kind: "in_park", tip: [t("chain_map.producer")] });
  }
  for (const s of [...v.inParkSellers, ...v.externalSources]) {
    const id = enterprise(s, [nameOf(s), t("chain_map.tip_sold", { qty: qty(s.tonnes), amount: money(s.amountCny) })]);
    nodes.get(id)!.weight = Math.max(nodes.get(id)!.weight, s.amountCny / maxAmount);
    if (!links.some((l) => l.source === id)) links.push({ source: id, target: centre, weight: s.amountCny / maxAmount, kind: nodes.get(id)!.kind === "external" ? "external" : "in_park", tip: [nameOf(s), t("chain_map.tip_sold", { qty: qty(s.tonnes), amount: money(s.amountCny) })] });
  }
  for (const c of v.consumers) {
    const tip = [nameOf(c), ...(c.bought ? [t("chain_map.tip_bought", { qty: qty(c.bought.tonnes), amount: money(c.bought.amountCny) })] : []),
      ...(c.openDemand ? [t("chain_map.tip_demand", { qty: qty(c.openDemand.demandT), demands: c.openDemand.demands })] : [])];
    const id = enterprise(c, tip);
    if (c.bought) nodes.get(id)!.weight = Math.max(nodes.get(id)!.weight, c.bought.amountCny / maxAmount);
    links.push({ source: centre, target: id, weight: (c.bought?.amountCny ?? 0) / maxAmount, kind: "in_park", tip });
  }
  if (v.gap) {
    nodes.set("gap", { id: "gap", name: t("chain_map.legend_gap"), kind: "gap", chain: null, weight: 1, href: null, tip: [t("chain_map.tip_gap", { qty: qty(v.gap.demandT), buyers: v.gap.buyers.length }), v.gap.reason[locale]] });
    for (const b of v.gap.buyers) links.push({ source: "gap", target: `e:${b.enterpriseId}`, weight: 0, kind: "gap", tip: [t("chain_map.tip_gap_link", { qty: qty(b.demandT), demands: b.demands })] });
  }
  const graphNodes = [...nodes.values()];
  const empty = v.producers.length + v.consumers.length + v.flows.length === 0 && !v.gap;

  return (
    <div className="space-y-6">
      <PageHeader
        title={name}
        description={t("chain_map.substance_description", { cas: v.substance.cas, park: parkNameIn(v.park, locale) })}
        actions={<Link href={`/park/chain-map?park=${parkId}`} className={buttonClass("secondary")}>{t("chain_map.back")}</Link>}
      />
      {empty ? <EmptyState title={t("chain_map.substance_empty")} /> : (
        <Card title={t("chain_map.graph_title")}>
          <ChainGraph nodes={graphNodes} links={links} chains={[...INDUSTRY_CHAINS]} label={t("chain_map.substance_graph_label", { name })}
            filename={`chain-map-${v.park.code}-${v.substance.cas}-${chinaDay()}.png`} height={420} />
        </Card>
      )}

      {v.gap ? (
        <Card title={t("chain_map.gap_title")}>
          <div data-testid="substance-gap">
            <Badge tone={REASON_TONE[v.gap.reason.code]}>{t(`allocation.reason_${v.gap.reason.code}`)}</Badge>
            <span className="ml-2 text-sm text-slate-700">{v.gap.reason[locale]} · {qty(v.gap.demandT)}</span>
          </div>
        </Card>
      ) : null}

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title={t("chain_map.producers")}>
          {v.producers.length === 0 ? <EmptyState title={t("chain_map.no_producers")} /> : (
            <ul className="space-y-2 text-sm" data-testid="substance-producers">
              {v.producers.map((p) => (
                <li key={p.enterpriseId}>
                  <Link className="font-medium hover:text-brand-700" href={`/enterprises/${p.enterpriseId}`} translate="no">{nameOf(p)}</Link>
                  <div className="text-xs text-slate-600" translate="no">{p.products.map((x) => `${x.name}${x.purityPct !== null ? ` ${x.purityPct}%` : ""}`).join(locale === "zh" ? "、" : ", ")}</div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("chain_map.external_sources")}>
          {v.externalSources.length === 0 ? <EmptyState title={t("chain_map.no_external_sources")} /> : (
            <ul className="space-y-2 text-sm" data-testid="substance-external">
              {v.externalSources.map((s) => (
                <li key={s.enterpriseId}>
                  <Link className="font-medium hover:text-brand-700" href={`/enterprises/${s.enterpriseId}`} translate="no">{nameOf(s)}</Link>
                  <div className="text-xs text-slate-600">{s.park ? t("chain_map.tip_other_park", { park: parkNameIn(s.park, locale) }) : t("chain_map.tip_no_park")} · {qty(s.tonnes)} · {money(s.amountCny)}</div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card title={t("chain_map.consumers")}>
        {v.consumers.length === 0 ? <EmptyState title={t("chain_map.no_consumers")} /> : (
          <Table caption={t("chain_map.consumers")}>
            <thead><tr>
              <th className={th}>{t("agreement.buyer_short")}</th><th className={th}>{t("chain_map.contracted")}</th>
              <th className={th}>{t("chain_map.delivered")}</th><th className={th}>{t("dashboard.amount")}</th><th className={th}>{t("chain_map.open_demand")}</th>
            </tr></thead>
            <tbody className="divide-y divide-slate-100" data-testid="substance-consumers">
              {v.consumers.map((c) => (
                <tr key={c.enterpriseId}>
                  <td className={`${td} min-w-32`}><Link className="hover:text-brand-700" href={`/enterprises/${c.enterpriseId}`} translate="no">{nameOf(c)}</Link></td>
                  <td className={td}>{c.bought ? qty(c.bought.tonnes) : "—"}</td>
                  <td className={td}>{c.bought ? qty(c.bought.deliveredTonnes) : "—"}</td>
                  <td className={`${td} whitespace-nowrap`}>{c.bought ? money(c.bought.amountCny) : "—"}</td>
                  <td className={td}>{c.openDemand ? qty(c.openDemand.demandT) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
