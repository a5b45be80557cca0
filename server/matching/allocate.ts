/**
 * Park-wide allocation: assigns open demand to supply on the sparse candidate graph (each demand's
 * top candidates only, never the full cross product) so that as much demand as possible is met
 * inside the park, then as much as possible at all, preferring better-scored pairs. Pure and
 * dependency-free: a min-cost flow (successive shortest paths with Dijkstra and potentials), solved
 * per connected component of the graph (demands of one substance rarely share suppliers with
 * another's), in integer kilograms.
 *
 * source → demand (its quantity) → supply (edge per candidate) → sink (the supply's available quantity)
 * Edge cost per kg: −(IN_PARK + 100·score + 1) for an in-park pair, −(100·score + 1) otherwise, in
 * integers, so in-park tonnes come first (IN_PARK outweighs any score), then total tonnes, then
 * better pairs.
 */

export interface AllocationDemand {
  id: number;
  quantityT: number;
}
export interface AllocationSupply {
  /** a product or by-product, e.g. "p:12" */
  id: string;
  quantityT: number;
}
export interface AllocationEdge {
  demandId: number;
  supplyId: string;
  inPark: boolean;
  /** 0–100 */
  score: number;
}
export interface AllocationFlow {
  demandId: number;
  supplyId: string;
  quantityT: number;
  inPark: boolean;
}
export interface AllocationResult {
  flows: AllocationFlow[];
  demandT: number;
  allocatedT: number;
  inParkT: number;
  /** in-park tonnes over demanded tonnes, 0–1 */
  inParkRate: number;
  components: number;
}

/** Integer costs keep the potentials exact (fractional scores would leave tiny negative reduced costs). */
const IN_PARK = 1_000_000;
const kg = (t: number) => Math.max(0, Math.round(t * 1000));

class Heap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size() {
    return this.keys.length;
  }
  push(key: number, val: number) {
    const k = this.keys, v = this.vals;
    let i = k.length;
    k.push(key);
    v.push(val);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p]! <= key) break;
      k[i] = k[p]!;
      v[i] = v[p]!;
      i = p;
    }
    k[i] = key;
    v[i] = val;
  }
  pop(): [number, number] {
    const k = this.keys, v = this.vals;
    const top: [number, number] = [k[0]!, v[0]!];
    const lastK = k.pop()!, lastV = v.pop()!;
    if (k.length) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= k.length) break;
        if (c + 1 < k.length && k[c + 1]! < k[c]!) c++;
        if (k[c]! >= lastK) break;
        k[i] = k[c]!;
        v[i] = v[c]!;
        i = c;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }
}

/** A min-cost flow network in arrays: edge e and its reverse e^1. */
class Network {
  head: number[];
  next: number[] = [];
  to: number[] = [];
  cap: number[] = [];
  cost: number[] = [];
  constructor(readonly n: number) {
    this.head = new Array(n).fill(-1);
  }
  add(u: number, v: number, cap: number, cost: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(cap, 0);
    this.cost.push(cost, -cost);
    this.next.push(this.head[u]!, this.head[v]!);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }

  /** Successive shortest paths from s to t while a path lowers the cost; initial potentials from the DAG order. */
  run(s: number, t: number, initial: number[]) {
    const n = this.n;
    const h = initial.slice();
    const dist = new Array<number>(n);
    const prevEdge = new Array<number>(n);
    for (;;) {
      dist.fill(Infinity);
      prevEdge.fill(-1);
      dist[s] = 0;
      const heap = new Heap();
      heap.push(0, s);
      while (heap.size) {
        const [d, u] = heap.pop();
        if (d > dist[u]!) continue;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          if (this.cap[e]! <= 0) continue;
          const v = this.to[e]!;
          const nd = d + this.cost[e]! + h[u]! - h[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            prevEdge[v] = e;
            heap.push(nd, v);
          }
        }
      }
      if (dist[t] === Infinity) return;
      for (let v = 0; v < n; v++) if (dist[v] !== Infinity) h[v] = h[v]! + dist[v]!;
      if (h[t]! - h[s]! >= 0) return; // no path lowers the cost any more
      let push = Infinity;
      let steps = 0;
      for (let v = t; v !== s; v = this.to[prevEdge[v]! ^ 1]!) {
        if (++steps > n) throw new Error("allocation: the shortest path is not a path (inconsistent potentials)");
        push = Math.min(push, this.cap[prevEdge[v]!]!);
      }
      for (let v = t; v !== s; v = this.to[prevEdge[v]! ^ 1]!) {
        this.cap[prevEdge[v]!]! -= push;
        this.cap[prevEdge[v]! ^ 1]! += push;
      }
    }
  }
}

