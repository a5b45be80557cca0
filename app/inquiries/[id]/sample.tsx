import { Badge, Card } from "@/app/_components/ui";
import { formatDateTime, formatQuantity, type Locale, type Translate } from "@/i18n";
import type { api } from "@/server/api/server";
import { EvaluateSample, MarkSampleReceived, MarkSampleSent } from "./sample-actions";

type Sample = Awaited<ReturnType<Awaited<ReturnType<typeof api>>["sample"]["byInquiry"]>>;

const TONES = { requested: "blue", sent: "amber", received: "amber", evaluated: "green" } as const;

export function SampleStatusBadge({ status, t }: { status: Sample["status"]; t: Translate }) {
  return <Badge tone={TONES[status]}>{t(`sample.status.${status}`)}</Badge>;
}

/**
 * A sample thread's sample: what was asked, the four states with when each was reached, and the
 * next step as a button for the side that takes it (a waiting line for the other side).
 */
export function SampleCard({ sample, closed, t, locale }: { sample: Sample; closed: boolean; t: Translate; locale: Locale }) {
  const row = (label: string, value: React.ReactNode) => (
    <div><dt className="text-slate-500">{label}</dt><dd className="mt-0.5 break-words text-slate-900">{value}</dd></div>
  );
  const reached = sample.timeline.filter((s) => s.at !== null).length;
  return (
    <Card title={t("sample.title")} actions={<SampleStatusBadge status={sample.status} t={t} />}>
      <ol className="mb-4 grid grid-cols-2 gap-2 text-xs sm:grid-cols-4" aria-label={t("sample.status_label")}>
        {sample.timeline.map((s, i) => (
          <li key={s.status} aria-current={i === reached - 1 ? "step" : undefined}
            className={`rounded-md border px-2 py-1.5 ${s.at ? "border-brand-200 bg-brand-50 text-slate-900" : "border-dashed border-slate-300 text-slate-500"}`}>
            <div className="font-medium">{i + 1}. {t(`sample.status.${s.status}`)}</div>
            <div>{s.at ? <time dateTime={s.at.toISOString()}>{formatDateTime(s.at, locale)}</time> : t("sample.not_yet")}</div>
          </li>
        ))}
      </ol>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        {row(t("sample.quantity"), formatQuantity(sample.quantity, sample.unit, locale))}
        {row(t("sample.purpose"), <span translate="no" className="whitespace-pre-wrap">{sample.purpose}</span>)}
        <div className="sm:col-span-2">{row(t("sample.address"), <span translate="no" className="whitespace-pre-wrap">{sample.deliveryAddress}</span>)}</div>
        {sample.trackingNote ? <div className="sm:col-span-2">{row(t("sample.tracking"), <span translate="no">{sample.trackingNote}</span>)}</div> : null}
        {sample.result ? (
          <div className="sm:col-span-2">
            {row(t("sample.result_label"), (
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={sample.result === "pass" ? "green" : "red"}>{t(`sample.result.${sample.result}`)}</Badge>
                {sample.evaluationNote ? <span translate="no">{sample.evaluationNote}</span> : null}
              </span>
            ))}
          </div>
        ) : null}
      </dl>
      <div className="mt-4 border-t border-slate-100 pt-4">
        {sample.allowed.markSent ? <MarkSampleSent inquiryId={sample.inquiryId} />
          : sample.allowed.markReceived ? <MarkSampleReceived inquiryId={sample.inquiryId} />
            : sample.allowed.evaluate ? <EvaluateSample inquiryId={sample.inquiryId} />
              : (
                <p className="text-sm text-slate-600" role="status">
                  {sample.next ? t(`sample.waiting.${sample.next}`) : closed && sample.status !== "evaluated" ? t("sample.closed") : t("sample.done")}
                </p>
              )}
      </div>
    </Card>
  );
}
