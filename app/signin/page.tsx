import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/server/seed/accounts";
import { getT } from "@/i18n/server";
import { getRequestActor } from "@/server/auth/next-auth";
import { env } from "@/server/env";
import { SignInForm } from "./signin-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.signin_title") };
}

/** Only a relative path of this site may be the target after signing in. */
function safeTarget(target: string | undefined): string {
  return target && target.startsWith("/") && !target.startsWith("//") ? target : "/home";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { t } = await getT();
  const target = safeTarget((await searchParams).callbackUrl);
  // a live session only: a signed-out or expired token left in the browser must not bounce back
  if ((await getRequestActor()).userId !== null) redirect(target);
  const demo = env.PARKLINK_DEMO === "1" && env.NODE_ENV !== "test";

  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-2">
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">{t("auth.signin_title")}</h1>
        <p className="mb-6 text-sm text-slate-600">{t("auth.signin_intro")}</p>
        <SignInForm target={target} />
      </section>
      {demo ? (
        <section className="rounded-lg border border-amber-200 bg-amber-50 p-6 text-sm" aria-labelledby="demo-accounts">
          <h2 id="demo-accounts" className="mb-2 font-semibold text-amber-900">{t("auth.demo_title")}</h2>
          <p className="mb-3 text-amber-900">{t("auth.demo_intro", { password: DEMO_PASSWORD })}</p>
          <ul className="space-y-2">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email} className="flex flex-wrap justify-between gap-x-2">
                <span className="font-medium">{t(`kinds.${a.kind}`)}</span>
                <code className="break-all text-amber-950">{a.email}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
