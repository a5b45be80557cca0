"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { formatCny, formatYuan } from "@/i18n";
import { useI18n } from "@/i18n/client";
import { messageWith } from "@/app/_components/user-text";

export interface AwardableQuote {
  quoteId: number;
  supplier: string;
  rank: number;
  priceCnyPerUnit: number;
  quantity: number;
}

const milli = (v: number) => Math.round(v * 1000);

/**
 * Award the RFQ: tick one supplier or several and give each its volume (each > 0, at most what it
 * quoted, together at most the RFQ's volume). A confirmation dialog shows each award's amount and
 * the total before anything is written; each award becomes an agreement draft.
 */
export function AwardForm({ rfqId, volume, unitLabel, quotes }: { rfqId: number; volume: number; unitLabel: string; quotes: AwardableQuote[] }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [volumes, setVolumes] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const award = useMutation(trpc.rfq.award.mutationOptions({ onSuccess: () => { dialog.current?.close(); router.refresh(); } }));
  const chosen = quotes.filter((q) => volumes[q.quoteId] !== undefined).map((q) => ({ ...q, volumeT: Number(volumes[q.quoteId]) }));
  const total = chosen.reduce((s, q) => s + q.priceCnyPerUnit * q.volumeT, 0);

  if (award.data) {
    return (
      <div className="space-y-2" data-testid="award-result">
        <Notice tone="success">{t("rfq.awarded", { count: award.data.awarded.length })}</Notice>
        <ul className="list-disc pl-5 text-sm">
          {award.data.awarded.map((a) => (
            <li key={a.agreementId}><Link href={`/agreements/${a.agreementId}`} className="text-brand-700 hover:underline">{a.ref}</Link> · <span translate="no">{a.supplierName}</span></li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <form
      className="space-y-3"
      aria-label={t("rfq.award_title")}
      onSubmit={(e) => {
        e.preventDefault();
        let why: string | null = null;
        if (chosen.length === 0) why = t("validation.rfq.award_none");
        else if (chosen.some((q) => !(q.volumeT > 0))) why = t("validation.deals.quantity_positive");
        else if (chosen.some((q) => milli(q.volumeT) > milli(q.quantity))) why = t("rfq.over_quote");
        else if (chosen.reduce((s, q) => s + milli(q.volumeT), 0) > milli(volume)) why = t("rfq.over_volume", { volume: volume.toLocaleString(locale === "zh" ? "zh-CN" : "en"), unit: unitLabel });
        setProblem(why);
        if (why) return;
        award.reset();
        dialog.current?.showModal();
      }}
    >
      <p className="text-sm text-slate-600">{t("rfq.award_hint", { volume: volume.toLocaleString(locale === "zh" ? "zh-CN" : "en"), unit: unitLabel })}</p>
      <ul className="space-y-2">
        {quotes.map((q) => {
          const on = volumes[q.quoteId] !== undefined;
          return (
            <li key={q.quoteId} className="flex flex-wrap items-center gap-3 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox" checked={on}
                  onChange={() => setVolumes((v) => {
                    const next = { ...v };
                    if (on) delete next[q.quoteId];
                    else next[q.quoteId] = String(Math.min(q.quantity, volume));
                    return next;
                  })}
                />
                <span className="text-slate-500">#{q.rank}</span>
                <span translate="no">{q.supplier}</span>
                <span className="text-slate-500">{formatYuan(q.priceCnyPerUnit, locale)}/{unitLabel}</span>
              </label>
              {on ? (
                <label className="flex items-center gap-1">
                  <span className="sr-only" id={`award-volume-${q.quoteId}`}>{messageWith(t, "rfq.award_volume_for", { name: q.supplier })}</span>
                  <input
                    type="number" inputMode="decimal" min={0} step="0.001" className={`${inputClass} w-28 py-1`} value={volumes[q.quoteId]}
                    aria-labelledby={`award-volume-${q.quoteId}`}
                    onChange={(e) => setVolumes((v) => ({ ...v, [q.quoteId]: e.target.value }))}
                  />
                  <span className="text-slate-500">{unitLabel}</span>
                </label>
              ) : null}
            </li>
          );
        })}
      </ul>
      {problem ? <p role="alert" className="text-xs text-red-600">{problem}</p> : null}
      <Button type="submit">{t("rfq.award")}</Button>
      <dialog ref={dialog} aria-labelledby={`award-${rfqId}-title`} className="m-auto max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-4 p-5">
          <h2 id={`award-${rfqId}-title`} className="text-base font-semibold">{t("rfq.confirm_title")}</h2>
          <ul className="space-y-1 text-sm" aria-label={t("rfq.confirm_title")}>
            {chosen.map((q) => (
              <li key={q.quoteId}>
                <span translate="no">{q.supplier}</span>{locale === "zh" ? "：" : ": "}{q.volumeT.toLocaleString(locale === "zh" ? "zh-CN" : "en")} {unitLabel} × {formatYuan(q.priceCnyPerUnit, locale)}/{unitLabel} = <strong>{formatCny(q.priceCnyPerUnit * q.volumeT, locale)}</strong>
              </li>
            ))}
          </ul>
          <p className="text-sm">{t("rfq.confirm_total", { amount: formatCny(total, locale) })}</p>
          <p className="text-xs text-slate-500">{t("rfq.confirm_others")}</p>
          {award.error ? <Notice tone="error">{errorMessage(award.error, locale, t)}</Notice> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("common.cancel")}</Button>
            <Button
              disabled={award.isPending}
              onClick={() => award.mutate({ rfqId, awards: chosen.map((q) => ({ quoteId: q.quoteId, volumeT: q.volumeT })) })}
            >
              {award.isPending ? t("common.saving") : t("rfq.confirm_ok")}
            </Button>
          </div>
        </div>
      </dialog>
    </form>
  );
}
