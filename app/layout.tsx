import type { Metadata } from "next";
import { TrpcProvider } from "@/app/_trpc/client";
import { I18nProvider } from "@/i18n/client";
import { getT } from "@/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t("app.title"), template: `%s · ${t("app.name")}` }, description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale } = await getT();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <I18nProvider locale={locale}>
          <TrpcProvider>{children}</TrpcProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
