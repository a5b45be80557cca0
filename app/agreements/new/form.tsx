"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { validationText } from "@/i18n";
import { useI18n } from "@/i18n/client";

interface Line { productName: string; cas: string; volumeT: string; unitPriceCny: string; amountCny: string }
const emptyLine: Line = { productName: "", cas: "", volumeT: "", unitPriceCny: "", amountCny: "" };
const num = (s: string) => (s.trim() === "" ? null : Number(s));

type TRPCErrorShape = { data?: { zodError?: { fieldErrors: Record<string, string[]> } } } | null;

/** A draft being edited: its parties and ref stay, the rest can change. */
export interface DraftAgreement {
  id: number;
  ref: string;
  type: "framework" | "contract" | "order";
  title: string;
  buyerEnterpriseId: number;
  sellerEnterpriseId: number;
  startOn: string | null;
  endOn: string | null;
  eventId: number | null;
  lines: { productName: string | null; cas: string | null; volumeT: string | null; unitPriceCny: string | null; amountCny: string }[];
}

const asLine = (l: DraftAgreement["lines"][number]): Line => ({
  productName: l.productName ?? "", cas: l.cas ?? "", volumeT: l.volumeT === null ? "" : String(Number(l.volumeT)),
  unitPriceCny: l.unitPriceCny === null ? "" : String(Number(l.unitPriceCny)),
  // an amount that is just volume × price is left for the server to compute again
  amountCny: l.volumeT !== null && l.unitPriceCny !== null ? "" : String(Number(l.amountCny)),
});

/**
 * Every field of the agreement, lines included, validated on the server; errors shown beside the
 * fields. With `draft` it edits that draft instead of recording a new agreement.
 */