/** Connected components of the bipartite graph, as lists of edge indexes. */
function components(edges: AllocationEdge[]): number[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  for (const e of edges) {
    const a = `d${e.demandId}`, b = `s${e.supplyId}`;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<string, number[]>();
  edges.forEach((e, i) => {
    const r = find(`d${e.demandId}`);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()];
}

export function allocate(demands: AllocationDemand[], supplies: AllocationSupply[], edges: AllocationEdge[]): AllocationResult {
  const demandQty = new Map(demands.map((d) => [d.id, kg(d.quantityT)]));
  const supplyQty = new Map(supplies.map((s) => [s.id, kg(s.quantityT)]));
  const usable = edges.filter((e) => (demandQty.get(e.demandId) ?? 0) > 0 && (supplyQty.get(e.supplyId) ?? 0) > 0);
  const flows: AllocationFlow[] = [];
  const groups = components(usable);

  for (const group of groups) {
    const dIds = [...new Set(group.map((i) => usable[i]!.demandId))];
    const sIds = [...new Set(group.map((i) => usable[i]!.supplyId))];
    const dIndex = new Map(dIds.map((id, i) => [id, 1 + i]));
    const sIndex = new Map(sIds.map((id, i) => [id, 1 + dIds.length + i]));
    const source = 0, sink = 1 + dIds.length + sIds.length;
    const net = new Network(sink + 1);
    for (const id of dIds) net.add(source, dIndex.get(id)!, demandQty.get(id)!, 0);
    for (const id of sIds) net.add(sIndex.get(id)!, sink, supplyQty.get(id)!, 0);
    const pairEdges: { edge: number; e: AllocationEdge }[] = [];
    // initial potentials: shortest distances in the DAG source → demand → supply → sink
    const h = new Array<number>(sink + 1).fill(0);
    for (const id of sIds) h[sIndex.get(id)!] = Infinity;
    for (const i of group) {
      const e = usable[i]!;
      const cost = -((e.inPark ? IN_PARK : 0) + Math.round(Math.max(0, Math.min(100, e.score)) * 100) + 1);
      const u = dIndex.get(e.demandId)!, v = sIndex.get(e.supplyId)!;
      pairEdges.push({ edge: net.add(u, v, demandQty.get(e.demandId)!, cost), e });
      h[v] = Math.min(h[v]!, cost);
    }
    h[sink] = Math.min(0, ...sIds.map((id) => h[sIndex.get(id)!]!));
    net.run(source, sink, h);
    for (const { edge, e } of pairEdges) {
      const sent = net.cap[edge ^ 1]!;
      if (sent > 0) flows.push({ demandId: e.demandId, supplyId: e.supplyId, quantityT: sent / 1000, inPark: e.inPark });
    }
  }
  return summarize(demands, flows, groups.length);
}

/**
 * Without coordination: demands in the order given (oldest first), each taking its candidates in
 * its own ranking order (best score first) while supply lasts. The baseline the optimiser is
 * compared with.
 */
export function allocateGreedy(demands: AllocationDemand[], supplies: AllocationSupply[], edges: AllocationEdge[]): AllocationResult {
  const left = new Map(supplies.map((s) => [s.id, kg(s.quantityT)]));
  const byDemand = new Map<number, AllocationEdge[]>();
  for (const e of edges) byDemand.set(e.demandId, [...(byDemand.get(e.demandId) ?? []), e]);
  const flows: AllocationFlow[] = [];
  for (const d of demands) {
    let need = kg(d.quantityT);
    const candidates = (byDemand.get(d.id) ?? []).slice().sort((a, b) => b.score - a.score);
    for (const e of candidates) {
      if (need <= 0) break;
      const take = Math.min(need, left.get(e.supplyId) ?? 0);
      if (take <= 0) continue;
      left.set(e.supplyId, left.get(e.supplyId)! - take);
      need -= take;
      flows.push({ demandId: d.id, supplyId: e.supplyId, quantityT: take / 1000, inPark: e.inPark });
    }
  }
  return summarize(demands, flows, 0);
}

function summarize(demands: AllocationDemand[], flows: AllocationFlow[], components: number): AllocationResult {
  const demandT = demands.reduce((sum, d) => sum + kg(d.quantityT), 0) / 1000;
  const allocatedT = flows.reduce((sum, f) => sum + kg(f.quantityT), 0) / 1000;
  const inParkT = flows.filter((f) => f.inPark).reduce((sum, f) => sum + kg(f.quantityT), 0) / 1000;
  return { flows, demandT, allocatedT, inParkT, inParkRate: demandT > 0 ? inParkT / demandT : 0, components };
}
