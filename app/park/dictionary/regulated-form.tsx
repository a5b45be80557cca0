"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useI18n } from "@/i18n/client";
import { messageWith } from "@/app/_components/user-text";

/** The lists as park staff choose them: 剧毒, 易制爆, 易制毒 by category. */
const CHOICES = ["highly_toxic", "explosive_precursor", "precursor_1", "precursor_2", "precursor_3"] as const;
type Choice = (typeof CHOICES)[number];

const toInput = (choice: Choice) =>
  choice.startsWith("precursor_")
    ? { list: "precursor" as const, category: Number(choice.slice(-1)) }
    : { list: choice as "highly_toxic" | "explosive_precursor", category: null };

/**
 * Adds a substance to a regulated list or removes it, with the date it takes effect and the
 * reason; a summary asks for confirmation before the change is recorded (it cannot be edited
 * afterwards, only superseded by a later change).
 */
export function RegulatedListForm({ cas, name, today }: { cas: string; name: string; today: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [choice, setChoice] = useState<Choice>("precursor_3");
  const [action, setAction] = useState<"add" | "remove">("add");
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<null | { inEffect: boolean }>(null);
  const change = useMutation(trpc.substance.changeRegulatedList.mutationOptions({
    onSuccess: (result) => {
      setDone({ inEffect: result.inEffect });
      setConfirming(false);
      setReason("");
      router.refresh();
    },
    onError: () => setConfirming(false),
  }));
  const errors = fieldErrors(change.error, t);
  const listLabel = t(`regulated.list.${choice}`);

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        setConfirming(true);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="regulated-action" label={t("regulated.action")}>
          <select id="regulated-action" className={inputClass} value={action} onChange={(e) => setAction(e.target.value as "add" | "remove")} disabled={confirming}>
            <option value="add">{t("regulated.add")}</option>
            <option value="remove">{t("regulated.remove")}</option>
          </select>
        </Field>
        <Field id="regulated-list" label={t("regulated.list_label")} error={errors.category ?? errors.list}>
          <select id="regulated-list" className={inputClass} value={choice} onChange={(e) => setChoice(e.target.value as Choice)} disabled={confirming}>
            {CHOICES.map((c) => <option key={c} value={c}>{t(`regulated.list.${c}`)}</option>)}
          </select>
        </Field>
        <Field id="regulated-effective" label={t("regulated.effective_on")} hint={t("regulated.effective_hint")} error={errors.effectiveOn} required>
          <input id="regulated-effective" type="date" className={inputClass} value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} disabled={confirming} required aria-invalid={Boolean(errors.effectiveOn)} />
        </Field>
        <Field id="regulated-reason" label={t("regulated.reason")} hint={t("regulated.reason_hint")} error={errors.reason} required>
          <input id="regulated-reason" className={inputClass} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} disabled={confirming} required aria-invalid={Boolean(errors.reason)} />
        </Field>
      </div>
      {confirming ? (
        <Notice tone="warning">
          <p>{messageWith(t, action === "add" ? "regulated.confirm_add" : "regulated.confirm_remove", { name }, { cas, list: listLabel, date: effectiveOn })}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button
              disabled={change.isPending}
              onClick={() => change.mutate({ cas, action, effectiveOn, reason, ...toInput(choice), ...(action === "remove" ? { category: null } : {}) })}
            >
              {change.isPending ? t("common.saving") : t("regulated.confirm")}
            </Button>
            <Button variant="secondary" disabled={change.isPending} onClick={() => setConfirming(false)}>{t("regulated.cancel")}</Button>
          </div>
        </Notice>
      ) : (
        <Button type="submit">{t("regulated.submit")}</Button>
      )}
      {change.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(change.error, locale, t)}</Notice> : null}
      {done ? <Notice tone="success">{t(done.inEffect ? "regulated.saved_now" : "regulated.saved_later")}</Notice> : null}
    </form>
  );
}
