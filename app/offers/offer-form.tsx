"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { isoDateIn } from "@/app/_components/listing-bits";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

export interface OfferValues {
  productId: string;
  quantity: string;
  unit: "t" | "kg";
  priceCnyPerUnit: string;
  taxBasis: "incl_vat" | "excl_vat";
  validFrom: string;
  validUntil: string;
  place: string;
}

const num = (v: string) => (v.trim() === "" ? null : Number(v));

/** Post or edit a supply offer for one of the enterprise's products. */
export function OfferForm({ enterpriseId, offerId, draft, products, initial }: {
  enterpriseId: number; offerId?: number; draft?: boolean;
  products: { id: number; name: string; sku: string; grade: string | null; cas: string | null; substanceEn: string | null }[];
  initial?: OfferValues;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState<OfferValues>(initial ?? { productId: "", quantity: "", unit: "t", priceCnyPerUnit: "", taxBasis: "incl_vat", validFrom: isoDateIn(0), validUntil: isoDateIn(60), place: "" });
  const done = { onSuccess: () => { router.push("/offers"); router.refresh(); } };
  const create = useMutation(trpc.offer.create.mutationOptions(done));
  const update = useMutation(trpc.offer.update.mutationOptions(done));
  const mutation = offerId ? update : create;
  const errors = fieldErrors(mutation.error, t);
  const set = (key: keyof OfferValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((old) => ({ ...old, [key]: e.target.value }));
  const submit = (publish: boolean) => {
    const fields = {
      productId: num(v.productId) ?? (undefined as unknown as number), quantity: num(v.quantity) ?? (undefined as unknown as number), unit: v.unit,
      priceCnyPerUnit: num(v.priceCnyPerUnit), taxBasis: v.taxBasis, validFrom: v.validFrom || null, validUntil: v.validUntil, place: v.place, publish,
    };
    if (offerId) update.mutate({ id: offerId, ...fields });
    else create.mutate({ enterpriseId, ...fields });
  };

  if (products.length === 0) return <Notice tone="info">{t("offer.no_products")}</Notice>;
  return (
    <form className="space-y-4" noValidate onSubmit={(e) => { e.preventDefault(); submit(true); }}>
      <Field id="offer-product" label={t("offer.product")} error={errors.productId} required>
        <select id="offer-product" className={inputClass} value={v.productId} onChange={set("productId")} aria-invalid={Boolean(errors.productId)}>
          <option value="">{t("offer.choose_product")}</option>
          {products.map((p) => {
            // the dictionary's English name in English; a typed name stays as typed (user content: the option is marked)
            const english = locale === "en" && p.substanceEn;
            return (
              <option key={p.id} value={p.id} translate={english ? undefined : "no"}>
                {english || p.name}{p.grade ? ` · ${t(`listing.grade_${p.grade}`)}` : ""}{p.cas ? ` · ${p.cas}` : ""} ({p.sku})
              </option>
            );
          })}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="offer-quantity" label={t("offer.quantity")} error={errors.quantity} required>
          <input id="offer-quantity" type="number" min="0" step="any" inputMode="decimal" className={inputClass} value={v.quantity} onChange={set("quantity")} aria-invalid={Boolean(errors.quantity)} />
        </Field>
        <Field id="offer-unit" label={t("demand.unit")} error={errors.unit}>
          <select id="offer-unit" className={inputClass} value={v.unit} onChange={set("unit")}>
            <option value="t">{t("listing.unit_t")}</option>
            <option value="kg">{t("listing.unit_kg")}</option>
          </select>
        </Field>
        <Field id="offer-price" label={t("offer.price")} hint={t("demand.target_price_hint")} error={errors.priceCnyPerUnit}>
          <input id="offer-price" type="number" min="0" step="any" inputMode="decimal" className={inputClass} value={v.priceCnyPerUnit} onChange={set("priceCnyPerUnit")} aria-invalid={Boolean(errors.priceCnyPerUnit)} />
        </Field>
      </div>
      <Field id="offer-tax-basis" label={t("terms.tax_basis")} hint={t("terms.tax_basis_offer_hint")} error={errors.taxBasis}>
        <select id="offer-tax-basis" className={`${inputClass} sm:w-1/3`} value={v.taxBasis} onChange={set("taxBasis")}>
          <option value="incl_vat">{t("terms.incl_vat")}</option>
          <option value="excl_vat">{t("terms.excl_vat")}</option>
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="offer-from" label={t("offer.valid_from")} error={errors.validFrom}>
          <input id="offer-from" type="date" className={inputClass} value={v.validFrom} onChange={set("validFrom")} aria-invalid={Boolean(errors.validFrom)} />
        </Field>
        <Field id="offer-until" label={t("offer.valid_until")} error={errors.validUntil} required>
          <input id="offer-until" type="date" className={inputClass} value={v.validUntil} onChange={set("validUntil")} aria-invalid={Boolean(errors.validUntil)} />
        </Field>
        <Field id="offer-place" label={t("demand.place")} error={errors.place}>
          <input id="offer-place" translate="no" className={inputClass} value={v.place} onChange={set("place")} aria-invalid={Boolean(errors.place)} />
        </Field>
      </div>
      {mutation.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(mutation.error, locale, t)}</Notice> : null}
      {Object.keys(errors).length ? <Notice tone="error">{t("common.fix_errors")}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? t("common.saving") : offerId && !draft ? t("common.save") : t("offer.publish")}</Button>
        {!offerId || draft ? <Button variant="secondary" disabled={mutation.isPending} onClick={() => submit(false)}>{t("listing.save_draft")}</Button> : null}
      </div>
    </form>
  );
}
