"use client";

import { FilePicker } from "@/app/_components/file-picker";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fileToBase64 } from "@/app/_components/import-result";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";
import { messageWith } from "@/app/_components/user-text";

const MAX_MB = 5;

/** A reply in the thread, with an optional attachment (at most 5 MB). */
export function MessageForm({ inquiryId }: { inquiryId: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const post = useMutation(trpc.inquiry.post.mutationOptions({
    onSuccess: () => {
      setBody("");
      setFile(null);
      setInputKey((k) => k + 1);
      router.refresh();
    },
  }));
  const errors = fieldErrors(post.error, t);
  return (
    <form
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const attachment = file ? { filename: file.name, contentType: file.type || "application/octet-stream", content: await fileToBase64(file) } : undefined;
        post.mutate({ inquiryId, body, attachment });
      }}
    >
      <Field id="message-body" label={t("inquiry.reply")} error={errors.body} required>
        <textarea id="message-body" rows={3} className={inputClass} maxLength={4000} value={body} aria-invalid={Boolean(errors.body)} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <FilePicker key={inputKey} id="message-file" label={t("inquiry.attachment")} accept="*/*" maxBytes={MAX_MB * 1024 * 1024} onChange={setFile} />
      {errors.attachment ? <p className="text-xs text-red-600" role="alert">{errors.attachment}</p> : <p className="text-xs text-slate-500">{t("inquiry.attachment_hint", { mb: MAX_MB })}</p>}
      {post.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(post.error, locale, t)}</Notice> : null}
      <Button type="submit" disabled={post.isPending}>{post.isPending ? t("common.sending") : t("inquiry.send_reply")}</Button>
    </form>
  );
}

const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

type TaxBasis = "incl_vat" | "excl_vat";
type Payment = "cash" | "bank_acceptance" | "credit";
type Delivery = "ex_works" | "delivered";
const num = (v: string) => (v.trim() === "" ? null : Number(v));

/**
 * The supplier's quote: price, quantity, validity and its terms as data (tax basis and VAT rate,
 * payment, delivery and place, MOQ, lead time, packaging, notes). The tax basis starts as the
 * demand's. With `counter`, the quote answers that counter-offer (the quote's next version).
 */
