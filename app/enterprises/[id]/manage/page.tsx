import type { Metadata } from "next";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EnterpriseName, Heading } from "@/app/_catalogue/names";
import { Badge, ButtonLink, Card, EmptyState, Table, td, th } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { isTranslated, parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { VerifyToggle } from "@/app/_components/verify-toggle";
import { AddMemberForm, EnterpriseProfileForm } from "./forms";
import { LicencesCard } from "./licences";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("enterprise.manage") };
}

/** An enterprise's private page: for its members, its park's staff and platform admins only. */
export default async function ManageEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const result = await attempt(async () => (await api()).enterprise.private({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/enterprises/${id}/manage`} />;
  const e = result.data;
  const licences = await (await api()).licence.list({ enterpriseId: id });
  const park = e.park ? parkName(e.park, locale) : null;

  return (
    <div className="space-y-6">
      <Heading
        title={<EnterpriseName enterprise={e} locale={locale} />}
        description={t("enterprise.manage_description")}
        actions={
          <div className="flex items-center gap-2">
            <ButtonLink href={`/enterprise/products?enterprise=${e.id}`} variant="secondary" size="sm">{t("catalogue.title")}</ButtonLink>
            {e.verifiedAt ? <Badge tone="green">{t("enterprise.verified")}</Badge> : <Badge tone="amber">{t("enterprise.unverified")}</Badge>}
            {e.allowed.verify ? <VerifyToggle id={e.id} verified={Boolean(e.verifiedAt)} /> : null}
          </div>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Card title={t("enterprise.profile")} className="min-w-0">
          <EnterpriseProfileForm
            editable={e.allowed.update}
            renameNeedsReview={!e.allowed.renameKeepsVerification}
            initial={{
              id: e.id, name: e.name, nameEn: e.nameEn ?? "", chains: e.chains, address: e.address ?? "",
              contactName: e.contactName ?? "", contactPhone: e.contactPhone ?? "", description: e.description ?? "",
            }}
            uscc={e.uscc}
            park={park ?? t("directory.external")}
            parkTranslated={!park || isTranslated(park, locale)}
          />
        </Card>
        <div className="min-w-0 space-y-6">
          <Card title={t("enterprise.members")}>
            <Table caption={t("enterprise.members")}>
              <thead>
                <tr><th className={th}>{t("enterprise.member_name")}</th><th className={th}>{t("auth.email")}</th><th className={th}>{t("enterprise.member_role")}</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {e.members.map((m) => (
                  <tr key={m.userId}>
                    <td className={`${td} min-w-24`}><span translate="no">{m.name}</span>{m.disabled ? <span className="ml-2"><Badge tone="red">{t("admin.disabled")}</Badge></span> : null}</td>
                    <td className={`${td} break-all`} translate="no">{m.email}</td>
                    <td className={td}>{t(`roles.${m.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {e.members.length === 0 ? <EmptyState title={t("enterprise.no_members")} /> : null}
            {e.allowed.addMember ? <AddMemberForm enterpriseId={e.id} /> : null}
          </Card>
          <Card title={t("enterprise.licences")}>
            <LicencesCard enterpriseId={e.id} items={licences.items} allowed={licences.allowed} />
          </Card>
        </div>
      </div>
    </div>
  );
}