export function AgreementForm({ enterprises, own, events, defaultEventId, recordSigned, draft }: {
  enterprises: { id: number; name: string; parkName: string | null }[];
  own: number[];
  events: { id: number; name: string }[];
  defaultEventId: number | null;
  recordSigned: boolean;
  draft?: DraftAgreement;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState(draft
    ? {
      ref: draft.ref, type: draft.type, title: draft.title, buyer: String(draft.buyerEnterpriseId), seller: String(draft.sellerEnterpriseId),
      status: "draft" as "draft" | "signed", signedOn: "", startOn: draft.startOn ?? "", endOn: draft.endOn ?? "", eventId: draft.eventId ? String(draft.eventId) : "",
    }
    : {
      ref: "", type: "contract" as "framework" | "contract" | "order", title: "",
      buyer: own[0] ? String(own[0]) : "", seller: "", status: (recordSigned ? "signed" : "draft") as "draft" | "signed",
      signedOn: "", startOn: "", endOn: "", eventId: defaultEventId ? String(defaultEventId) : "",
    });
  const [lines, setLines] = useState<Line[]>(draft ? draft.lines.map(asLine) : [{ ...emptyLine }]);
  const onSuccess = ({ id }: { id: number }) => {
    router.push(`/agreements/${id}`);
    router.refresh();
  };
  const createMutation = useMutation(trpc.agreement.create.mutationOptions({ onSuccess }));
  const updateMutation = useMutation(trpc.agreement.updateDraft.mutationOptions({ onSuccess }));
  const save = draft ? updateMutation : createMutation;
  const errors = fieldErrors(save.error, t);
  // line errors come as lines.<i>.<field>: zod flattens nested paths to their first part, so read the issues
  const issues = ((save.error as unknown as TRPCErrorShape)?.data?.zodError?.fieldErrors ?? {}) as Record<string, string[]>;
  const lineError = errors.lines ? validationText(t, issues.lines?.[0] ?? "field.invalid") : null;
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV({ ...v, [key]: e.target.value });
  const setLine = (i: number, key: keyof Line) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setLines(lines.map((l, k) => (k === i ? { ...l, [key]: e.target.value } : l)));
  const total = lines.reduce((s, l) => s + (num(l.amountCny) ?? (num(l.volumeT) ?? 0) * (num(l.unitPriceCny) ?? 0)), 0);
  const enterpriseSelect = (id: string, key: "buyer" | "seller", label: string, error?: string) => (
    <Field id={id} label={label} error={error} required>
      <select id={id} className={inputClass} value={v[key]} onChange={set(key)} aria-invalid={Boolean(error)} required disabled={Boolean(draft)}>
        <option value="">{t("agreement.choose_enterprise")}</option>
        {/* names are user content; the park in the reader's language (the page passes both names so) */}
        {enterprises.map((e) => <option key={e.id} value={e.id} translate="no">{locale === "zh" ? `${e.name}（${e.parkName ?? t("directory.external")}）` : `${e.name} (${e.parkName ?? t("directory.external")})`}</option>)}
      </select>
    </Field>
  );

  return (
    <form
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        const terms = {
          type: v.type, title: v.title, startOn: v.startOn || undefined, endOn: v.endOn || undefined, eventId: v.eventId ? Number(v.eventId) : null,
          lines: lines.map((l) => ({ productName: l.productName, cas: l.cas || undefined, volumeT: num(l.volumeT), unitPriceCny: num(l.unitPriceCny), amountCny: num(l.amountCny) })),
        };
        if (draft) updateMutation.mutate({ id: draft.id, ...terms });
        else {
          createMutation.mutate({
            ...terms, ref: v.ref || undefined, buyerEnterpriseId: Number(v.buyer), sellerEnterpriseId: Number(v.seller),
            // only park staff record an agreement as signed; the parties sign in two steps on its page
            status: recordSigned ? v.status : "draft", signedOn: recordSigned && v.status === "signed" ? v.signedOn || undefined : undefined,
          });
        }
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="ag-type" label={t("agreement.type_label")} required>
          <select id="ag-type" className={inputClass} value={v.type} onChange={set("type")}>
            {(["framework", "contract", "order"] as const).map((k) => <option key={k} value={k}>{t(`agreement.type.${k}`)}</option>)}
          </select>
        </Field>
        <Field id="ag-title" label={t("agreement.title_label")} error={errors.title} required>
          <input id="ag-title" className={inputClass} maxLength={120} value={v.title} onChange={set("title")} aria-invalid={Boolean(errors.title)} />
        </Field>
        <Field id="ag-ref" label={t("agreement.ref")} error={errors.ref} hint={draft ? undefined : t("agreement.ref_hint")}>
          <input id="ag-ref" className={`${inputClass} font-mono`} maxLength={40} value={v.ref} onChange={set("ref")} aria-invalid={Boolean(errors.ref)} disabled={Boolean(draft)} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {enterpriseSelect("ag-buyer", "buyer", t("agreement.buyer"), errors.buyerEnterpriseId)}
        {enterpriseSelect("ag-seller", "seller", t("agreement.seller"), errors.sellerEnterpriseId)}
      </div>
      <div className={`grid gap-4 ${draft || !recordSigned ? "sm:grid-cols-2" : "sm:grid-cols-4"}`}>
        {draft || !recordSigned ? null : (
          <>
            <Field id="ag-status" label={t("agreement.status_label")}>
              <select id="ag-status" className={inputClass} value={v.status} onChange={set("status")}>
                <option value="draft">{t("agreement.status.draft")}</option>
                <option value="signed">{t("agreement.status.signed")}</option>
              </select>
            </Field>
            <Field id="ag-signed" label={t("agreement.signed_on")} error={errors.signedOn} required={v.status === "signed"}>
              <input id="ag-signed" type="date" className={inputClass} value={v.signedOn} onChange={set("signedOn")} aria-invalid={Boolean(errors.signedOn)} />
            </Field>
          </>
        )}
        <Field id="ag-start" label={t("agreement.start_on")} error={errors.startOn}>
          <input id="ag-start" type="date" className={inputClass} value={v.startOn} onChange={set("startOn")} />
        </Field>
        <Field id="ag-end" label={t("agreement.end_on")} error={errors.endOn}>
          <input id="ag-end" type="date" className={inputClass} value={v.endOn} onChange={set("endOn")} aria-invalid={Boolean(errors.endOn)} />
        </Field>
      </div>
      <Field id="ag-event" label={t("agreement.event")} error={errors.eventId}>
        <select id="ag-event" className={inputClass} value={v.eventId} onChange={set("eventId")}>
          <option value="">{t("agreement.no_event")}</option>
          {events.map((e) => <option key={e.id} value={e.id} translate="no">{e.name}</option>)}
        </select>
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">{t("agreement.lines")}</legend>
        {lines.map((l, i) => (
          <div key={i} className="grid gap-2 rounded-md bg-slate-50 p-3 sm:grid-cols-6">
            <div className="sm:col-span-2">
              <Field id={`line-${i}-name`} label={t("agreement.product")} required>
                <input id={`line-${i}-name`} className={inputClass} maxLength={120} value={l.productName} onChange={setLine(i, "productName")} />
              </Field>
            </div>
            <Field id={`line-${i}-cas`} label="CAS">
              <input id={`line-${i}-cas`} className={`${inputClass} font-mono`} maxLength={20} value={l.cas} onChange={setLine(i, "cas")} />
            </Field>
            <Field id={`line-${i}-volume`} label={t("agreement.volume_t")}>
              <input id={`line-${i}-volume`} type="number" min={0} step="0.001" className={inputClass} value={l.volumeT} onChange={setLine(i, "volumeT")} />
            </Field>
            <Field id={`line-${i}-price`} label={t("agreement.unit_price_cny")}>
              <input id={`line-${i}-price`} type="number" min={0} step="0.01" className={inputClass} value={l.unitPriceCny} onChange={setLine(i, "unitPriceCny")} />
            </Field>
            <Field id={`line-${i}-amount`} label={t("agreement.amount_cny")} hint={t("agreement.amount_hint")}>
              <input id={`line-${i}-amount`} type="number" min={0} step="0.01" className={inputClass} value={l.amountCny} onChange={setLine(i, "amountCny")} />
            </Field>
            {lines.length > 1 ? (
              <div className="sm:col-span-6">
                <Button size="sm" variant="ghost" onClick={() => setLines(lines.filter((_, k) => k !== i))}>{t("agreement.remove_line")}</Button>
              </div>
            ) : null}
          </div>
        ))}
        {lineError ? <p role="alert" className="text-xs text-red-600">{lineError}</p> : null}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Button size="sm" variant="secondary" onClick={() => setLines([...lines, { ...emptyLine }])} disabled={lines.length >= 50}>{t("agreement.add_line")}</Button>
          <span className="text-sm text-slate-700">{t("agreement.total_preview", { amount: total.toLocaleString(locale === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 2 }) })}</span>
        </div>
      </fieldset>
      {save.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(save.error, locale, t)}</Notice> : null}
      {!draft && !recordSigned ? <p className="text-sm text-slate-600">{t("agreement.signing.draft_hint")}</p> : null}
      <Button type="submit" disabled={save.isPending}>{save.isPending ? t("common.saving") : t(draft ? "agreement.save_draft" : "agreement.create")}</Button>
    </form>
  );
}
