import type { Metadata } from "next";
import Link from "next/link";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, Notice, Table, td, th } from "@/app/_components/ui";
import { formatCny, formatDate, formatQuantity, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { AwardForm } from "./award-form";
import { DealHeader } from "@/app/agreements/headings";
import { enterpriseName } from "@/app/agreements/names";
import { messageWith, UserText } from "@/app/_components/user-text";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("rfq.matrix_title") };
}

const STATE_TONES = { awaiting: "slate", quoted: "amber", expired: "red", awarded: "green", declined: "slate" } as const;

/** The buyer's matrix of an RFQ: every invited supplier's answer as it arrives, ranked; the award. */
export default async function RfqPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const result = await attempt(async () => (await api()).rfq.byId({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/rfq/${id}`} />;
  const r = result.data;
  const unit = (u: string) => (u === "kg" ? "kg" : t("listing.unit_t"));
  const awardable = r.rows.filter((row) => row.state === "quoted" && row.quote);

  return (
    <div className="space-y-6">
      <DealHeader title={<UserText>{r.subject}</UserText>} description={messageWith(t, "rfq.matrix_description", { buyer: enterpriseName(r.buyer, locale) })} />
      <Card>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div><dt className="text-slate-500">{t("rfq.volume")}</dt><dd>{formatQuantity(r.volume, r.unit, locale)}</dd></div>
          <div><dt className="text-slate-500">{t("rfq.deadline")}</dt><dd>{formatDate(r.deadline, locale)}{r.pastDeadline ? ` · ${t("rfq.past_deadline")}` : ""}</dd></div>
          <div><dt className="text-slate-500">{t("rfq.answers")}</dt><dd>{t("rfq.answered", { answered: r.answered, invited: r.rows.length })}</dd></div>
          <div><dt className="text-slate-500">{t("listing.status")}</dt><dd><Badge tone={r.status === "awarded" ? "green" : "blue"}>{t(`rfq.status.${r.status}`)}</Badge></dd></div>
        </dl>
        {r.demandId ? <p className="mt-3 text-sm"><Link href={`/demands/${r.demandId}`} className="text-brand-700 hover:underline">{t("rfq.back_to_demand")}</Link></p> : null}
        {r.note ? <p className="mt-3 whitespace-pre-line text-sm text-slate-600" translate="no">{r.note}</p> : null}
      </Card>

      <Card title={t("rfq.answers")}>
        <p className="mb-3 text-xs text-slate-500">{t("rfq.rank_basis")}</p>
        <Table caption={t("rfq.answers")}>
          <thead>
            <tr>
              <th className={th}>{t("rfq.rank")}</th>
              <th className={th}>{t("rfq.supplier")}</th>
              <th className={th}>{t("listing.status")}</th>
              <th className={th}>{t("quote.landed")}</th>
              <th className={th}>{t("rfq.amount")}</th>
              <th className={th}>{t("rfq.unit_price")}</th>
              <th className={th}>{t("rfq.quantity")}</th>
              <th className={th}>{t("rfq.valid_until")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {r.rows.map((row) => (
              <tr key={row.inquiryId} data-testid="rfq-row">
                <td className={td}>{row.rank ?? "—"}</td>
                <td className={`${td} min-w-40`}>
                  <Link href={`/inquiries/${row.inquiryId}`} className="font-medium text-slate-900 hover:text-brand-700" translate="no">{enterpriseName(row.supplier, locale)}</Link>
                  {row.supplier.inPark ? <> <Badge tone="green">{t("match.in_park")}</Badge></> : null}
                </td>
                <td className={td}>
                  <Badge tone={STATE_TONES[row.state]}>{t(`rfq.state.${row.state}`)}</Badge>
                  {row.agreement ? <> <Link href={`/agreements/${row.agreement.id}`} className="text-xs text-brand-700 hover:underline">{row.agreement.ref}</Link></> : null}
                </td>
                <td className={td} data-testid="rfq-landed">
                  {row.landed ? (
                    <>
                      <span className="font-medium">{t("quote.landed_per_t", { price: formatYuan(row.landed.cnyPerTonne, locale) })}</span>
                      {row.landed.assumptions.map((a) => (
                        <span key={a.code} className="block text-xs text-slate-500">{locale === "en" ? a.en : a.zh}</span>
                      ))}
                    </>
                  ) : "—"}
                </td>
                <td className={td}>{row.quote ? formatCny(row.quote.amountCny, locale) : "—"}</td>
                <td className={td}>{row.quote ? `${formatYuan(row.quote.priceCnyPerUnit, locale)}/${unit(row.quote.unit)}` : "—"}</td>
                <td className={td}>{row.quote ? formatQuantity(row.quote.quantity, row.quote.unit, locale) : "—"}</td>
                <td className={td}>{row.quote?.validUntil ? formatDate(row.quote.validUntil, locale) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>

      {r.allowed.award ? (
        <Card title={t("rfq.award_title")}>
          {awardable.length === 0 ? (
            <Notice tone="info">{t("rfq.award_none_yet")}</Notice>
          ) : (
            <AwardForm
              rfqId={r.id} volume={Number(r.volume)} unitLabel={unit(r.unit)}
              quotes={awardable.map((row) => ({
                quoteId: row.quote!.id, supplier: enterpriseName(row.supplier, locale), rank: row.rank!, priceCnyPerUnit: Number(row.quote!.priceCnyPerUnit), quantity: Number(row.quote!.quantity),
              }))}
            />
          )}
        </Card>
      ) : null}
    </div>
  );
}
