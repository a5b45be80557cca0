"use client";

import { FilePicker } from "@/app/_components/file-picker";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fileToBase64 } from "@/app/_components/import-result";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

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

/** The supplier's quote: price per unit, quantity, validity and delivery terms. */
export function QuoteForm({ inquiryId, defaultQuantity }: { inquiryId: number; defaultQuantity?: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { price: "", quantity: defaultQuantity ? String(defaultQuantity) : "", validUntil: inDays(14), deliveryTerms: "", note: "" };
  const [v, setV] = useState(empty);
  const [local, setLocal] = useState<Record<string, string>>({});
  const quote = useMutation(trpc.inquiry.quote.mutationOptions({
    onSuccess: () => {
      setV(empty);
      router.refresh();
    },
  }));
  const errors = { ...fieldErrors(quote.error, t), ...local };
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV({ ...v, [key]: e.target.value });
  const amount = Number(v.price) * Number(v.quantity);
  return (
    <form
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (v.price === "" || !(Number(v.price) >= 0)) problems.priceCnyPerUnit = t("quote.price_invalid");
        if (!(Number(v.quantity) > 0)) problems.quantity = t("validation.deals.quantity_positive");
        if (!v.validUntil || v.validUntil < inDays(0)) problems.validUntil = t("quote.valid_until_invalid");
        setLocal(problems);
        if (Object.keys(problems).length) return;
        quote.mutate({
          inquiryId, priceCnyPerUnit: Number(v.price), quantity: Number(v.quantity), unit: "t", validUntil: v.validUntil,
          deliveryTerms: v.deliveryTerms || undefined, note: v.note || undefined,
        });
      }}
    >
      <h3 className="text-sm font-semibold">{t("quote.send_title")}</h3>
      <div className="grid grid-cols-2 gap-3">
        <Field id="quote-price" label={t("quote.price_label")} error={errors.priceCnyPerUnit} required>
          <input id="quote-price" type="number" inputMode="decimal" min={0} step="0.01" className={inputClass} value={v.price} onChange={set("price")} aria-invalid={Boolean(errors.priceCnyPerUnit)} />
        </Field>
        <Field id="quote-quantity" label={t("quote.quantity_label")} error={errors.quantity} required>
          <input id="quote-quantity" type="number" inputMode="decimal" min={0} step="0.001" className={inputClass} value={v.quantity} onChange={set("quantity")} aria-invalid={Boolean(errors.quantity)} />
        </Field>
      </div>
      <Field id="quote-valid" label={t("quote.valid_until")} error={errors.validUntil} required>
        <input id="quote-valid" type="date" min={inDays(0)} className={inputClass} value={v.validUntil} onChange={set("validUntil")} aria-invalid={Boolean(errors.validUntil)} />
      </Field>
      <Field id="quote-terms" label={t("quote.delivery_terms")} error={errors.deliveryTerms} hint={t("quote.delivery_terms_hint")}>
        <input id="quote-terms" className={inputClass} maxLength={500} value={v.deliveryTerms} onChange={set("deliveryTerms")} />
      </Field>
      <Field id="quote-note" label={t("quote.note")} error={errors.note}>
        <textarea id="quote-note" rows={2} className={inputClass} maxLength={2000} value={v.note} onChange={set("note")} />
      </Field>
      {amount > 0 ? <p className="text-sm text-slate-600">{t("quote.amount_preview", { amount: amount.toLocaleString(locale === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 2 }) })}</p> : null}
      {quote.error && !Object.keys(fieldErrors(quote.error, t)).length ? <Notice tone="error">{errorMessage(quote.error, locale, t)}</Notice> : null}
      <Button type="submit" disabled={quote.isPending}>{quote.isPending ? t("common.sending") : t("quote.send")}</Button>
    </form>
  );
}

/** The buyer accepts one quote; a draft agreement of the chosen type is created from it. */
export function AcceptQuote({ quoteId, label }: { quoteId: number; label: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [type, setType] = useState<"framework" | "contract" | "order">("order");
  const accept = useMutation(trpc.inquiry.accept.mutationOptions({ onSuccess: ({ agreementId }) => router.push(`/agreements/${agreementId}`) }));
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={`accept-type-${quoteId}`} className="sr-only">{t("quote.agreement_type")}</label>
        <select id={`accept-type-${quoteId}`} className={`${inputClass} w-auto py-1`} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
          {(["order", "contract", "framework"] as const).map((k) => <option key={k} value={k}>{t(`agreement.type.${k}`)}</option>)}
        </select>
        <Button size="sm" disabled={accept.isPending} onClick={() => accept.mutate({ quoteId, agreementType: type })} aria-label={t("quote.accept_from", { name: label })}>
          {accept.isPending ? t("common.saving") : t("quote.accept")}
        </Button>
      </div>
      {accept.error ? <span role="alert" className="text-xs text-red-600">{errorMessage(accept.error, locale, t)}</span> : null}
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
