"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useI18n } from "@/i18n/client";
import { FORMS, GRADES } from "@/server/catalogue/vocabulary";

export interface ProductValues {
  sku: string;
  name: string;
  cas: string;
  grade: string;
  purityPct: string;
  form: string;
  packaging: string;
  capacityTpy: string;
  availableT: string;
  priceCnyPerT: string;
  description: string;
}

export const emptyProduct: ProductValues = {
  sku: "", name: "", cas: "", grade: "", purityPct: "", form: "", packaging: "", capacityTpy: "", availableT: "", priceCnyPerT: "", description: "",
};

/** A number field as typed: empty is "not given"; anything else goes to the server, which checks it. */
const number = (text: string) => (text.trim() === "" ? null : Number(text.replace(/[,，\s]/g, "")));

/** The field a refused save names (a sku already taken), from the error's details. */
function conflictField(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: { field?: string } } | undefined)?.details;
  return details?.field ?? null;
}

/** Adds a product to an enterprise's catalogue, or edits one. */
export function ProductForm({ mode, enterpriseId, productId, initial }: { mode: "create" | "edit"; enterpriseId: number; productId?: number; initial: ProductValues }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const onSuccess = (product: { id: number }) => {
    setSaved(true);
    if (mode === "create") router.push(`/enterprise/products/${product.id}`);
    else router.refresh();
  };
  const create = useMutation(trpc.catalogue.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.catalogue.update.mutationOptions({ onSuccess }));
  const save = mode === "create" ? create : update;
  const errors = fieldErrors(save.error, t);
  const conflict = conflictField(save.error);
  if (conflict && save.error) errors[conflict] = errorMessage(save.error, locale, t);
  const general = save.error && !Object.keys(errors).length ? errorMessage(save.error, locale, t) : null;

  const set = (key: keyof ProductValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: e.target.value }));
  };
  const input = (key: keyof ProductValues, label: string, options: { required?: boolean; hint?: string; mono?: boolean; numeric?: boolean; max?: number } = {}) => (
    <Field id={`product-${key}`} label={label} error={errors[key]} hint={options.hint} required={options.required}>
      <input
        id={`product-${key}`}
        className={`${inputClass} ${options.mono ? "font-mono" : ""}`}
        value={values[key]}
        onChange={set(key)}
        inputMode={options.numeric ? "decimal" : undefined}
        maxLength={options.max}
        aria-invalid={Boolean(errors[key])}
        aria-describedby={errors[key] ? `product-${key}-error` : undefined}
        required={options.required}
      />
    </Field>
  );

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const fields = {
          sku: values.sku, name: values.name, cas: values.cas || null,
          grade: (values.grade || null) as (typeof GRADES)[number] | null,
          purityPct: number(values.purityPct),
          form: (values.form || null) as (typeof FORMS)[number] | null,
          packaging: values.packaging, capacityTpy: number(values.capacityTpy), availableT: number(values.availableT),
          priceCnyPerT: number(values.priceCnyPerT), description: values.description,
        };
        if (mode === "create") create.mutate({ enterpriseId, ...fields });
        else update.mutate({ id: productId!, ...fields });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {input("sku", t("catalogue.field.sku"), { required: true, mono: true, hint: t("catalogue.sku_hint"), max: 64 })}
        {input("name", t("catalogue.field.name"), { required: true, max: 200 })}
        {input("cas", t("catalogue.field.cas"), { mono: true, hint: t("catalogue.cas_hint"), max: 20 })}
        <Field id="product-grade" label={t("catalogue.field.grade")} error={errors.grade}>
          <select id="product-grade" className={inputClass} value={values.grade} onChange={set("grade")} aria-invalid={Boolean(errors.grade)}>
            <option value="">{t("catalogue.not_given")}</option>
            {GRADES.map((g) => <option key={g} value={g}>{t(`catalogue.grade.${g}`)}</option>)}
          </select>
        </Field>
        {input("purityPct", t("catalogue.field.purity"), { numeric: true, hint: t("catalogue.purity_hint") })}
        <Field id="product-form" label={t("catalogue.field.form")} error={errors.form}>
          <select id="product-form" className={inputClass} value={values.form} onChange={set("form")} aria-invalid={Boolean(errors.form)}>
            <option value="">{t("catalogue.not_given")}</option>
            {FORMS.map((f) => <option key={f} value={f}>{t(`catalogue.form.${f}`)}</option>)}
          </select>
        </Field>
        {input("packaging", t("catalogue.field.packaging"), { max: 100 })}
        {input("capacityTpy", t("catalogue.field.capacity_tpy"), { numeric: true })}
        {input("availableT", t("catalogue.field.available_t"), { numeric: true })}
        {input("priceCnyPerT", t("catalogue.field.price_cny_per_t"), { numeric: true })}
      </div>
      <Field id="product-description" label={t("catalogue.field.description")} error={errors.description}>
        <textarea id="product-description" translate="no" rows={4} maxLength={2000} className={inputClass} value={values.description} onChange={set("description")} aria-invalid={Boolean(errors.description)} />
      </Field>
      {general ? <Notice tone="error">{general}</Notice> : null}
      {saved && mode === "edit" ? <Notice tone="success">{t("catalogue.saved")}</Notice> : null}
      <Button type="submit" disabled={save.isPending}>{save.isPending ? t("common.saving") : mode === "create" ? t("catalogue.create") : t("common.save")}</Button>
    </form>
  );
}
