import ipaddr from "ipaddr.js";

/**
 * The header scripts/serve.ts sets to the socket's peer address, replacing whatever a client sent
 * under that name.
 */
export const PEER_HEADER = "x-parklink-peer";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * One address as a throttle sees it: IPv4 as is (also when mapped into IPv6), IPv6 by its /64,
 * since one host usually holds a whole /64. Anything else: null.
 */
export function normalizeAddress(raw: string | undefined): string | null {
  const value = raw?.trim().replace(/^\[(.*)\](?::\d+)?$/, "$1");
  if (!value || !ipaddr.isValid(value)) return null;
  const address = ipaddr.process(value);
  if (address.kind() === "ipv4") return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(":")}::/64`;
}

/**
 * The client's address. With `trustedProxies` = 0 (the default) the socket's peer, as serve.ts
 * hands it on; X-Forwarded-For is ignored, since any client can send it. With n > 0 reverse
 * proxies in front, each appending to X-Forwarded-For, the n-th entry from the right (the
 * address the outermost trusted proxy saw). "unknown" when neither is there (e.g. `next dev`).
 */
export function clientAddress(headers: HeaderBag, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (header(headers, "x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
    const entry = hops[Math.max(0, hops.length - trustedProxies)];
    const address = normalizeAddress(entry);
    if (address) return address;
  }
  return normalizeAddress(header(headers, PEER_HEADER)) ?? "unknown";
}
