"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Combobox } from "@/app/_components/combobox";
import { isoDateIn } from "@/app/_components/listing-bits";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

export interface DemandValues {
  substanceName: string;
  cas: string;
  quantity: string;
  unit: "t" | "kg";
  grade: string;
  minPurityPct: string;
  deliveryFrom: string;
  deliveryTo: string;
  place: string;
  targetPriceCnyPerUnit: string;
  taxBasis: "incl_vat" | "excl_vat";
  recurrence: "once" | "monthly" | "quarterly" | "yearly";
  expiresOn: string;
  note: string;
  acceptsByproducts: boolean;
}

export const emptyDemand = (): DemandValues => ({
  substanceName: "", cas: "", quantity: "", unit: "t", grade: "", minPurityPct: "", deliveryFrom: "", deliveryTo: "",
  place: "", targetPriceCnyPerUnit: "", taxBasis: "incl_vat", recurrence: "once", expiresOn: isoDateIn(30), note: "", acceptsByproducts: false,
});

const GRADES = ["industrial", "reagent", "electronic", "pharma", "food"] as const;
const num = (v: string) => (v.trim() === "" ? null : Number(v));

/** The substance by name or CAS, with suggestions from the reference dictionary as one types (debounced). */
function SubstancePicker({ value, onPick, onType, error }: {
  value: string; error?: string;
  onType: (name: string) => void;
  onPick: (s: { cas: string; name: string }) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [q, setQ] = useState(value.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQ(value.trim()), 250);
    return () => clearTimeout(timer);
  }, [value]);
  const lookup = useQuery(trpc.substance.lookup.queryOptions({ q, limit: 8 }, { enabled: q.length >= 1, placeholderData: keepPreviousData }));
  const options = lookup.data ?? [];
  const typed = value.trim().toLowerCase();
  /** the name as the buyer typed it when it is one of the substance's names or aliases, else its main name */
  const nameFor = (s: (typeof options)[number]) =>
    [s.nameZh, s.nameEn, ...s.aliases].find((n) => n && n.toLowerCase() === typed) ?? (locale === "en" ? s.nameEn : s.nameZh) ?? s.nameZh ?? s.nameEn ?? s.cas;
  return (
    <Field id="demand-substance" label={t("demand.substance")} hint={t("demand.substance_hint")} error={error} required>
      <Combobox
        id="demand-substance" testId="substance-combobox" value={value} onInputChange={onType}
        items={options} itemKey={(s) => s.cas} itemText={nameFor}
        onSelect={(s) => onPick({ cas: s.cas, name: nameFor(s) })}
        loading={lookup.isFetching || value.trim() !== q}
        listLabel={t("demand.suggestions")} emptyText={t("demand.no_suggestions")}
        invalid={Boolean(error)} describedBy={error ? "demand-substance-error" : undefined}
        renderItem={(s) => (
          <>
            <span className="font-medium">{nameFor(s)}</span>
            {nameFor(s) !== s.nameZh && s.nameZh ? <> <span className="text-slate-600">{s.nameZh}</span></> : null}
            {s.nameEn && nameFor(s) !== s.nameEn ? <> <span className="text-slate-600">{s.nameEn}</span></> : null}
            {" "}<span className="font-mono text-xs text-slate-600">{s.cas}</span>
          </>
        )}
      />
    </Field>
  );
}

