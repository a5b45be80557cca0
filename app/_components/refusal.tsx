import "server-only";
import Link from "next/link";
import { forbidden, notFound, unauthorized } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getT } from "@/i18n/server";
import { AppError } from "@/server/errors";
import { SignInLink } from "./sign-in-link";
import { buttonClass, Notice } from "./ui";

type Failure = { ok: false; code: TRPCError["code"]; message: { zh: string; en: string } | null };

/**
 * Runs a server-side call through the router and turns a refusal into a value, so a page can
 * decide what to show for it (see `Refusal`). Unexpected errors still throw.
 */
export async function attempt<T>(call: () => Promise<T>): Promise<{ ok: true; data: T } | Failure> {
  try {
    return { ok: true, data: await call() };
  } catch (e) {
    if (e instanceof TRPCError && ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "SERVICE_UNAVAILABLE", "CONFLICT"].includes(e.code)) {
      const cause = e.cause instanceof AppError ? e.cause.messages : null;
      return { ok: false, code: e.code, message: cause };
    }
    throw e;
  }
}

/**
 * What a page shows when its call was refused. A missing resource, a visitor who must sign in
 * and a user who may not see the page answer with their HTTP status (404, 401, 403: Next.js's
 * not-found, unauthorized and forbidden pages, app/not-found.tsx, app/unauthorized.tsx,
 * app/forbidden.tsx); any other refusal (a bad parameter, search unavailable) is shown in place.
 * `from` is kept for the pages that pass it; the sign-in link comes back to the current address.
 */
export async function Refusal({ failure }: { failure: Failure; from?: string }) {
  if (failure.code === "NOT_FOUND") notFound();
  if (failure.code === "UNAUTHORIZED") unauthorized();
  if (failure.code === "FORBIDDEN") forbidden();
  const { t, locale } = await getT();
  return <Notice tone="error">{failure.message?.[locale] ?? t("errors.generic")}</Notice>;
}

/** The 401 page's body (app/unauthorized.tsx): please sign in. */
export async function SignInRefusal() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center" data-testid="unauthorized">
      <p className="text-sm font-semibold text-brand-700">401</p>
      <h1 className="text-xl font-semibold">{t("refusal.signin_title")}</h1>
      <p className="text-slate-600">{t("refusal.signin_body")}</p>
      <SignInLink label={t("nav.signin")} />
    </div>
  );
}

/** The 403 page's body (app/forbidden.tsx): not allowed; home, or sign in as someone else. */
export async function ForbiddenRefusal() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center" data-testid="forbidden">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="text-xl font-semibold">{t("refusal.forbidden_title")}</h1>
      <p className="text-slate-600">{t("refusal.forbidden_body")}</p>
      <div className="flex justify-center gap-3">
        <Link href="/home" className={buttonClass("secondary")}>{t("refusal.back_home")}</Link>
        <SignInLink label={t("refusal.switch_account")} variant="secondary" />
      </div>
    </div>
  );
}
