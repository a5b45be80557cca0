import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, ButtonLink, Card, EmptyState, Notice, Stat, Table, td, th } from "@/app/_components/ui";
import { formatCny, formatDate, formatDateTime, formatNumber, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { AgreementStatusBadge } from "../status";
import { DealHeader } from "../headings";
import { enterpriseName, ParkName, ProductLabel } from "../names";
import { messageWith, UserText } from "@/app/_components/user-text";
import { CallOffForm, DeliveryForm, DocumentUpload, SigningAction, StatusActions } from "./forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("agreement.detail_title") };
}

/** One agreement: parties, lines, term, event, state changes, call-offs with fulfilment, documents, history. */
export default async function AgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const result = await attempt(async () => (await api()).agreement.byId({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/agreements/${id}`} />;
  const a = result.data;
  const tonnes = (n: number | string | null) => (n === null ? "—" : `${formatNumber(Number(n), locale)} ${t("deals.tonnes")}`);
  const inPark = a.buyer.parkId !== null && a.buyer.parkId === a.seller.parkId;

  return (
    <div className="space-y-6">
      <DealHeader
        title={<UserText>{a.title}</UserText>}
        description={`${a.ref} · ${t(`agreement.type.${a.type}`)}`}
        actions={<div className="flex flex-wrap items-center gap-2"><AgreementStatusBadge status={a.status} t={t} />{a.allowed.edit ? <ButtonLink href={`/agreements/${a.id}/edit`} variant="secondary" size="sm">{t("agreement.edit_draft")}</ButtonLink> : null}{a.allowed.propose || a.allowed.confirm ? <SigningAction id={a.id} mode={a.allowed.confirm ? "confirm" : "propose"} totalAmountCny={a.totalAmountCny} amount={formatCny(a.totalAmountCny, locale)} blocked={a.signing.blocked} /> : null}{a.allowed.transitions.length ? <StatusActions id={a.id} transitions={a.allowed.transitions} today={a.today} /> : null}</div>}
      />
      {a.status === "draft" && a.signing.proposedBySide ? (
        <Notice tone="info">
          {messageWith(t, "agreement.signing.awaiting", {
            proposer: enterpriseName(a.signing.proposedBySide === "buyer" ? a.buyer : a.seller, locale),
            other: enterpriseName(a.signing.proposedBySide === "buyer" ? a.seller : a.buyer, locale),
          }, { amount: formatCny(a.totalAmountCny, locale) })}
        </Notice>
      ) : null}
      {a.warnings.map((w) => (
        <Notice key={w} tone="warning">{t(`agreement.warning.${w}`, { days: a.daysLeft ?? 0, date: formatDate(a.endOn, locale) })}</Notice>
      ))}
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t("agreement.amount")} value={formatCny(a.totalAmountCny, locale)} />
        <Stat label={t("agreement.signed_on")} value={formatDate(a.signedOn, locale)} />
        <Stat label={t("agreement.term")} value={a.startOn || a.endOn ? `${formatDate(a.startOn, locale)} – ${formatDate(a.endOn, locale)}` : "—"} />
        {a.type === "framework" ? (
          <Stat label={t("agreement.fulfilment")} value={a.fulfilment.rate === null ? "—" : `${Math.round(a.fulfilment.rate * 1000) / 10}%`}
            hint={t("agreement.fulfilment_hint", { called: tonnes(a.fulfilment.calledOffT), agreed: tonnes(a.fulfilment.agreedT) })} />
        ) : (
          // the event's name is user content: Stat takes a string, so the same box by hand
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="text-sm text-slate-500">{t("agreement.event")}</div>
            <div className="mt-1 break-words text-base font-semibold text-slate-900">{a.event ? <Link className="text-brand-700 hover:underline" href={`/events/${a.event.id}`} translate="no">{a.event.name}</Link> : "—"}</div>
          </div>
        )}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Card title={t("agreement.parties")}>
          <dl className="space-y-3 text-sm">
            {([["buyer", a.buyer], ["seller", a.seller]] as const).map(([side, p]) => (
              <div key={side}>
                <dt className="text-slate-500">{t(`agreement.${side}`)}</dt>
                <dd>
                  <Link className="hover:text-brand-700" href={`/enterprises/${p.enterpriseId}`} translate="no">{enterpriseName(p, locale)}</Link>{" "}
                  <span className="text-xs text-slate-500">{p.parkName ? <ParkName park={{ name: p.parkName, nameEn: p.parkNameEn }} locale={locale} /> : t("directory.external")}</span>
                  {side === "seller" && inPark ? <span className="ml-2"><Badge tone="green">{t("deals.in_park")}</Badge></span> : null}
                </dd>
              </div>
            ))}
            {a.event ? <div><dt className="text-slate-500">{t("agreement.event")}</dt><dd><Link className="text-brand-700 hover:underline" href={`/events/${a.event.id}`} translate="no">{a.event.name}</Link></dd></div> : null}
            {a.signing.proposedAt ? <div><dt className="text-slate-500">{t("agreement.signing.proposed_by")}</dt><dd><span translate="no">{a.signing.proposedBy ?? "—"}</span> <span className="text-xs text-slate-500">{formatDate(a.signing.proposedAt, locale)}</span></dd></div> : null}
            {a.signing.confirmedAt ? <div><dt className="text-slate-500">{t("agreement.signing.confirmed_by")}</dt><dd><span translate="no">{a.signing.confirmedBy ?? "—"}</span> <span className="text-xs text-slate-500">{formatDate(a.signing.confirmedAt, locale)}</span></dd></div> : null}
            {a.inquiryId ? <div><dt className="text-slate-500">{t("agreement.from_inquiry")}</dt><dd><Link className="text-brand-700 hover:underline" href={`/inquiries/${a.inquiryId}`}>{t("agreement.open_inquiry")}</Link></dd></div> : null}
            {a.notes ? <div><dt className="text-slate-500">{t("agreement.notes")}</dt><dd className="whitespace-pre-wrap break-words" data-testid="agreement-notes" translate="no">{a.notes}</dd></div> : null}
          </dl>
        </Card>
        <Card title={t("agreement.documents")}>
          {a.documents.length === 0 ? <EmptyState title={t("agreement.no_documents")} /> : (
            <ul className="space-y-1 text-sm">
              {a.documents.map((d) => (
                <li key={d.id}><a className="text-brand-700 underline" href={`/api/agreements/documents/${d.id}`} download translate="no">📄 {d.filename}</a> <span className="text-xs text-slate-500">{formatDate(d.createdAt, locale)}</span></li>
              ))}
            </ul>
          )}
          {a.allowed.upload ? <DocumentUpload agreementId={a.id} /> : null}
        </Card>
      </div>
      <Card title={t("agreement.lines")}>
        <Table caption={t("agreement.lines")}>
          <thead>
            <tr>
              <th className={th}>#</th><th className={th}>{t("agreement.product")}</th><th className={th}>CAS</th>
              <th className={th}>{t("agreement.volume")}</th><th className={th}>{t("agreement.unit_price")}</th><th className={th}>{t("agreement.line_amount")}</th>
              {a.type === "framework" ? <><th className={th}>{t("agreement.called_off")}</th><th className={th}>{t("agreement.remaining")}</th></> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {a.lines.map((l) => (
              <tr key={l.id}>
                <td className={td}>{l.lineNo}</td>
                <td className={`${td} min-w-40`}><ProductLabel productName={l.productName} substance={l.substance} locale={locale} /> {l.substance ? <HazardBadges flags={l.substance} t={t} /> : null}{l.controlled ? <div className="text-xs text-red-700">{t("agreement.in_ledger")}</div> : null}</td>
                <td className={`${td} font-mono text-xs`}>{l.cas ?? "—"}</td>
                <td className={td}>{tonnes(l.volumeT)}</td>
                <td className={td}>{l.unitPriceCny === null ? "—" : `${formatYuan(l.unitPriceCny, locale)}/${t("deals.tonne")}`}</td>
                <td className={td}>{formatCny(l.amountCny, locale)}</td>
                {a.type === "framework" ? <><td className={td}>{tonnes(l.calledOffT)}</td><td className={td}>{tonnes(l.remainingT)}</td></> : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      {a.type === "framework" ? (
        <Card title={t("agreement.call_offs")}>
          {a.callOffs.length === 0 ? <EmptyState title={t("agreement.no_call_offs")}>{a.status !== "active" ? t("agreement.call_offs_need_active") : null}</EmptyState> : (
            <Table caption={t("agreement.call_offs")}>
              <thead>
                <tr>
                  <th className={th}>{t("agreement.ordered_on")}</th><th className={th}>{t("agreement.product")}</th><th className={th}>{t("agreement.ordered")}</th>
                  <th className={th}>{t("agreement.due_on")}</th><th className={th}>{t("agreement.delivered")}</th><th className={th}>{t("agreement.delivered_on")}</th>
                  {a.allowed.delivery ? <th className={th}><span className="sr-only">{t("agreement.record_delivery")}</span></th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {a.callOffs.map((c) => (
                  <tr key={c.id}>
                    <td className={td}>{formatDate(c.orderedOn, locale)}</td>
                    <td className={`${td} min-w-32`}>{(() => { const l = a.lines.find((x) => x.id === c.lineId); return l ? <ProductLabel productName={l.productName} substance={l.substance} locale={locale} /> : "—"; })()}</td>
                    <td className={td}>{tonnes(c.orderedT)}</td>
                    <td className={td}>{formatDate(c.dueOn, locale)}</td>
                    <td className={td}>{tonnes(c.deliveredT)}</td>
                    <td className={td}>{formatDate(c.deliveredOn, locale)}</td>
                    {a.allowed.delivery ? (
                      <td className={td}>
                        <DeliveryForm target={{ callOffId: c.id }} idPrefix={`call-off-${c.id}`} controlled={a.lines.find((l) => l.id === c.lineId)?.controlled ?? (a.lines.length === 1 && a.lines[0]!.controlled)}
                          minDate={c.orderedOn} today={a.today} defaultQuantity={Math.max(0, Math.round((Number(c.orderedT) - Number(c.deliveredT)) * 1000) / 1000)} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {a.allowed.callOff ? (
            <CallOffForm
              agreementId={a.id}
              today={a.today}
              endOn={a.endOn}
              startOn={a.startOn}
              lines={a.lines.map((l) => ({ id: l.id, name: (locale === "en" ? l.substance?.nameEn : null) ?? l.productName ?? l.cas ?? `#${l.lineNo}`, agreedT: l.agreedT, calledOffT: l.calledOffT }))}
            />
          ) : null}
        </Card>
      ) : null}
      <Card title={t("agreement.shipments")}>
        <p className="mb-3 text-sm text-slate-600">
          {t("agreement.delivered_total")}: <strong>{tonnes(a.fulfilment.deliveredT)}</strong> <span className="text-xs text-slate-500">{t("agreement.delivered_total_hint")}</span>
        </p>
        {a.shipments.length === 0 ? <EmptyState title={t("agreement.no_shipments")} /> : (
          <Table caption={t("agreement.shipments")}>
            <thead>
              <tr>
                <th className={th}>{t("ledger.record")}</th><th className={th}>{t("agreement.delivered_on")}</th><th className={th}>{t("agreement.product")}</th>
                <th className={th}>{t("agreement.delivered")}</th><th className={th}>{t("agreement.purpose")}</th><th className={th}>{t("ledger.agent")}</th>
                {a.allowed.delivery ? <th className={th}><span className="sr-only">{t("agreement.correct")}</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {a.shipments.map((s) => (
                <tr key={s.id} className={s.correctedBy ? "text-slate-400" : undefined}>
                  <td className={td}>
                    <span className="font-mono text-xs">#{s.id}</span>
                    {s.correctsId ? <div><Badge tone="amber">{t("agreement.corrects", { id: s.correctsId })}</Badge></div> : null}
                    {s.correctedBy ? <div><Badge tone="slate">{t("agreement.corrected_by", { id: s.correctedBy })}</Badge></div> : null}
                  </td>
                  <td className={td}>{formatDate(s.deliveredOn, locale)}</td>
                  <td className={`${td} min-w-32`}><ProductLabel productName={s.substanceName} substance={s.substanceNameEn ? { nameZh: s.substanceName, nameEn: s.substanceNameEn } : null} locale={locale} /> <span className="font-mono text-xs text-slate-500">{s.cas ?? ""}</span></td>
                  <td className={td}>{tonnes(s.quantityT)}</td>
                  <td className={td}><span translate="no">{s.purpose ?? "—"}</span>{s.reason ? <div className="text-xs text-slate-500" translate="no">{s.reason}</div> : null}</td>
                  <td className={td}><span translate="no">{s.agentName ?? "—"}</span><div className="font-mono text-xs text-slate-500">{s.agentIdNumber ?? ""}</div></td>
                  {a.allowed.delivery ? (
                    <td className={td}>
                      {s.correctedBy ? null : (
                        <DeliveryForm target={{ correctsId: s.id }} idPrefix={`correct-${s.id}`} controlled={a.lines.find((l) => l.id === s.lineId)?.controlled ?? false}
                          minDate={a.callOffs.find((c) => c.id === s.callOffId)?.orderedOn ?? a.signedOn} today={a.today} defaultQuantity={Number(s.quantityT)} />
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {a.type !== "framework" && a.allowed.delivery ? (
          <div className="mt-4 space-y-2 border-t border-slate-100 pt-4">
            {a.lines.map((l) => (
              <div key={l.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="text-slate-600">{t("agreement.shipment_line")} {l.lineNo} · {l.productName || l.substance ? <ProductLabel productName={l.productName} substance={l.substance} locale={locale} /> : l.cas ?? "—"}</span>
                <DeliveryForm target={{ agreementId: a.id, lineId: l.id }} idPrefix={`line-${l.id}`} controlled={l.controlled} minDate={a.signedOn} today={a.today}
                  defaultQuantity={l.agreedT === null ? 0 : Math.max(0, Math.round((l.agreedT - l.deliveredT) * 1000) / 1000)} />
              </div>
            ))}
          </div>
        ) : null}
      </Card>
      <Card title={t("agreement.history")}>
        <ol className="space-y-2 text-sm">
          {a.history.map((h) => (
            <li key={h.id} className="flex flex-wrap gap-2">
              <time className="text-slate-600" dateTime={h.at.toISOString()}>{formatDateTime(h.at, locale)}</time>
              <span className="font-medium">{t(`agreement.action.${h.action}`)}</span>
              <span className="text-slate-600">{h.actorName ? <UserText>{h.actorName}</UserText> : t("agreement.system")}</span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
