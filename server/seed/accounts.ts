/**
 * The demo accounts, one per kind of user. The seed creates them; the sign-in page lists them
 * while the demo runs on the embedded default (never with production settings); the README and
 * the browser tests use them.
 */
export const DEMO_PASSWORD = "parklink-demo";

export const DEMO_ACCOUNTS = [
  { kind: "enterprise", email: "supplier@parklink.demo", name: "王建华" },
  { kind: "procurement", email: "buyer@parklink.demo", name: "李采购" },
  { kind: "park", email: "park@parklink.demo", name: "张园区" },
  { kind: "admin", email: "admin@parklink.demo", name: "平台管理员" },
] as const;

export type DemoAccountKind = (typeof DEMO_ACCOUNTS)[number]["kind"];
