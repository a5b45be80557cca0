import type { Metadata } from "next";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EnterpriseName, Heading } from "@/app/_catalogue/names";
import { messageWith } from "@/app/_components/user-text";
import { Card } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { GRADES } from "@/server/catalogue/vocabulary";
import { normalizeCas } from "@/server/substances/cas";
import { DemandForm } from "../demand-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("demand.new") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * A new demand. `?q=…` (and `grade=…`) fill it in, as a search that found nothing passes them: the
 * words become the substance, a CAS number the substance of that number.
 */
export default async function NewDemandPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (first(v) ? [[k, first(v)!]] : [])));
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from={`/demands/new${query.size ? `?${query}` : ""}`} />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const q = first(params.q)?.slice(0, 100);
  const grade = GRADES.find((g) => g === first(params.grade)) ?? "";
  const cas = q ? normalizeCas(q) : null;
  const substance = cas ? await attempt(() => caller.substance.byCas({ cas })) : null;
  const prefill = q || grade
    ? { substanceName: substance?.ok ? substance.data.nameZh ?? substance.data.nameEn ?? q ?? "" : q ?? "", cas: cas ?? "", grade }
    : undefined;
  return (
    <div className="mx-auto max-w-4xl">
      <Heading title={t("demand.new")} description={messageWith(t, "demand.new_description", { enterprise: <EnterpriseName enterprise={me.enterprise} locale={locale} /> })} />
      <Card><DemandForm enterpriseId={me.enterprise.id} prefill={prefill} /></Card>
    </div>
  );
}
