import type { Metadata } from "next";
import Link from "next/link";
import { Refusal } from "@/app/_components/refusal";
import { SearchBox } from "@/app/_components/search-box";
import { Card, PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("workspace.procurement_title") };
}

/** Procurement staff's home: find partners, in their own park first. */
export default async function ProcurementHome() {
  const { t } = await getT();
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/procurement" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const profile = await caller.enterprise.profile({ id: me.enterprise.id });
  const neighbours = profile.park ? await caller.enterprise.list({ parkId: profile.park.id, pageSize: 8 }) : null;

  return (
    <div className="space-y-6">
      <PageHeader title={t("workspace.welcome", { name: me.name })} description={t("workspace.procurement_description", { enterprise: profile.name })} />
      <Card title={t("search.home_title")}>
        <SearchBox />
        <p className="mt-2 text-xs text-slate-500">{t("search.home_hint")}</p>
        {profile.park ? (
          <p className="mt-2 text-sm"><Link className="text-brand-700 hover:underline" href="/search?mine=1">{t("search.home_in_park", { park: profile.park.name })}</Link></p>
        ) : null}
      </Card>
      {neighbours ? (
        <Card
          title={t("workspace.park_partners", { park: profile.park!.name })}
          actions={<Link href={`/enterprises?park=${profile.park!.id}`} className="text-sm text-brand-700 hover:underline">{t("workspace.see_all")}</Link>}
        >
          <ul className="grid gap-2 sm:grid-cols-2">
            {neighbours.items.filter((n) => n.id !== profile.id).map((n) => (
              <li key={n.id}>
                <Link href={`/enterprises/${n.id}`} className="text-sm text-slate-800 hover:text-brand-700">{n.name}</Link>
                <span className="ml-2 text-xs text-slate-500">{n.chains.join("、")}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
