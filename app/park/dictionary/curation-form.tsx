"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { formatDate } from "@/i18n";
import { useI18n } from "@/i18n/client";
import { messageWith } from "@/app/_components/user-text";

interface Substance {
  cas: string;
  shipped: { nameZh: string | null; nameEn: string | null; aliases: string[] };
  curated: { nameZh: string | null; nameEn: string | null; aliases: string[]; hiddenAliases: string[] };
  flags: { hazardous: boolean; highlyToxic: boolean; explosivePrecursor: boolean; precursorCategory: number | null };
  curatedBy: string | null;
  curatedAt: string | null;
  products: number;
}

const splitAliases = (text: string) => text.split(/[\n;；,，、]/).map((a) => a.trim()).filter(Boolean);

/** One substance's corrections: its names, the aliases park staff add, the shipped aliases they strike out. */
export function CurationForm({ substance }: { substance: Substance }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [nameZh, setNameZh] = useState(substance.curated.nameZh ?? "");
  const [nameEn, setNameEn] = useState(substance.curated.nameEn ?? "");
  const [added, setAdded] = useState(substance.curated.aliases.join("\n"));
  const [hidden, setHidden] = useState(new Set(substance.curated.hiddenAliases));
  const [saved, setSaved] = useState(false);
  const curate = useMutation(trpc.substance.curate.mutationOptions({
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  }));
  const errors = fieldErrors(curate.error, t);

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        curate.mutate({ cas: substance.cas, nameZh: nameZh || null, nameEn: nameEn || null, aliases: splitAliases(added), hiddenAliases: [...hidden] });
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-mono text-sm">CAS {substance.cas}</p>
        <HazardBadges flags={substance.flags} t={t} />
      </div>
      <p className="text-xs text-slate-500">
        {t("dictionary.used_by", { count: substance.products })}
        {substance.curatedAt ? <> · {messageWith(t, "dictionary.last_curated", { by: substance.curatedBy ?? "—" }, { date: formatDate(substance.curatedAt, locale) })}</> : null}
      </p>
      <div>
        <Field id="curate-name-zh" label={t("dictionary.name_zh")} error={errors.nameZh}>
          <input id="curate-name-zh" lang="zh-CN" className={inputClass} maxLength={120} value={nameZh} placeholder={substance.shipped.nameZh ?? ""} onChange={(e) => setNameZh(e.target.value)} aria-invalid={Boolean(errors.nameZh)} />
        </Field>
        {errors.nameZh ? null : <p className="mt-1 text-xs text-slate-500">{messageWith(t, "dictionary.shipped_name", { name: substance.shipped.nameZh ?? "—" })}</p>}
      </div>
      <Field id="curate-name-en" label={t("dictionary.name_en")} hint={t("dictionary.shipped_name", { name: substance.shipped.nameEn ?? "—" })} error={errors.nameEn}>
        <input id="curate-name-en" className={inputClass} maxLength={120} value={nameEn} placeholder={substance.shipped.nameEn ?? ""} onChange={(e) => setNameEn(e.target.value)} aria-invalid={Boolean(errors.nameEn)} />
      </Field>
      <Field id="curate-aliases" label={t("dictionary.added_aliases")} hint={t("dictionary.added_aliases_hint")} error={errors.aliases}>
        <textarea id="curate-aliases" rows={3} className={inputClass} value={added} onChange={(e) => setAdded(e.target.value)} aria-invalid={Boolean(errors.aliases)} />
      </Field>
      {substance.shipped.aliases.length ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("dictionary.shipped_aliases")}</legend>
          <p className="text-xs text-slate-500">{t("dictionary.shipped_aliases_hint")}</p>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {substance.shipped.aliases.map((alias) => (
              <li key={alias}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={hidden.has(alias)}
                    onChange={(e) => {
                      const next = new Set(hidden);
                      if (e.target.checked) next.add(alias);
                      else next.delete(alias);
                      setHidden(next);
                    }}
                  />
                  <span translate="no" className={hidden.has(alias) ? "text-slate-500 line-through" : ""}>{alias}</span>
                </label>
              </li>
            ))}
          </ul>
          {errors.hiddenAliases ? <p className="text-xs text-red-600" role="alert">{errors.hiddenAliases}</p> : null}
        </fieldset>
      ) : null}
      {curate.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(curate.error, locale, t)}</Notice> : null}
      {saved ? <Notice tone="success">{t("dictionary.saved")}</Notice> : null}
      <Button type="submit" disabled={curate.isPending}>{curate.isPending ? t("common.saving") : t("common.save")}</Button>
    </form>
  );
}
