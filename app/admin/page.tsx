import type { Metadata } from "next";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, EmptyState, inputClass, buttonClass, PageHeader, Pagination, Table, td, th } from "@/app/_components/ui";
import { formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { isTranslated, parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { CreateParkForm, UserToggle } from "./forms";
import { pageNumber } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.title") };
}

const PAGE_SIZE = 20;

/** Platform admin: parks and user accounts. */
export default async function AdminHome({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const q = params.q?.trim().slice(0, 60) || undefined;
  const page = pageNumber(params.page);
  const caller = await api();
  const users = await attempt(() => caller.user.list({ q, page, pageSize: PAGE_SIZE }));
  if (!users.ok) return <Refusal failure={users} from="/admin" />;
  const parks = await caller.park.list();
  const hrefFor = (p: number) => `/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;

  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title={t("admin.parks")} className="min-w-0 lg:col-span-1">
          {parks.length === 0 ? <EmptyState title={t("park.no_parks")} /> : (
            <ul className="mb-4 divide-y divide-slate-100 text-sm">
              {parks.map((p) => (
                <li key={p.id} className="flex flex-wrap justify-between gap-x-2 py-2">
                  <span><span className="font-mono text-xs text-slate-500">{p.code}</span> <span translate={isTranslated(parkName(p, locale), locale) ? undefined : "no"}>{parkName(p, locale)}</span></span>
                  <span className="text-slate-500">{t("home.park_enterprises", { count: p.enterprises })}</span>
                </li>
              ))}
            </ul>
          )}
          <CreateParkForm />
        </Card>
        <Card title={t("admin.users")} className="min-w-0 lg:col-span-2">
          <form action="/admin" role="search" className="mb-4 flex gap-2">
            <label htmlFor="user-q" className="sr-only">{t("admin.user_search")}</label>
            <input id="user-q" name="q" defaultValue={q} placeholder={t("admin.user_search")} className={inputClass} />
            <button type="submit" className={buttonClass("secondary")}>{t("directory.search")}</button>
          </form>
          {users.data.items.length === 0 ? <EmptyState title={t("admin.no_users")} /> : (
            <Table caption={t("admin.users")}>
              <thead>
                <tr>
                  <th className={th}>{t("enterprise.member_name")}</th>
                  <th className={th}>{t("admin.belongs_to")}</th>
                  <th className={th}>{t("admin.last_login")}</th>
                  <th className={th}><span className="sr-only">{t("admin.actions")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {users.data.items.map((u) => (
                  <tr key={u.id}>
                    <td className={td}>
                      <div className="min-w-32 font-medium"><span translate="no">{u.name}</span> {u.platformAdmin ? <Badge tone="blue">{t("kinds.admin")}</Badge> : null} {u.disabled ? <Badge tone="red">{t("admin.disabled")}</Badge> : null}</div>
                      <div className="text-xs break-all text-slate-500" translate="no">{u.email}</div>
                    </td>
                    <td className={`${td} min-w-32`} translate={u.enterprise ?? u.park ? "no" : undefined}>{u.enterprise ?? u.park ?? "—"}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatDate(u.lastLoginAt, locale)}</td>
                    <td className={td}><UserToggle userId={u.id} disabled={u.disabled} /></td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Pagination
            page={page} pageSize={PAGE_SIZE} total={users.data.total} hrefFor={hrefFor}
            labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(users.data.total / PAGE_SIZE) }) }}
          />
        </Card>
      </div>
    </div>
  );
}
