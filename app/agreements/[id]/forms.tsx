"use client";

import { FilePicker } from "@/app/_components/file-picker";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { fileToBase64 } from "@/app/_components/import-result";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";
import { checkCallOff } from "@/server/agreements/call-offs";

type Target = "signed" | "active" | "completed" | "terminated";

/** The state changes this actor may make now (from the service's `allowed.transitions`). */
export function StatusActions({ id, transitions, today }: { id: number; transitions: Target[]; today: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [pending, setPending] = useState<Target | null>(null);
  const [signedOn, setSignedOn] = useState(today);
  const [reason, setReason] = useState("");
  const change = useMutation(trpc.agreement.setStatus.mutationOptions({ onSuccess: () => { setPending(null); router.refresh(); } }));
  if (pending) {
    return (
      <form
        className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-white p-2"
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate({ id, to: pending, signedOn: pending === "signed" ? signedOn : undefined, reason: reason || undefined });
        }}
      >
        {pending === "signed" ? (
          <Field id="signed-on" label={t("agreement.signed_on")} required>
            <input id="signed-on" type="date" max={today} className={inputClass} value={signedOn} onChange={(e) => setSignedOn(e.target.value)} required />
          </Field>
        ) : null}
        {pending === "terminated" ? (
          <Field id="terminate-reason" label={t("agreement.reason")}>
            <input id="terminate-reason" className={inputClass} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        ) : null}
        <Button type="submit" variant={pending === "terminated" ? "danger" : "primary"} disabled={change.isPending}>{t(`agreement.do.${pending}`)}</Button>
        <Button variant="secondary" onClick={() => { setPending(null); change.reset(); }}>{t("common.cancel")}</Button>
        {change.error ? <span role="alert" className="w-full text-xs text-red-600">{errorMessage(change.error, locale, t)}</span> : null}
      </form>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {transitions.map((to) => (
        <Button key={to} size="sm" variant={to === "terminated" ? "secondary" : "primary"} onClick={() => (to === "signed" || to === "terminated" ? setPending(to) : change.mutate({ id, to }))} disabled={change.isPending}>
          {t(`agreement.do.${to}`)}
        </Button>
      ))}
      {change.error ? <span role="alert" className="text-xs text-red-600">{errorMessage(change.error, locale, t)}</span> : null}
    </div>
  );
}

/**
 * 提交签约 / 确认签约: the button the service allows this actor (`allowed.propose` or
 * `allowed.confirm`), opening a confirmation dialog that shows the total. `blocked` says why the
 * server would refuse now (an unverified party, a missing licence): shown, and the button disabled.
 */
export function SigningAction({ id, mode, totalAmountCny, amount, blocked }: {
  id: number; mode: "propose" | "confirm"; totalAmountCny: string; amount: string; blocked: { zh: string; en: string } | null;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const done = { onSuccess: () => { dialog.current?.close(); router.refresh(); } };
  const propose = useMutation(trpc.agreement.propose.mutationOptions(done));
  const confirm = useMutation(trpc.agreement.confirm.mutationOptions(done));
  const action = mode === "propose" ? propose : confirm;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => { action.reset(); dialog.current?.showModal(); }} disabled={Boolean(blocked) || action.isPending}>{t(`agreement.do.${mode}`)}</Button>
      {blocked ? <span role="note" className="text-xs text-amber-700">{locale === "zh" ? blocked.zh : blocked.en}</span> : null}
      <dialog ref={dialog} aria-labelledby={`signing-${id}-title`} className="m-auto max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form
          method="dialog"
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            if (mode === "propose") propose.mutate({ id });
            else confirm.mutate({ id, totalAmountCny });
          }}
        >
          <h2 id={`signing-${id}-title`} className="text-base font-semibold">{t(`agreement.signing.${mode}_title`)}</h2>
          <p className="text-sm text-slate-700">{t(`agreement.signing.${mode}_body`, { amount })}</p>
          {action.error ? <Notice tone="error">{errorMessage(action.error, locale, t)}</Notice> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("common.cancel")}</Button>
            <Button type="submit" disabled={action.isPending}>{action.isPending ? t("common.saving") : t(`agreement.signing.${mode}_ok`)}</Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}

