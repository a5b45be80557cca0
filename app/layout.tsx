import type { Metadata } from "next";
import { TrpcProvider } from "@/app/_trpc/client";
import { SiteHeader } from "@/app/_shell/header";
import { I18nProvider } from "@/i18n/client";
import { getT } from "@/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t("app.title"), template: `%s · ${t("app.name")}` }, description: t("app.tagline"), icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getT();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="flex min-h-screen flex-col bg-slate-50 text-slate-900 antialiased">
        <I18nProvider locale={locale}>
          <TrpcProvider>
            <SiteHeader />
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 focus:outline-none">
              {children}
            </main>
            <footer className="border-t border-slate-200 bg-white py-4 text-center text-xs text-slate-500">
              {t("app.footer")}
            </footer>
          </TrpcProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