export function QuoteForm({ inquiryId, defaultQuantity, defaultTaxBasis, counter }: {
  inquiryId: number; defaultQuantity?: number; defaultTaxBasis?: TaxBasis;
  counter?: { id: number; price: string };
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const empty = {
    price: "", quantity: defaultQuantity ? String(defaultQuantity) : "", validUntil: inDays(14),
    taxBasis: defaultTaxBasis ?? ("incl_vat" as TaxBasis), vatRatePct: "13", paymentTerms: "cash" as Payment, paymentDays: "",
    deliveryMode: "delivered" as Delivery, deliveryPlace: "", moq: "", leadTimeDays: "", packaging: "", notes: "",
  };
  const [v, setV] = useState(empty);
  const [local, setLocal] = useState<Record<string, string>>({});
  const quote = useMutation(trpc.inquiry.quote.mutationOptions({
    onSuccess: () => {
      setV(empty);
      router.replace(`/inquiries/${inquiryId}`);
      router.refresh();
    },
  }));
  const errors = { ...fieldErrors(quote.error, t), ...local };
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setV({ ...v, [key]: e.target.value });
  const amount = Number(v.price) * Number(v.quantity);
  return (
    <form
      id="quote-form"
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (v.price === "" || !(Number(v.price) >= 0)) problems.priceCnyPerUnit = t("quote.price_invalid");
        if (!(Number(v.quantity) > 0)) problems.quantity = t("validation.deals.quantity_positive");
        if (!v.validUntil || v.validUntil < inDays(0)) problems.validUntil = t("quote.valid_until_invalid");
        if (v.paymentTerms === "credit" && v.paymentDays.trim() === "") problems.paymentDays = t("validation.quote.payment_days_required");
        setLocal(problems);
        if (Object.keys(problems).length) return;
        quote.mutate({
          inquiryId, priceCnyPerUnit: Number(v.price), quantity: Number(v.quantity), unit: "t", validUntil: v.validUntil,
          taxBasis: v.taxBasis, vatRatePct: Number(v.vatRatePct), paymentTerms: v.paymentTerms,
          paymentDays: v.paymentTerms === "credit" ? num(v.paymentDays) : null, deliveryMode: v.deliveryMode, deliveryPlace: v.deliveryPlace || null,
          moq: num(v.moq), leadTimeDays: num(v.leadTimeDays), packaging: v.packaging || null, notes: v.notes || null,
          counterId: counter?.id,
        });
      }}
    >
      <h3 className="text-sm font-semibold">{t("quote.send_title")}</h3>
      {counter ? (
        <Notice tone="info">
          {t("quote.answering", { price: counter.price })}{" "}
          <Link href={`/inquiries/${inquiryId}`} className="underline">{t("quote.answering_cancel")}</Link>
        </Notice>
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 [&>*]:min-w-0">
        <Field id="quote-price" label={t("quote.price_label")} error={errors.priceCnyPerUnit} required>
          <input id="quote-price" type="number" inputMode="decimal" min={0} step="0.01" className={inputClass} value={v.price} onChange={set("price")} aria-invalid={Boolean(errors.priceCnyPerUnit)} />
        </Field>
        <Field id="quote-quantity" label={t("quote.quantity_label")} error={errors.quantity} required>
          <input id="quote-quantity" type="number" inputMode="decimal" min={0} step="0.001" className={inputClass} value={v.quantity} onChange={set("quantity")} aria-invalid={Boolean(errors.quantity)} />
        </Field>
        <Field id="quote-tax-basis" label={t("terms.tax_basis")} error={errors.taxBasis} required>
          <select id="quote-tax-basis" className={inputClass} value={v.taxBasis} onChange={set("taxBasis")}>
            <option value="incl_vat">{t("terms.incl_vat")}</option>
            <option value="excl_vat">{t("terms.excl_vat")}</option>
          </select>
        </Field>
        <Field id="quote-vat" label={t("terms.vat_rate")} error={errors.vatRatePct} required>
          <input id="quote-vat" type="number" inputMode="decimal" min={0} max={30} step="0.01" className={inputClass} value={v.vatRatePct} onChange={set("vatRatePct")} aria-invalid={Boolean(errors.vatRatePct)} />
        </Field>
        <Field id="quote-payment" label={t("terms.payment")} error={errors.paymentTerms} required>
          <select id="quote-payment" className={inputClass} value={v.paymentTerms} onChange={set("paymentTerms")}>
            {(["cash", "bank_acceptance", "credit"] as const).map((k) => <option key={k} value={k}>{t(`terms.${k}`)}</option>)}
          </select>
        </Field>
        {v.paymentTerms === "credit" ? (
          <Field id="quote-payment-days" label={t("terms.payment_days")} error={errors.paymentDays} required>
            <input id="quote-payment-days" type="number" inputMode="numeric" min={1} max={365} step={1} className={inputClass} value={v.paymentDays} onChange={set("paymentDays")} aria-invalid={Boolean(errors.paymentDays)} />
          </Field>
        ) : <div />}
        <Field id="quote-delivery" label={t("terms.delivery")} error={errors.deliveryMode} required>
          <select id="quote-delivery" className={inputClass} value={v.deliveryMode} onChange={set("deliveryMode")}>
            <option value="delivered">{t("terms.delivered")}</option>
            <option value="ex_works">{t("terms.ex_works")}</option>
          </select>
        </Field>
        <Field id="quote-place" label={t("terms.delivery_place")} error={errors.deliveryPlace}>
          <input id="quote-place" className={inputClass} maxLength={200} value={v.deliveryPlace} onChange={set("deliveryPlace")} />
        </Field>
        <Field id="quote-moq" label={t("terms.moq")} error={errors.moq}>
          <input id="quote-moq" type="number" inputMode="decimal" min={0} step="0.001" className={inputClass} value={v.moq} onChange={set("moq")} aria-invalid={Boolean(errors.moq)} />
        </Field>
        <Field id="quote-lead" label={t("terms.lead_time")} error={errors.leadTimeDays}>
          <input id="quote-lead" type="number" inputMode="numeric" min={0} max={365} step={1} className={inputClass} value={v.leadTimeDays} onChange={set("leadTimeDays")} aria-invalid={Boolean(errors.leadTimeDays)} />
        </Field>
      </div>
      <Field id="quote-packaging" label={t("terms.packaging")} hint={t("terms.packaging_hint")} error={errors.packaging}>
        <input id="quote-packaging" className={inputClass} maxLength={200} value={v.packaging} onChange={set("packaging")} />
      </Field>
      <Field id="quote-valid" label={t("quote.valid_until")} hint={t("quote.valid_until_hint")} error={errors.validUntil} required>
        <input id="quote-valid" type="date" min={inDays(0)} className={inputClass} value={v.validUntil} onChange={set("validUntil")} aria-invalid={Boolean(errors.validUntil)} />
      </Field>
      <Field id="quote-note" label={t("terms.notes")} error={errors.notes}>
        <textarea id="quote-note" rows={2} className={inputClass} maxLength={2000} value={v.notes} onChange={set("notes")} />
      </Field>
      {amount > 0 ? <p className="text-sm text-slate-600">{t("quote.amount_preview", { amount: amount.toLocaleString(locale === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 2 }) })}</p> : null}
      {quote.error && !Object.keys(fieldErrors(quote.error, t)).length ? <Notice tone="error">{errorMessage(quote.error, locale, t)}</Notice> : null}
      <Button type="submit" disabled={quote.isPending}>{quote.isPending ? t("common.sending") : t("quote.send")}</Button>
    </form>
  );
}

