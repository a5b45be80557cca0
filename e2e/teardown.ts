import fs from "node:fs";

/** Removes the data folder the run made for itself (never one given through E2E_DATA_DIR). */
export default async function teardown() {
  if (process.env.E2E_DATA_DIR_OWNED === "1" && process.env.E2E_DATA_DIR) {
    fs.rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
  }
}
