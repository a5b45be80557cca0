import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, PEER_HEADER } from "./client-address";

describe("the client address for the sign-in throttle", () => {
  it("is the socket's peer unless proxies are trusted: a client's own X-Forwarded-For changes nothing", () => {
    const headers = { [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" };
    expect(clientAddress(headers, 0)).toBe("203.0.113.7");
    expect(clientAddress(new Headers(headers), 0)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "198.51.100.1" }, 0)).toBe("unknown");
  });

  it("behind n trusted proxies, is the n-th X-Forwarded-For entry from the right", () => {
    const headers = { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.1.1.1, 198.51.100.9, 10.0.0.1" };
    expect(clientAddress(headers, 1)).toBe("10.0.0.1");
    expect(clientAddress(headers, 2)).toBe("198.51.100.9");
    // a client prepending forged entries cannot go past what the proxies appended
    expect(clientAddress({ "x-forwarded-for": "198.51.100.9" }, 3)).toBe("198.51.100.9");
    expect(clientAddress({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "not-an-address" }, 1)).toBe("10.0.0.2");
  });

  it("counts IPv4 as is, also mapped into IPv6, and IPv6 by its /64", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8:1:2:bbbb::9")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("bogus|1.2.3.4")).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });
});
