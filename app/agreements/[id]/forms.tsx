"use client";

import { FilePicker } from "@/app/_components/file-picker";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { fileToBase64 } from "@/app/_components/import-result";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { formatNumber } from "@/i18n";
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
  const [dueOn, setDueOn] = useState("");
  const [allowExcess, setAllowExcess] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const add = useMutation(trpc.agreement.callOff.mutationOptions({ onSuccess: () => { setOrderedT(""); setDueOn(""); setAllowExcess(false); router.refresh(); } }));
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
        add.mutate({ agreementId, lineId: line ? line.id : undefined, orderedT: requested, orderedOn, dueOn: dueOn || undefined, allowExcess });
      }}
    >
      <h3 className="text-sm font-semibold">{t("agreement.new_call_off")}</h3>
      <div className="grid gap-3 sm:grid-cols-3 [&>*]:min-w-0">
        {lines.length > 1 ? (
          <Field id="calloff-line" label={t("agreement.product")}>
            <select id="calloff-line" className={inputClass} value={lineId} onChange={(e) => setLineId(e.target.value)}>
              {lines.map((l) => <option key={l.id} value={l.id} translate="no">{l.name}</option>)}
            </select>
          </Field>
        ) : null}
        <Field id="calloff-quantity" label={t("agreement.ordered_quantity")} error={local ?? errors.orderedT} hint={line ? t("agreement.remaining_hint", { remaining: n(line.agreedT === null ? null : line.agreedT - line.calledOffT) }) : undefined} required>
          <input id="calloff-quantity" type="number" min={0} step="0.001" inputMode="decimal" className={inputClass} value={orderedT} onChange={(e) => setOrderedT(e.target.value)} aria-invalid={Boolean(local ?? errors.orderedT)} />
        </Field>
        <Field id="calloff-date" label={t("agreement.ordered_on")} error={errors.orderedOn} required>
          <input id="calloff-date" type="date" min={startOn ?? undefined} max={endOn ?? undefined} className={inputClass} value={orderedOn} onChange={(e) => setOrderedOn(e.target.value)} required />
        </Field>
        <Field id="calloff-due" label={t("agreement.due_on")} error={errors.dueOn} hint={t("agreement.due_on_hint")}>
          <input id="calloff-due" type="date" min={orderedOn} className={inputClass} value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
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

/** What a delivery is recorded against: a call-off, a line of a contract or order, or the record it corrects. */
export type DeliveryTarget = { callOffId: number } | { agreementId: number; lineId: number } | { correctsId: number };

/**
 * Records one shipment (交付记录), which enters the flow ledger and can never be deleted: a
 * controlled substance asks for the purpose and the buyer's agent (name, resident ID number);
 * the record is confirmed before it is written. A correction also asks for its reason.
 */
export function DeliveryForm({ target, idPrefix, controlled, minDate, today, defaultQuantity, label }: {
  target: DeliveryTarget; idPrefix: string; controlled: boolean; minDate: string | null; today: string; defaultQuantity: number; label?: string;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const correction = "correctsId" in target;
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [quantity, setQuantity] = useState(String(defaultQuantity));
  const [date, setDate] = useState(today);
  const [purpose, setPurpose] = useState("");
  const [agentName, setAgentName] = useState("");
  const [agentIdNumber, setAgentIdNumber] = useState("");
  const [reason, setReason] = useState("");
  const save = useMutation(trpc.agreement.deliver.mutationOptions({ onSuccess: () => { setOpen(false); setConfirming(false); router.refresh(); } }));
  if (!open) {
    return <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>{label ?? (correction ? t("agreement.correct") : t("agreement.record_delivery"))}</Button>;
  }
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-white p-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!confirming) { save.reset(); setConfirming(true); return; }
        save.mutate({
          ...target, deliveredT: Number(quantity), deliveredOn: date,
          purpose: purpose || undefined, agentName: agentName || undefined, agentIdNumber: agentIdNumber || undefined, reason: reason || undefined,
        });
      }}
    >
      <Field id={id("quantity")} label={t("agreement.delivered")} required>
        <input id={id("quantity")} type="number" min={0} step="0.001" className={`${inputClass} w-28`} value={quantity} onChange={(e) => { setConfirming(false); setQuantity(e.target.value); }} required disabled={confirming} />
      </Field>
      <Field id={id("date")} label={t("agreement.delivered_on")} required>
        <input id={id("date")} type="date" min={minDate ?? undefined} max={today} className={inputClass} value={date} onChange={(e) => { setConfirming(false); setDate(e.target.value); }} required disabled={confirming} />
      </Field>
      {controlled ? <p className="w-full text-xs text-red-700">{t("agreement.controlled_fields")}</p> : null}
      <Field id={id("purpose")} label={t("agreement.purpose")} required={controlled}>
        <input id={id("purpose")} className={`${inputClass} w-40`} maxLength={200} value={purpose} onChange={(e) => { setConfirming(false); setPurpose(e.target.value); }} required={controlled} disabled={confirming} />
      </Field>
      <Field id={id("agent-name")} label={t("agreement.agent_name")} required={controlled}>
        <input id={id("agent-name")} className={`${inputClass} w-28`} maxLength={60} value={agentName} onChange={(e) => { setConfirming(false); setAgentName(e.target.value); }} required={controlled} disabled={confirming} />
      </Field>
      <Field id={id("agent-id")} label={t("agreement.agent_id")} hint={t("agreement.agent_id_hint")} required={controlled}>
        <input id={id("agent-id")} className={`${inputClass} w-48 font-mono`} maxLength={18} pattern="[0-9]{17}[0-9Xx]" autoComplete="off" value={agentIdNumber} onChange={(e) => { setConfirming(false); setAgentIdNumber(e.target.value); }} required={controlled} disabled={confirming} />
      </Field>
      {correction ? (
        <Field id={id("reason")} label={t("agreement.correction_reason")} required>
          <input id={id("reason")} className={`${inputClass} w-56`} maxLength={500} value={reason} onChange={(e) => { setConfirming(false); setReason(e.target.value); }} required disabled={confirming} />
        </Field>
      ) : null}
      {confirming ? (
        <div role="alert" className="w-full rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          {t("agreement.confirm_delivery", { quantity: formatNumber(Number(quantity), locale), date })}
        </div>
      ) : null}
      <Button type="submit" size="sm" disabled={save.isPending}>{confirming ? t("agreement.confirm") : t("common.save")}</Button>
      <Button size="sm" variant="secondary" onClick={() => { if (confirming) setConfirming(false); else setOpen(false); }}>{t("common.cancel")}</Button>
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