/** Post or edit a demand: every field validated by the same schema as the server, field errors shown beside them. */
export function DemandForm({ enterpriseId, demandId, initial, prefill, draft }: {
  enterpriseId: number; demandId?: number; initial?: DemandValues; draft?: boolean;
  /** a new demand's fields filled in beforehand (a search that found nothing passes its words) */
  prefill?: Partial<DemandValues>;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState<DemandValues>(initial ?? { ...emptyDemand(), ...prefill });
  const done = { onSuccess: (row: { id: number }) => { router.push(`/demands/${row.id}`); router.refresh(); } };
  const create = useMutation(trpc.demand.create.mutationOptions(done));
  const update = useMutation(trpc.demand.update.mutationOptions(done));
  const mutation = demandId ? update : create;
  const errors = fieldErrors(mutation.error, t);
  const set = (key: keyof DemandValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setV((old) => ({ ...old, [key]: e.target.value }));

  const submit = (publish: boolean) => {
    const fields = {
      substanceName: v.substanceName, cas: v.cas || null, quantity: num(v.quantity) ?? (undefined as unknown as number), unit: v.unit,
      grade: (v.grade || null) as (typeof GRADES)[number] | null, minPurityPct: num(v.minPurityPct), deliveryFrom: v.deliveryFrom || null,
      deliveryTo: v.deliveryTo || null, place: v.place, targetPriceCnyPerUnit: num(v.targetPriceCnyPerUnit), taxBasis: v.taxBasis, recurrence: v.recurrence,
      expiresOn: v.expiresOn, note: v.note, acceptsByproducts: v.acceptsByproducts, publish,
    };
    if (demandId) update.mutate({ id: demandId, ...fields });
    else create.mutate({ enterpriseId, ...fields });
  };

  return (
    <form className="space-y-4" noValidate onSubmit={(e) => { e.preventDefault(); submit(true); }}>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <SubstancePicker
            value={v.substanceName} error={errors.substanceName}
            onType={(name) => setV((old) => ({ ...old, substanceName: name }))}
            onPick={(s) => setV((old) => ({ ...old, substanceName: s.name, cas: s.cas }))}
          />
        </div>
        <Field id="demand-cas" label={t("demand.cas")} hint={t("demand.cas_hint")} error={errors.cas}>
          <input id="demand-cas" className={`${inputClass} font-mono`} value={v.cas} onChange={set("cas")} aria-invalid={Boolean(errors.cas)} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="demand-quantity" label={t("demand.quantity")} error={errors.quantity} required>
          <input id="demand-quantity" type="number" min="0" step="any" inputMode="decimal" className={inputClass} value={v.quantity} onChange={set("quantity")} aria-invalid={Boolean(errors.quantity)} />
        </Field>
        <Field id="demand-unit" label={t("demand.unit")} error={errors.unit}>
          <select id="demand-unit" className={inputClass} value={v.unit} onChange={set("unit")}>
            <option value="t">{t("listing.unit_t")}</option>
            <option value="kg">{t("listing.unit_kg")}</option>
          </select>
        </Field>
        <Field id="demand-recurrence" label={t("demand.recurrence")} error={errors.recurrence}>
          <select id="demand-recurrence" className={inputClass} value={v.recurrence} onChange={set("recurrence")}>
            {(["once", "monthly", "quarterly", "yearly"] as const).map((r) => <option key={r} value={r}>{t(`listing.recurrence_${r}`)}</option>)}
          </select>
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="demand-grade" label={t("demand.grade")} hint={t("demand.grade_hint")} error={errors.grade}>
          <select id="demand-grade" className={inputClass} value={v.grade} onChange={set("grade")}>
            <option value="">{t("listing.grade_any")}</option>
            {GRADES.map((g) => <option key={g} value={g}>{t(`listing.grade_${g}`)}</option>)}
          </select>
        </Field>
        <Field id="demand-purity" label={t("demand.min_purity")} error={errors.minPurityPct}>
          <input id="demand-purity" type="number" min="0" max="100" step="any" inputMode="decimal" className={inputClass} value={v.minPurityPct} onChange={set("minPurityPct")} aria-invalid={Boolean(errors.minPurityPct)} />
        </Field>
        <Field id="demand-price" label={t("demand.target_price")} hint={t("demand.target_price_hint")} error={errors.targetPriceCnyPerUnit}>
          <input id="demand-price" type="number" min="0" step="any" inputMode="decimal" className={inputClass} value={v.targetPriceCnyPerUnit} onChange={set("targetPriceCnyPerUnit")} aria-invalid={Boolean(errors.targetPriceCnyPerUnit)} />
        </Field>
      </div>
      <Field id="demand-tax-basis" label={t("terms.tax_basis")} hint={t("terms.tax_basis_demand_hint")} error={errors.taxBasis}>
        <select id="demand-tax-basis" className={`${inputClass} sm:w-1/3`} value={v.taxBasis} onChange={set("taxBasis")}>
          <option value="incl_vat">{t("terms.incl_vat")}</option>
          <option value="excl_vat">{t("terms.excl_vat")}</option>
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="demand-from" label={t("demand.delivery_from")} error={errors.deliveryFrom}>
          <input id="demand-from" type="date" className={inputClass} value={v.deliveryFrom} onChange={set("deliveryFrom")} aria-invalid={Boolean(errors.deliveryFrom)} />
        </Field>
        <Field id="demand-to" label={t("demand.delivery_to")} error={errors.deliveryTo}>
          <input id="demand-to" type="date" className={inputClass} value={v.deliveryTo} onChange={set("deliveryTo")} aria-invalid={Boolean(errors.deliveryTo)} />
        </Field>
        <Field id="demand-place" label={t("demand.place")} error={errors.place}>
          <input id="demand-place" className={inputClass} value={v.place} onChange={set("place")} aria-invalid={Boolean(errors.place)} />
        </Field>
      </div>
      <Field id="demand-expires" label={t("demand.expires_on")} hint={t("demand.expires_hint")} error={errors.expiresOn} required>
        <input id="demand-expires" type="date" className={`${inputClass} sm:w-60`} value={v.expiresOn} onChange={set("expiresOn")} aria-invalid={Boolean(errors.expiresOn)} />
      </Field>
      <div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            id="demand-byproducts" type="checkbox" checked={v.acceptsByproducts} aria-describedby="demand-byproducts-hint"
            onChange={(e) => setV((old) => ({ ...old, acceptsByproducts: e.target.checked }))}
          />
          {t("demand.accepts_byproducts")}
        </label>
        <p id="demand-byproducts-hint" className="mt-1 text-xs text-slate-500">{t("demand.accepts_byproducts_hint")}</p>
      </div>
      <Field id="demand-note" label={t("demand.note")} error={errors.note}>
        <textarea id="demand-note" translate="no" rows={3} className={inputClass} value={v.note} onChange={set("note")} />
      </Field>
      {mutation.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(mutation.error, locale, t)}</Notice> : null}
      {Object.keys(errors).length ? <Notice tone="error">{t("common.fix_errors")}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? t("common.saving") : demandId && !draft ? t("common.save") : t("demand.publish")}</Button>
        {!demandId || draft ? (
          <Button variant="secondary" disabled={mutation.isPending} onClick={() => submit(false)}>{t("listing.save_draft")}</Button>
        ) : null}
      </div>
    </form>
  );
}
