import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { DATABASE_SETTINGS } from "@/db/settings";

/**
 * Configuration, validated once. DATABASE_URL and MEILI_URL are optional: without them the
 * launcher (`npm start`) and the CLI start the embedded services under DATA_DIR and pass their
 * URLs on to the web server.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url().optional(),
    /** DATABASE_CONNECT_TIMEOUT (seconds), DATABASE_STATEMENT_TIMEOUT (milliseconds, 0 for no limit) */
    ...DATABASE_SETTINGS,
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
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});
