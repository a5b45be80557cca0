import type { Metadata } from "next";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, ButtonLink, Card, PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { parseDbId } from "@/server/zod";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseDbId((await params).id);
  const result = id !== null ? await attempt(async () => (await api()).enterprise.profile({ id })) : null;
  return { title: result?.ok ? result.data.name : undefined };
}

/** An enterprise's public profile. */
export default async function EnterpriseProfilePage({ params }: Props) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const caller = await api();
  const result = await attempt(() => caller.enterprise.profile({ id }));
  if (!result.ok) return <Refusal failure={result} />;
  const e = result.data;
  const me = await caller.user.me();
  const mayManage = me && (me.enterprise?.id === id || me.kind === "park" || me.kind === "admin");

  return (
    <div className="space-y-6">
      <PageHeader
        title={locale === "en" && e.nameEn ? e.nameEn : e.name}
        description={e.description ?? undefined}
        actions={mayManage ? <ButtonLink href={`/enterprises/${id}/manage`} variant="secondary">{t("enterprise.manage")}</ButtonLink> : null}
      />
      <Card title={t("enterprise.profile")}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div><dt className="text-slate-500">{t("enterprise.uscc")}</dt><dd className="font-mono">{e.uscc}</dd></div>
          <div><dt className="text-slate-500">{t("enterprise.park")}</dt><dd>{e.park?.name ?? t("directory.external")}</dd></div>
          <div><dt className="text-slate-500">{t("enterprise.chains")}</dt><dd className="flex flex-wrap gap-1">{e.chains.length ? e.chains.map((c) => <Badge key={c}>{c}</Badge>) : "—"}</dd></div>
          <div><dt className="text-slate-500">{t("enterprise.address")}</dt><dd>{e.address ?? "—"}</dd></div>
          <div><dt className="text-slate-500">{t("enterprise.status")}</dt><dd>{e.verified ? <Badge tone="green">{t("enterprise.verified")}</Badge> : <Badge tone="amber">{t("enterprise.unverified")}</Badge>}</dd></div>
        </dl>
      </Card>
    </div>
  );
}
