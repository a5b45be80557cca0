"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { validationText } from "@/i18n";
import { useI18n } from "@/i18n/client";
import { evaluateSampleInput, markSampleSentInput } from "@/server/inquiries/sample.schemas";

/** The first message of a zod failure on `field`, translated. */
function issueOn(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string, t: (k: string) => string) {
  const issue = result.error?.issues.find((i) => i.path[0] === field);
  return issue ? validationText(t, issue.message) : undefined;
}

/** The supplier sends the sample, with the carrier and waybill number. */
export function MarkSampleSent({ inquiryId }: { inquiryId: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [trackingNote, setTrackingNote] = useState("");
  const [local, setLocal] = useState<string | undefined>();
  const send = useMutation(trpc.sample.markSent.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = local ?? fieldErrors(send.error, t).trackingNote;
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const checked = markSampleSentInput.safeParse({ inquiryId, trackingNote });
        setLocal(issueOn(checked, "trackingNote", t));
        if (checked.success) send.mutate(checked.data);
      }}
    >
      <Field id="sample-tracking" label={t("sample.tracking_label")} error={error} hint={t("sample.tracking_hint")} required>
        <input id="sample-tracking" className={inputClass} maxLength={500} value={trackingNote} aria-invalid={Boolean(error)} onChange={(e) => setTrackingNote(e.target.value)} />
      </Field>
      {send.error && !error ? <Notice tone="error">{errorMessage(send.error, locale, t)}</Notice> : null}
      <Button type="submit" className="w-full sm:w-auto" disabled={send.isPending}>{send.isPending ? t("common.saving") : t("sample.mark_sent")}</Button>
    </form>
  );
}

/** The buyer confirms the sample arrived (asked once more: it cannot be taken back). */
export function MarkSampleReceived({ inquiryId }: { inquiryId: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const receive = useMutation(trpc.sample.markReceived.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>{t("sample.received_confirm")}</span>
          <Button size="sm" disabled={receive.isPending} onClick={() => receive.mutate({ inquiryId })}>{receive.isPending ? t("common.saving") : t("sample.confirm")}</Button>
          <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>{t("common.cancel")}</Button>
        </div>
      ) : (
        <Button className="w-full sm:w-auto" onClick={() => setConfirming(true)}>{t("sample.mark_received")}</Button>
      )}
      {receive.error ? <Notice tone="error">{errorMessage(receive.error, locale, t)}</Notice> : null}
    </div>
  );
}

/** The buyer evaluates the sample: pass or fail with a note (a fail says why), confirmed before it is sent. */
export function EvaluateSample({ inquiryId }: { inquiryId: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [result, setResult] = useState<"pass" | "fail" | "">("");
  const [note, setNote] = useState("");
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const [confirming, setConfirming] = useState(false);
  const evaluate = useMutation(trpc.sample.evaluate.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = { ...fieldErrors(evaluate.error, t), ...Object.fromEntries(Object.entries(local).filter(([, v]) => v)) };
  const checked = () => evaluateSampleInput.safeParse({ inquiryId, result: result || undefined, note });
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const c = checked();
        setLocal({ result: issueOn(c, "result", t), note: issueOn(c, "note", t) });
        if (c.success) setConfirming(true);
      }}
    >
      <h3 className="text-sm font-semibold">{t("sample.evaluate_title")}</h3>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t("sample.result_label")}<span className="ml-0.5 text-red-600" aria-hidden>*</span></legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["pass", "fail"] as const).map((r) => (
            <label key={r} className="inline-flex items-center gap-2">
              <input type="radio" name="sample-result" value={r} checked={result === r} disabled={confirming}
                onChange={() => { setResult(r); setConfirming(false); }} />
              {t(`sample.result.${r}`)}
            </label>
          ))}
        </div>
        {errors.result ? <p className="text-xs text-red-600" role="alert">{errors.result}</p> : null}
      </fieldset>
      <Field id="sample-evaluation-note" label={t("sample.evaluation_note")} error={errors.note}>
        <textarea id="sample-evaluation-note" rows={3} className={inputClass} maxLength={2000} value={note} disabled={confirming}
          aria-invalid={Boolean(errors.note)} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {evaluate.error && !Object.keys(fieldErrors(evaluate.error, t)).length ? <Notice tone="error">{errorMessage(evaluate.error, locale, t)}</Notice> : null}
      {confirming && result ? (
        <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" role="alertdialog" aria-label={t("sample.evaluate_title")}>
          <p>{t("sample.evaluate_confirm", { result: t(`sample.result.${result}`) })}</p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" disabled={evaluate.isPending} onClick={() => { if (result) evaluate.mutate({ inquiryId, result, note: note || undefined }); }}>
              {evaluate.isPending ? t("common.saving") : t("sample.confirm")}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>{t("common.cancel")}</Button>
          </div>
        </div>
      ) : (
        <Button type="submit" className="w-full sm:w-auto">{t("sample.evaluate")}</Button>
      )}
    </form>
  );
}
