import "server-only";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getT } from "@/i18n/server";
import { AppError } from "@/server/errors";
import { buttonClass, Notice } from "./ui";

type Failure = { ok: false; code: TRPCError["code"]; message: { zh: string; en: string } | null };

/**
 * Runs a server-side call through the router and turns a refusal into a value, so a page can
 * render "please sign in" or "not allowed" instead of crashing. Unexpected errors still throw.
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

/** What a page shows when its call was refused: sign in, not allowed, or the service's message. */
export async function Refusal({ failure, from }: { failure: Failure; from?: string }) {
  const { t, locale } = await getT();
  if (failure.code === "NOT_FOUND") notFound();
  if (failure.code === "UNAUTHORIZED") {
    const href = from ? `/signin?callbackUrl=${encodeURIComponent(from)}` : "/signin";
    return (
      <div className="mx-auto max-w-lg space-y-4 py-12 text-center">
        <h1 className="text-xl font-semibold">{t("refusal.signin_title")}</h1>
        <p className="text-slate-600">{t("refusal.signin_body")}</p>
        <Link href={href} className={buttonClass()}>{t("nav.signin")}</Link>
      </div>
    );
  }
  if (failure.code === "FORBIDDEN") {
    return (
      <div className="mx-auto max-w-lg space-y-4 py-12 text-center" data-testid="forbidden">
        <p className="text-sm font-semibold text-red-700">403</p>
        <h1 className="text-xl font-semibold">{t("refusal.forbidden_title")}</h1>
        <p className="text-slate-600">{failure.message?.[locale] ?? t("refusal.forbidden_body")}</p>
        <Link href="/home" className={buttonClass("secondary")}>{t("refusal.back_home")}</Link>
      </div>
    );
  }
  return <Notice tone="error">{failure.message?.[locale] ?? t("errors.generic")}</Notice>;
}