/**
 * The buyer accepts one quote: first a confirmation stating the amount (formatCny) and what will be
 * created, then a draft agreement of the chosen type.
 */
export function AcceptQuote({ quoteId, label, version, amount, price, quantity }: {
  /** the supplier's name (user content: marked wherever it is said, the button's name included) */
  quoteId: number; label: string; version: number;
  /** already formatted: the total (formatCny), the unit price (formatYuan/t) and the quantity */
  amount: string; price: string; quantity: string;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [type, setType] = useState<"framework" | "contract" | "order">("order");
  const [confirming, setConfirming] = useState(false);
  const accept = useMutation(trpc.inquiry.accept.mutationOptions({ onSuccess: ({ agreementId }) => router.push(`/agreements/${agreementId}`) }));
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={`accept-type-${quoteId}`} className="sr-only">{t("quote.agreement_type")}</label>
        <select id={`accept-type-${quoteId}`} className={`${inputClass} w-auto py-1`} value={type} disabled={confirming} onChange={(e) => setType(e.target.value as typeof type)}>
          {(["order", "contract", "framework"] as const).map((k) => <option key={k} value={k}>{t(`agreement.type.${k}`)}</option>)}
        </select>
        {!confirming ? (
          <>
            <Button size="sm" onClick={() => setConfirming(true)} aria-labelledby={`accept-name-${quoteId}`}>{t("quote.accept")}</Button>
            <span id={`accept-name-${quoteId}`} hidden>{messageWith(t, "quote.accept_from", { name: label })}</span>
          </>
        ) : null}
      </div>
      {confirming ? (
        <div role="alertdialog" aria-labelledby={`accept-confirm-${quoteId}`} className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          <p id={`accept-confirm-${quoteId}`}>{messageWith(t, "quote.accept_confirm", { name: label }, { version, amount, price, quantity, type: t(`agreement.type.${type}`) })}</p>
          <div className="mt-2 flex gap-2">
            <Button size="sm" disabled={accept.isPending} onClick={() => accept.mutate({ quoteId, agreementType: type })}>
              {accept.isPending ? t("common.saving") : t("quote.accept_confirm_yes")}
            </Button>
            <Button size="sm" variant="secondary" disabled={accept.isPending} onClick={() => setConfirming(false)}>{t("common.cancel")}</Button>
          </div>
        </div>
      ) : null}
      {accept.error ? <span role="alert" className="text-xs text-red-600">{errorMessage(accept.error, locale, t)}</span> : null}
    </div>
  );
}

