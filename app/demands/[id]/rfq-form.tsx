"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

export interface RfqCandidate {
  matchId: number;
  rank: number;
  name: string;
  inPark: boolean;
  /** why the buyer may not ask this supplier (a missing licence, say); null when it may */
  blocked: { zh: string; en: string } | null;
}

const MAX = 20;
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/**
 * 群发询价: the buyer ticks ranked candidates (2 to 20) and sends one request with a deadline. The
 * server checks each supplier as it checks a single inquiry; those it refuses are listed with the reason.
 */
export function RfqForm({ demandId, quantity, unitLabel, candidates }: { demandId: number; quantity: number; unitLabel: string; candidates: RfqCandidate[] }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [picked, setPicked] = useState<number[]>([]);
  const [deadline, setDeadline] = useState(inDays(7));
  const [volume, setVolume] = useState(String(quantity));
  const [note, setNote] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const send = useMutation(trpc.rfq.send.mutationOptions({
    onSuccess: (r) => {
      if (r.refused.length === 0) router.push(`/rfq/${r.id}`);
    },
  }));
  const errors = { ...fieldErrors(send.error, t), ...local };
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const eligible = candidates.filter((c) => !c.blocked);
  const done = send.data;
  if (done) {
    return (
      <div className="space-y-3" data-testid="rfq-result">
        <Notice tone="success">{t("rfq.sent", { count: done.invited.length })}</Notice>
        {done.refused.length ? (
          <Notice tone="warning">
            <p>{t("rfq.refused_title")}</p>
            <ul className="mt-1 list-disc pl-5">
              {done.refused.map((r) => <li key={r.matchId}><span translate="no">{r.supplierName ?? t("match.supplier_hidden")}</span>：{r.reason[locale]}</li>)}
            </ul>
          </Notice>
        ) : null}
        <Link href={`/rfq/${done.id}`} className="text-sm font-medium text-brand-700 hover:underline">{t("rfq.open_matrix")}</Link>
      </div>
    );
  }
  return (
    <form
      className="space-y-4"
      aria-label={t("rfq.form_title")}
      onSubmit={(e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (picked.length < 2) problems.matchIds = t("validation.rfq.too_few");
        if (picked.length > MAX) problems.matchIds = t("validation.rfq.too_many");
        if (!deadline || deadline <= inDays(0)) problems.deadline = t("rfq.deadline_future");
        if (!(Number(volume) > 0)) problems.volume = t("validation.deals.quantity_positive");
        setLocal(problems);
        if (Object.keys(problems).length) return;
        // ranked order, as the buyer sees them
        const matchIds = candidates.filter((c) => picked.includes(c.matchId)).map((c) => c.matchId);
        send.mutate({ demandId, matchIds, deadline, volume: Number(volume), note: note || undefined });
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm text-slate-600">{t("rfq.pick_hint", { max: MAX })}</legend>
        <div className="mb-2 flex flex-wrap gap-2">
          {[3, 5].filter((n) => n <= eligible.length).map((n) => (
            <Button key={n} size="sm" variant="secondary" onClick={() => setPicked(eligible.slice(0, n).map((c) => c.matchId))}>{t("rfq.pick_top", { n })}</Button>
          ))}
        </div>
        <ul className="space-y-1">
          {candidates.map((c) => (
            <li key={c.matchId} className="flex flex-wrap items-center gap-2 text-sm">
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={picked.includes(c.matchId)} disabled={Boolean(c.blocked)} onChange={() => toggle(c.matchId)} />
                <span className="text-slate-500">#{c.rank}</span>
                <span translate="no">{c.name}</span>
                {c.inPark ? <span className="text-xs text-green-700">{t("match.in_park")}</span> : null}
              </label>
              {c.blocked ? <span className="text-xs text-amber-800">{c.blocked[locale]}</span> : null}
            </li>
          ))}
        </ul>
        {errors.matchIds ? <p className="mt-1 text-xs text-red-600" role="alert">{errors.matchIds}</p> : null}
        <p className="mt-1 text-xs text-slate-500">{t("rfq.picked", { count: picked.length })}</p>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="rfq-deadline" label={t("rfq.deadline")} error={errors.deadline} hint={t("rfq.deadline_hint")} required>
          <input id="rfq-deadline" type="date" min={inDays(1)} className={inputClass} value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-invalid={Boolean(errors.deadline)} />
        </Field>
        <Field id="rfq-volume" label={t("rfq.volume_label", { unit: unitLabel })} error={errors.volume} required>
          <input id="rfq-volume" type="number" inputMode="decimal" min={0} step="0.001" className={inputClass} value={volume} onChange={(e) => setVolume(e.target.value)} aria-invalid={Boolean(errors.volume)} />
        </Field>
      </div>
      <Field id="rfq-note" label={t("rfq.note")} error={errors.note}>
        <textarea id="rfq-note" rows={2} className={inputClass} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {send.error && !Object.keys(fieldErrors(send.error, t)).length ? <Notice tone="error">{errorMessage(send.error, locale, t)}</Notice> : null}
      <Button type="submit" disabled={send.isPending}>{send.isPending ? t("common.sending") : t("rfq.send", { count: picked.length })}</Button>
    </form>
  );
}
