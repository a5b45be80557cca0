import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A bench's own data folder, fresh and temporary. Imported before anything else: the app's
 * configuration (server/env.ts) reads DATA_DIR when it is first imported, so setting it later in
 * the bench would leave the services under the project's `.data`.
 */
export const benchDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-bench-"));
process.env.DATA_DIR = benchDataDir;
