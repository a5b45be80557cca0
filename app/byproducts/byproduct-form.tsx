"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

export interface ByproductValues {
  name: string;
  cas: string;
  wasteCode: string;
  composition: string;
  monthlyVolumeT: string;
  place: string;
}

/** List or edit a by-product or waste stream offered as feedstock. */
export function ByproductForm({ enterpriseId, byproductId, draft, initial }: { enterpriseId: number; byproductId?: number; draft?: boolean; initial?: ByproductValues }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState<ByproductValues>(initial ?? { name: "", cas: "", wasteCode: "", composition: "", monthlyVolumeT: "", place: "" });
  const done = { onSuccess: (row: { id: number }) => { router.push(`/byproducts/${row.id}`); router.refresh(); } };
  const create = useMutation(trpc.byproduct.create.mutationOptions(done));
  const update = useMutation(trpc.byproduct.update.mutationOptions(done));
  const mutation = byproductId ? update : create;
  const errors = fieldErrors(mutation.error, t);
  const set = (key: keyof ByproductValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV((old) => ({ ...old, [key]: e.target.value }));
  const submit = (publish: boolean) => {
    const fields = {
      name: v.name, cas: v.cas || null, wasteCode: v.wasteCode || null, composition: v.composition,
      monthlyVolumeT: v.monthlyVolumeT.trim() === "" ? (undefined as unknown as number) : Number(v.monthlyVolumeT), place: v.place, publish,
    };
    if (byproductId) update.mutate({ id: byproductId, ...fields });
    else create.mutate({ enterpriseId, ...fields });
  };
  return (
    <form className="space-y-4" noValidate onSubmit={(e) => { e.preventDefault(); submit(true); }}>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <Field id="bp-name" label={t("byproduct.name")} error={errors.name} required>
            <input id="bp-name" translate="no" className={inputClass} value={v.name} onChange={set("name")} aria-invalid={Boolean(errors.name)} />
          </Field>
        </div>
        <Field id="bp-cas" label={t("demand.cas")} hint={t("demand.cas_hint")} error={errors.cas}>
          <input id="bp-cas" className={`${inputClass} font-mono`} value={v.cas} onChange={set("cas")} aria-invalid={Boolean(errors.cas)} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="bp-waste" label={t("byproduct.waste_code")} hint={t("byproduct.waste_code_hint")} error={errors.wasteCode}>
          <input id="bp-waste" className={`${inputClass} font-mono`} value={v.wasteCode} onChange={set("wasteCode")} aria-invalid={Boolean(errors.wasteCode)} />
        </Field>
        <Field id="bp-volume" label={t("byproduct.monthly_volume")} error={errors.monthlyVolumeT} required>
          <input id="bp-volume" type="number" min="0" step="any" inputMode="decimal" className={inputClass} value={v.monthlyVolumeT} onChange={set("monthlyVolumeT")} aria-invalid={Boolean(errors.monthlyVolumeT)} />
        </Field>
        <Field id="bp-place" label={t("demand.place")} error={errors.place}>
          <input id="bp-place" translate="no" className={inputClass} value={v.place} onChange={set("place")} aria-invalid={Boolean(errors.place)} />
        </Field>
      </div>
      <Field id="bp-composition" label={t("byproduct.composition")} error={errors.composition}>
        <textarea id="bp-composition" translate="no" rows={3} className={inputClass} value={v.composition} onChange={set("composition")} aria-invalid={Boolean(errors.composition)} />
      </Field>
      {mutation.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(mutation.error, locale, t)}</Notice> : null}
      {Object.keys(errors).length ? <Notice tone="error">{t("common.fix_errors")}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? t("common.saving") : byproductId && !draft ? t("common.save") : t("byproduct.publish")}</Button>
        {!byproductId || draft ? <Button variant="secondary" disabled={mutation.isPending} onClick={() => submit(false)}>{t("listing.save_draft")}</Button> : null}
      </div>
    </form>
  );
}

/** Close a by-product listing, or reopen it. */
export function ByproductActions({ id, close, repost }: { id: number; close: boolean; repost: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const closing = useMutation(trpc.byproduct.close.mutationOptions(refresh));
  const reposting = useMutation(trpc.byproduct.repost.mutationOptions(refresh));
  const error = closing.error ?? reposting.error;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {close ? <Button size="sm" variant="secondary" disabled={closing.isPending} onClick={() => closing.mutate({ id })}>{closing.isPending ? t("listing.closing") : t("listing.close")}</Button> : null}
      {repost ? <Button size="sm" disabled={reposting.isPending} onClick={() => reposting.mutate({ id })}>{reposting.isPending ? t("listing.reposting") : t("listing.repost")}</Button> : null}
      {error ? <span className="text-xs text-red-600" role="alert">{errorMessage(error, locale, t)}</span> : null}
    </span>
  );
}
