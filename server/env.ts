import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { databaseConfig, setDatabaseUrl } from "@/db/env";

/**
 * Configuration, validated once: the one place the app reads the environment (db/env.ts reads the
 * database's part for db/, which imports nothing from here). DATABASE_URL and MEILI_URL are
 * optional: without them the launcher (`npm start`) and the CLI start the embedded services under
 * DATA_DIR, record their URLs with `setServices` and pass them on to the web server. The README's
 * configuration table lists every setting.
 */
export const SETTINGS = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url().optional(),
  /** seconds to wait for a database connection before a request fails */
  DATABASE_CONNECT_TIMEOUT: z.coerce.number().int().min(1).max(600).default(10),
  /** milliseconds a statement may run before PostgreSQL cancels it; 0 for no limit */
  DATABASE_STATEMENT_TIMEOUT: z.coerce.number().int().min(0).default(30_000),
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  /** put before every Meilisearch index uid (e.g. `staging_`), so several installations or test runs share one Meilisearch */
  MEILI_INDEX_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{0,40}$/).default(""),
  DATA_DIR: z.string().default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** "1" while running on the embedded default: the sign-in page shows the demo accounts */
  PARKLINK_DEMO: z.enum(["0", "1"]).default("0"),
  /** "0" to keep the search sync worker out of this process (e.g. a web-only instance) */
  PARKLINK_WORKER: z.enum(["0", "1"]).default("1"),
  /** the most data rows one import file (catalogue, enterprise directory, agreements) may have */
  PARKLINK_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(200_000),
  /** the most bytes an XLSX import file may unpack to, its zip entries together (zip bombs) */
  PARKLINK_IMPORT_MAX_UNZIPPED_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
  /** how many reverse proxies in front append to X-Forwarded-For; 0: the socket's address is the client's */
  PARKLINK_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** largest request body in bytes, refused with 413 before it is read (uploads excepted) */
  PARKLINK_MAX_JSON_BODY: z.coerce.number().int().min(64 * 1024).default(1024 * 1024),
  /**
   * largest body of a tRPC call that carries a file as base64, in bytes: the biggest file the app
   * accepts (a 20 MB catalogue import, 4/3 larger as base64) and room for the rest of the call
   */
  PARKLINK_MAX_UPLOAD_BODY: z.coerce.number().int().min(64 * 1024).default(28 * 1024 * 1024),
  /**
   * road-freight emission factor of the green outcomes, kg CO₂e per tonne-km (default: DEFRA/DECC
   * 2012 GHG conversion factors, Annex 7 table 7e, all HGVs UK average, direct: 0.12366)
   */
  PARKLINK_FREIGHT_EMISSION_FACTOR: z.coerce.number().positive().max(10).default(0.12366),
  /**
   * km a tonne would travel from outside the park when no external supplier of its substance is
   * listed (default: China's average road-freight haul, 2024: 76,848 亿吨公里 ÷ 418.8 亿吨 ≈ 183 km)
   */
  PARKLINK_DEFAULT_HAUL_KM: z.coerce.number().positive().max(5000).default(183),
  /**
   * road freight estimate in 元 per tonne-kilometre, added to 出厂自提 quotes when comparing them at
   * 含税到厂价 (server/inquiries/landed-price.ts); 0.6 is a common short-haul rate for chemicals in tankers
   */
  PARKLINK_FREIGHT_CNY_PER_TONNE_KM: z.coerce.number().min(0).max(100).default(0.6),
};

export const env = createEnv({
  server: SETTINGS,
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});

// ---- values known only at run time: the services the launcher or the CLI started ----

export interface ServiceUrls {
  databaseUrl: string | undefined;
  meiliUrl: string | undefined;
  meiliKey: string | undefined;
}

const running = globalThis as unknown as { parklinkServices?: Partial<ServiceUrls> };

/**
 * Where PostgreSQL and Meilisearch are: DATABASE_URL / MEILI_URL / MEILI_MASTER_KEY, or what
 * `setServices` recorded when the launcher or the CLI started the embedded ones. Read at each call
 * (the configuration above is read once, at start).
 */
export function services(): ServiceUrls {
  const set = running.parklinkServices ?? {};
  return {
    databaseUrl: set.databaseUrl ?? databaseConfig().url,
    meiliUrl: set.meiliUrl ?? env.MEILI_URL,
    meiliKey: "meiliKey" in set ? set.meiliKey : env.MEILI_MASTER_KEY,
  };
}

/**
 * Records the services started at run time (server/platform/services.ts), for this process (the
 * database through db/env.ts, which db/ reads) and for the child processes it starts.
 */
export function setServices(urls: Partial<ServiceUrls>) {
  running.parklinkServices = { ...running.parklinkServices, ...urls };
  if (urls.databaseUrl) {
    setDatabaseUrl(urls.databaseUrl);
    process.env.DATABASE_URL = urls.databaseUrl;
  }
  if (urls.meiliUrl) process.env.MEILI_URL = urls.meiliUrl;
  if ("meiliKey" in urls) {
    if (urls.meiliKey) process.env.MEILI_MASTER_KEY = urls.meiliKey;
    else delete process.env.MEILI_MASTER_KEY;
  }
}

/**
 * The environment of a child process (the web server, Meilisearch, a CLI run): this process's own,
 * with `drop` removed (names starting with one of them) and `set` added.
 */
export function childProcessEnv(set: Record<string, string | undefined> = {}, drop: string[] = []): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !drop.some((prefix) => name.startsWith(prefix)));
  return { ...Object.fromEntries(kept), ...set } as NodeJS.ProcessEnv;
}

/** NEXT_TELEMETRY_DISABLED as the caller set it (Next.js reads it; the launcher turns it off unless told). */
export const nextTelemetryDisabled = () => process.env.NEXT_TELEMETRY_DISABLED;
