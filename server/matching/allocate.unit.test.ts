import { describe, expect, it } from "vitest";
import { allocate, allocateGreedy, type AllocationEdge } from "./allocate";

const byPair = (flows: { demandId: number; supplyId: string; quantityT: number }[]) =>
  Object.fromEntries(flows.map((f) => [`${f.demandId}>${f.supplyId}`, f.quantityT]));

describe("park-wide allocation", () => {
  it("finds the known optimum where first-come-first-served does not", () => {
    // D1 prefers S1 but can also use S2; D2 can only use S1. Both in-park, 100 t each.
    const demands = [{ id: 1, quantityT: 100 }, { id: 2, quantityT: 100 }];
    const supplies = [{ id: "S1", quantityT: 100 }, { id: "S2", quantityT: 100 }];
    const edges: AllocationEdge[] = [
      { demandId: 1, supplyId: "S1", inPark: true, score: 90 },
      { demandId: 1, supplyId: "S2", inPark: true, score: 60 },
      { demandId: 2, supplyId: "S1", inPark: true, score: 80 },
    ];
    const greedy = allocateGreedy(demands, supplies, edges);
    expect(greedy.inParkT).toBe(100);
    const best = allocate(demands, supplies, edges);
    expect(best.inParkT).toBe(200);
    expect(best.inParkRate).toBe(1);
    expect(byPair(best.flows)).toEqual({ "1>S2": 100, "2>S1": 100 });
  });

  it("meets demand in the park before meeting it outside, then uses outside supply for the rest", () => {
    // 150 t wanted; an outside supplier scores higher, the park's supplier has 100 t.
    const result = allocate(
      [{ id: 7, quantityT: 150 }],
      [{ id: "in", quantityT: 100 }, { id: "out", quantityT: 500 }],
      [
        { demandId: 7, supplyId: "out", inPark: false, score: 99 },
        { demandId: 7, supplyId: "in", inPark: true, score: 40 },
      ],
    );
    expect(byPair(result.flows)).toEqual({ "7>in": 100, "7>out": 50 });
    expect(result).toMatchObject({ demandT: 150, allocatedT: 150, inParkT: 100 });
    expect(result.inParkRate).toBeCloseTo(2 / 3);
  });

  it("prefers the better-scored supplier when in-park tonnes tie", () => {
    const result = allocate(
      [{ id: 1, quantityT: 10 }],
      [{ id: "a", quantityT: 10 }, { id: "b", quantityT: 10 }],
      [
        { demandId: 1, supplyId: "a", inPark: true, score: 50 },
        { demandId: 1, supplyId: "b", inPark: true, score: 70 },
      ],
    );
    expect(byPair(result.flows)).toEqual({ "1>b": 10 });
  });

  it("matches a small transport problem's optimum, solved by hand", () => {
    // three demands, three in-park supplies; the maximum in-park flow is 260 t of 300 t
    const demands = [{ id: 1, quantityT: 100 }, { id: 2, quantityT: 120 }, { id: 3, quantityT: 80 }];
    const supplies = [{ id: "A", quantityT: 90 }, { id: "B", quantityT: 70 }, { id: "C", quantityT: 100 }];
    const edges: AllocationEdge[] = [
      { demandId: 1, supplyId: "A", inPark: true, score: 80 },
      { demandId: 1, supplyId: "B", inPark: true, score: 70 },
      { demandId: 2, supplyId: "A", inPark: true, score: 90 },
      { demandId: 2, supplyId: "C", inPark: true, score: 50 },
      { demandId: 3, supplyId: "C", inPark: true, score: 60 },
    ];
    const result = allocate(demands, supplies, edges);
    expect(result.inParkT).toBe(260);
    const sent = (id: string) => result.flows.filter((f) => f.supplyId === id).reduce((s, f) => s + f.quantityT, 0);
    expect([sent("A"), sent("B"), sent("C")]).toEqual([90, 70, 100]);
    for (const d of demands) {
      expect(result.flows.filter((f) => f.demandId === d.id).reduce((s, f) => s + f.quantityT, 0)).toBeLessThanOrEqual(d.quantityT);
    }
    expect(result.components).toBe(1);
  });

  it("solves independent substances as separate components and handles empty input", () => {
    const result = allocate(
      [{ id: 1, quantityT: 5 }, { id: 2, quantityT: 5 }],
      [{ id: "x", quantityT: 5 }, { id: "y", quantityT: 1 }],
      [{ demandId: 1, supplyId: "x", inPark: true, score: 1 }, { demandId: 2, supplyId: "y", inPark: false, score: 1 }],
    );
    expect(result.components).toBe(2);
    expect(result).toMatchObject({ demandT: 10, allocatedT: 6, inParkT: 5 });
    expect(allocate([], [], [])).toMatchObject({ flows: [], demandT: 0, inParkRate: 0 });
  });

  it("keeps to three decimals of a tonne", () => {
    const result = allocate([{ id: 1, quantityT: 0.125 }], [{ id: "s", quantityT: 1.5 }], [{ demandId: 1, supplyId: "s", inPark: true, score: 10 }]);
    expect(result.flows[0]!.quantityT).toBe(0.125);
  });

  it("solves a larger graph with fractional scores, within every capacity, never below first-come-first-served", () => {
    let seed = 7;
    const r = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const demands = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, quantityT: [20, 50.5, 100][Math.floor(r() * 3)]! }));
    const supplies = Array.from({ length: 120 }, (_, i) => ({ id: `s${i}`, quantityT: [10, 100.25, 500][Math.floor(r() * 3)]! }));
    const edges: AllocationEdge[] = demands.flatMap((d) => {
      const picked = new Set(Array.from({ length: 6 }, () => Math.floor(r() * supplies.length)));
      return [...picked].map((s) => ({ demandId: d.id, supplyId: `s${s}`, inPark: r() < 0.6, score: Math.round(r() * 10000) / 100 }));
    });
    const best = allocate(demands, supplies, edges);
    const greedy = allocateGreedy(demands, supplies, edges);
    expect(best.inParkT).toBeGreaterThanOrEqual(greedy.inParkT);
    const total = (list: typeof best.flows, key: "demandId" | "supplyId", id: number | string) =>
      list.filter((f) => f[key] === id).reduce((sum, f) => sum + f.quantityT, 0);
    for (const d of demands) expect(total(best.flows, "demandId", d.id)).toBeLessThanOrEqual(d.quantityT + 1e-9);
    for (const s of supplies) expect(total(best.flows, "supplyId", s.id)).toBeLessThanOrEqual(s.quantityT + 1e-9);
  });
});
