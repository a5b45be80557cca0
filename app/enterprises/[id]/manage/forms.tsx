"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { useI18n } from "@/i18n/client";
import enVocab from "@/i18n/messages/en/vocab.json";
import { chainName } from "@/i18n/vocabulary";

/** A chain as typed back to the platform's own (Chinese) name: "Fine chemicals" → "精细化工"; anything else as typed. */
const CHAIN_BY_ENGLISH = new Map(Object.entries(enVocab.vocab.chain).map(([zh, en]) => [en.toLowerCase(), zh]));
const chainKey = (typed: string) => CHAIN_BY_ENGLISH.get(typed.toLowerCase()) ?? typed;

interface ProfileValues {
  id: number; name: string; nameEn: string; chains: string[]; address: string;
  contactName: string; contactPhone: string; description: string;
}

/** The enterprise profile; read-only for members who may not change it. */
export function EnterpriseProfileForm({ initial, editable, renameNeedsReview, uscc, park, parkTranslated }: {
  initial: ProfileValues; editable: boolean; renameNeedsReview: boolean; uscc: string; park: string; parkTranslated: boolean;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  // the chains in the reader's language (the platform's list by its English names in English), typed back on saving
  const [values, setValues] = useState({ ...initial, chains: initial.chains.map((c) => chainName(c, locale)).join(locale === "en" ? "; " : "；") });
  const [saved, setSaved] = useState(false);
  const update = useMutation(trpc.enterprise.update.mutationOptions({
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  }));
  const errors = fieldErrors(update.error, t);
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: e.target.value }));
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    update.mutate({
      id: values.id, name: values.name, nameEn: values.nameEn, address: values.address, contactName: values.contactName,
      contactPhone: values.contactPhone, description: values.description,
      chains: values.chains.split(/[;；,，]/).map((c) => chainKey(c.trim())).filter(Boolean),
    });
  };
  const renaming = renameNeedsReview && (values.name.trim() !== initial.name || values.nameEn.trim() !== initial.nameEn);
  const text = (key: "name" | "nameEn" | "address" | "contactName" | "contactPhone", label: string, required = false, hint?: string) => (
    <Field id={`ent-${key}`} label={label} error={errors[key]} required={required} hint={hint}>
      <input id={`ent-${key}`} className={inputClass} value={values[key]} onChange={set(key)} disabled={!editable} aria-invalid={Boolean(errors[key])} />
    </Field>
  );

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div className="min-w-0"><dt className="text-slate-500">{t("enterprise.uscc")}</dt><dd className="font-mono break-all">{uscc}</dd></div>
        <div className="min-w-0"><dt className="text-slate-500">{t("enterprise.park")}</dt><dd translate={parkTranslated ? undefined : "no"}>{park}</dd></div>
      </dl>
      {text("name", t("enterprise.name"), true, editable && renameNeedsReview ? t("enterprise.rename_hint") : undefined)}
      {text("nameEn", t("enterprise.name_en"))}
      {renaming ? <Notice tone="warning">{t("enterprise.rename_review")}</Notice> : null}
      <Field id="ent-chains" label={t("enterprise.chains")} hint={t("enterprise.chains_hint")} error={errors.chains}>
        <input id="ent-chains" className={inputClass} value={values.chains} onChange={set("chains")} disabled={!editable} />
      </Field>
      {text("address", t("enterprise.address"))}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("contactName", t("enterprise.contact_name"))}
        {text("contactPhone", t("enterprise.contact_phone"))}
      </div>
      <Field id="ent-description" label={t("enterprise.description")} error={errors.description}>
        <textarea id="ent-description" translate="no" rows={3} className={inputClass} value={values.description} onChange={set("description")} disabled={!editable} />
      </Field>
      {update.error ? <Notice tone="error">{errorMessage(update.error, locale, t)}</Notice> : null}
      {saved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
      {editable ? (
        <Button type="submit" disabled={update.isPending}>{update.isPending ? t("common.saving") : t("common.save")}</Button>
      ) : (
        <p className="text-xs text-slate-500">{t("enterprise.read_only")}</p>
      )}
    </form>
  );
}

/** An enterprise admin (or park staff) adds a colleague with a first password. */
export function AddMemberForm({ enterpriseId }: { enterpriseId: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { email: "", name: "", password: "", role: "staff" as "admin" | "staff" | "procurement" };
  const [values, setValues] = useState(empty);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(trpc.user.addMember.mutationOptions({
    onSuccess: (user) => {
      setAdded(user.email);
      setValues(empty);
      router.refresh();
    },
  }));
  const errors = fieldErrors(add.error, t);
  return (
    <form noValidate
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(null);
        add.mutate({ enterpriseId, ...values });
      }}
    >
      <h3 className="text-sm font-semibold">{t("enterprise.add_member")}</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="member-name" label={t("enterprise.member_name")} error={errors.name} required>
          <input id="member-name" className={inputClass} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        </Field>
        <Field id="member-email" label={t("auth.email")} error={errors.email} required>
          <input id="member-email" type="email" className={inputClass} value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })} />
        </Field>
        <Field id="member-password" label={t("enterprise.first_password")} error={errors.password} hint={t("enterprise.password_hint")} required>
          <input id="member-password" type="password" autoComplete="new-password" className={inputClass} value={values.password} onChange={(e) => setValues({ ...values, password: e.target.value })} />
        </Field>
        <Field id="member-role" label={t("enterprise.member_role")}>
          <select id="member-role" className={inputClass} value={values.role} onChange={(e) => setValues({ ...values, role: e.target.value as typeof values.role })}>
            {(["admin", "staff", "procurement"] as const).map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
        </Field>
      </div>
      {add.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(add.error, locale, t)}</Notice> : null}
      {added ? <Notice tone="success">{t("enterprise.member_added", { email: added })}</Notice> : null}
      <Button type="submit" variant="secondary" disabled={add.isPending}>{add.isPending ? t("common.saving") : t("enterprise.add_member")}</Button>
    </form>
  );
}
