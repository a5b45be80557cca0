import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.MEILI_URL = inject("meiliUrl");
process.env.MEILI_MASTER_KEY = inject("meiliKey");
process.env.DATA_DIR = inject("dataDir");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