/** 还价: the buyer proposes a price, and optionally quantity, tax basis, payment and delivery, on one quote version. */
export function CounterForm({ quoteId, version }: { quoteId: number; version: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [more, setMore] = useState(false);
  const empty = { price: "", quantity: "", taxBasis: "", paymentTerms: "", paymentDays: "", deliveryMode: "", deliveryPlace: "", note: "" };
  const [v, setV] = useState(empty);
  const counter = useMutation(trpc.inquiry.counter.mutationOptions({ onSuccess: () => { setV(empty); setOpen(false); router.refresh(); } }));
  const errors = fieldErrors(counter.error, t);
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setV({ ...v, [key]: e.target.value });
  if (!open) return <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>{t("quote.counter")} v{version}</Button>;
  const id = (name: string) => `counter-${quoteId}-${name}`;
  return (
    <form
      className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label={t("quote.counter_title")}
      onSubmit={(e) => {
        e.preventDefault();
        counter.mutate({
          quoteId, priceCnyPerUnit: v.price === "" ? Number.NaN : Number(v.price), quantity: num(v.quantity),
          taxBasis: (v.taxBasis || null) as TaxBasis | null, paymentTerms: (v.paymentTerms || null) as Payment | null,
          paymentDays: v.paymentTerms === "credit" ? num(v.paymentDays) : null, deliveryMode: (v.deliveryMode || null) as Delivery | null,
          deliveryPlace: v.deliveryPlace || null, note: v.note || null,
        });
      }}
    >
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 [&>*]:min-w-0">
        <Field id={id("price")} label={t("quote.counter_price")} error={errors.priceCnyPerUnit} required>
          <input id={id("price")} type="number" inputMode="decimal" min={0} step="0.01" className={inputClass} value={v.price} onChange={set("price")} aria-invalid={Boolean(errors.priceCnyPerUnit)} />
        </Field>
        <Field id={id("quantity")} label={t("quote.counter_quantity")} error={errors.quantity}>
          <input id={id("quantity")} type="number" inputMode="decimal" min={0} step="0.001" className={inputClass} value={v.quantity} onChange={set("quantity")} aria-invalid={Boolean(errors.quantity)} />
        </Field>
      </div>
      {!more ? <button type="button" className="text-xs text-brand-700 underline" onClick={() => setMore(true)}>{t("quote.counter_other_terms")}</button> : (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 [&>*]:min-w-0">
          <Field id={id("tax")} label={t("terms.tax_basis")}>
            <select id={id("tax")} className={inputClass} value={v.taxBasis} onChange={set("taxBasis")}>
              <option value="">{t("terms.unchanged")}</option>
              <option value="incl_vat">{t("terms.incl_vat")}</option>
              <option value="excl_vat">{t("terms.excl_vat")}</option>
            </select>
          </Field>
          <Field id={id("payment")} label={t("terms.payment")}>
            <select id={id("payment")} className={inputClass} value={v.paymentTerms} onChange={set("paymentTerms")}>
              <option value="">{t("terms.unchanged")}</option>
              {(["cash", "bank_acceptance", "credit"] as const).map((k) => <option key={k} value={k}>{t(`terms.${k}`)}</option>)}
            </select>
          </Field>
          {v.paymentTerms === "credit" ? (
            <Field id={id("days")} label={t("terms.payment_days")} error={errors.paymentDays} required>
              <input id={id("days")} type="number" inputMode="numeric" min={1} max={365} step={1} className={inputClass} value={v.paymentDays} onChange={set("paymentDays")} aria-invalid={Boolean(errors.paymentDays)} />
            </Field>
          ) : null}
          <Field id={id("delivery")} label={t("terms.delivery")}>
            <select id={id("delivery")} className={inputClass} value={v.deliveryMode} onChange={set("deliveryMode")}>
              <option value="">{t("terms.unchanged")}</option>
              <option value="delivered">{t("terms.delivered")}</option>
              <option value="ex_works">{t("terms.ex_works")}</option>
            </select>
          </Field>
          <Field id={id("place")} label={t("terms.delivery_place")}>
            <input id={id("place")} className={inputClass} maxLength={200} value={v.deliveryPlace} onChange={set("deliveryPlace")} />
          </Field>
        </div>
      )}
      <Field id={id("note")} label={t("quote.counter_note")} error={errors.note}>
        <textarea id={id("note")} rows={2} className={inputClass} maxLength={2000} value={v.note} onChange={set("note")} />
      </Field>
      {counter.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(counter.error, locale, t)}</Notice> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={counter.isPending}>{counter.isPending ? t("common.sending") : t("quote.counter_send")}</Button>
        <Button size="sm" variant="secondary" onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
      </div>
    </form>
  );
}

/** The supplier's answer to an open counter-offer: accept (a new version at its terms), decline, or quote again. */
export function AnswerCounter({ counterId, inquiryId }: { counterId: number; inquiryId: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const answer = useMutation(trpc.inquiry.answerCounter.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <Button size="sm" disabled={answer.isPending} onClick={() => answer.mutate({ counterId, answer: "accept" })}>{t("quote.answer_accept")}</Button>
      <Button size="sm" variant="secondary" disabled={answer.isPending} onClick={() => answer.mutate({ counterId, answer: "decline" })}>{t("quote.answer_decline")}</Button>
      <Link href={`/inquiries/${inquiryId}?counter=${counterId}#quote-form`} className="text-sm text-brand-700 underline">{t("quote.answer_requote")}</Link>
      {answer.error ? <span role="alert" className="text-xs text-red-600">{errorMessage(answer.error, locale, t)}</span> : null}
    </div>
  );
}

/** Either party closes a thread that led nowhere. */
export function CloseInquiry({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const close = useMutation(trpc.inquiry.close.mutationOptions({ onSuccess: () => router.refresh() }));
  if (!confirming) return <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>{t("inquiry.close")}</Button>;
  return (
    <span className="flex items-center gap-2 text-sm">
      {t("inquiry.close_confirm")}
      <Button size="sm" variant="danger" disabled={close.isPending} onClick={() => close.mutate({ id })}>{t("common.yes")}</Button>
      <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>{t("common.no")}</Button>
      {close.error ? <span role="alert" className="text-xs text-red-600">{errorMessage(close.error, locale, t)}</span> : null}
    </span>
  );
}