/** A call-off against the framework: shows the remaining volume and the warnings before it is sent. */
export function CallOffForm({ agreementId, lines, today, startOn, endOn }: {
  agreementId: number; today: string; startOn: string | null; endOn: string | null;
  lines: { id: number; name: string; agreedT: number | null; calledOffT: number }[];
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [lineId, setLineId] = useState(String(lines[0]?.id ?? ""));
  const [orderedT, setOrderedT] = useState("");
  const [orderedOn, setOrderedOn] = useState(today);
  const [allowExcess, setAllowExcess] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const add = useMutation(trpc.agreement.callOff.mutationOptions({ onSuccess: () => { setOrderedT(""); setAllowExcess(false); router.refresh(); } }));
  const errors = fieldErrors(add.error, t);
  const line = lines.find((l) => String(l.id) === lineId);
  const requested = Number(orderedT);
  const check = line && requested > 0 ? checkCallOff({ agreedT: line.agreedT, calledOffT: line.calledOffT, requestedT: requested, orderedOn, endOn }) : null;
  const n = (x: number | null) => (x === null ? "—" : x.toLocaleString(locale === "zh" ? "zh-CN" : "en"));
  return (
    <form
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!(requested > 0)) return setLocal(t("validation.deals.quantity_positive"));
        setLocal(null);
        add.mutate({ agreementId, lineId: line ? line.id : undefined, orderedT: requested, orderedOn, allowExcess });
      }}
    >
      <h3 className="text-sm font-semibold">{t("agreement.new_call_off")}</h3>
      <div className="grid gap-3 sm:grid-cols-3">
        {lines.length > 1 ? (
          <Field id="calloff-line" label={t("agreement.product")}>
            <select id="calloff-line" className={inputClass} value={lineId} onChange={(e) => setLineId(e.target.value)}>
              {lines.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </Field>
        ) : null}
        <Field id="calloff-quantity" label={t("agreement.ordered_quantity")} error={local ?? errors.orderedT} hint={line ? t("agreement.remaining_hint", { remaining: n(line.agreedT === null ? null : line.agreedT - line.calledOffT) }) : undefined} required>
          <input id="calloff-quantity" type="number" min={0} step="0.001" inputMode="decimal" className={inputClass} value={orderedT} onChange={(e) => setOrderedT(e.target.value)} aria-invalid={Boolean(local ?? errors.orderedT)} />
        </Field>
        <Field id="calloff-date" label={t("agreement.ordered_on")} error={errors.orderedOn} required>
          <input id="calloff-date" type="date" min={startOn ?? undefined} max={endOn ?? undefined} className={inputClass} value={orderedOn} onChange={(e) => setOrderedOn(e.target.value)} required />
        </Field>
      </div>
      {check?.afterTerm ? <Notice tone="error">{t("agreement.warning.after_term")}</Notice> : null}
      {check?.beyondTolerance ? <Notice tone="error">{t("agreement.warning.beyond_tolerance", { remaining: n(check.remainingT) })}</Notice> : null}
      {check?.warnings.includes("term_ending") ? <Notice tone="warning">{t("agreement.warning.term_ending", { days: check.daysLeft ?? 0, date: endOn ?? "" })}</Notice> : null}
      {check?.exceeds && !check.beyondTolerance ? (
        <Notice tone="warning">
          {t("agreement.warning.call_off_exceeds", { remaining: n(check.remainingT), requested: n(requested) })}
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" checked={allowExcess} onChange={(e) => setAllowExcess(e.target.checked)} />
            {t("agreement.allow_excess")}
          </label>
        </Notice>
      ) : null}
      {add.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(add.error, locale, t)}</Notice> : null}
      <Button type="submit" disabled={add.isPending || Boolean(check?.afterTerm) || Boolean(check?.beyondTolerance) || Boolean(check?.exceeds && !allowExcess)}>
        {add.isPending ? t("common.saving") : t("agreement.place_call_off")}
      </Button>
    </form>
  );
}

/** What was actually delivered against one call-off. */
export function DeliveryForm({ callOffId, orderedT, orderedOn, today, delivered }: { callOffId: number; orderedT: number; orderedOn: string; today: string; delivered: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [quantity, setQuantity] = useState(String(delivered || orderedT));
  const [date, setDate] = useState(today);
  const save = useMutation(trpc.agreement.deliver.mutationOptions({ onSuccess: () => { setOpen(false); router.refresh(); } }));
  if (!open) return <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>{t("agreement.record_delivery")}</Button>;
  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); save.mutate({ callOffId, deliveredT: Number(quantity), deliveredOn: date }); }}>
      <Field id={`delivered-${callOffId}`} label={t("agreement.delivered")}>
        <input id={`delivered-${callOffId}`} type="number" min={0} step="0.001" className={`${inputClass} w-28`} value={quantity} onChange={(e) => setQuantity(e.target.value)} required />
      </Field>
      <Field id={`delivered-on-${callOffId}`} label={t("agreement.delivered_on")}>
        <input id={`delivered-on-${callOffId}`} type="date" min={orderedOn} max={today} className={inputClass} value={date} onChange={(e) => setDate(e.target.value)} required />
      </Field>
      <Button type="submit" size="sm" disabled={save.isPending}>{t("common.save")}</Button>
      <Button size="sm" variant="secondary" onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
      {save.error ? <span role="alert" className="w-full text-xs text-red-600">{errorMessage(save.error, locale, t)}</span> : null}
    </form>
  );
}

/** Uploads a document (signed scan, annex) of at most 5 MB. */
export function DocumentUpload({ agreementId }: { agreementId: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const upload = useMutation(trpc.agreement.upload.mutationOptions({ onSuccess: () => { setFile(null); setInputKey((k) => k + 1); router.refresh(); } }));
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        upload.mutate({ agreementId, file: { filename: file.name, contentType: file.type || "application/octet-stream", content: await fileToBase64(file) } });
      }}
    >
      <FilePicker key={inputKey} id="agreement-file" label={t("agreement.upload_label")} accept="*/*" maxBytes={5 * 1024 * 1024} onChange={(chosen) => { upload.reset(); setFile(chosen); }} />
      <Button type="submit" variant="secondary" disabled={!file || upload.isPending}>{upload.isPending ? t("common.saving") : t("agreement.upload")}</Button>
      {upload.error ? <Notice tone="error">{errorMessage(upload.error, locale, t)}</Notice> : null}
    </form>
  );
}
