import { getDb } from "@/db";
import { recordDelivery } from "@/server/agreements/record-delivery";
import {
  makeAgreement, makeByproduct, makeDemand, makeEnterprise, makePark, makeProduct, makeUser, pickSubstance,
} from "@/server/testing/factories";

/** Kilometres per degree of latitude on the great circle distanceKm uses (radius 6371 km). */
export const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/** `n` distinct plain substances no other test uses. */
async function substances(n: number) {
  const picked: string[] = [];
  while (picked.length < n) {
    const s = await pickSubstance("plain");
    if (!picked.includes(s.cas)) picked.push(s.cas);
  }
  return picked;
}

/**
 * The park insights' hand-computed fixture (server/reports/linkage.test.ts, green.test.ts). Every
 * enterprise lies on the meridian 120° E, so a distance is KM_PER_DEGREE × the latitudes apart:
 *
 *   A  park P, 精细化工, 30.00° — buys in the park, from another park and from outside; sells nothing
 *   B  park P, 基础化工, 30.10° — sells to A (two lines) and to Q1; buys from X; lists by-product S2
 *   C  park P, 精细化工, 30.05° — sells only (to A in the park, by-product S4 to X outside)
 *   D  park P, no chain, no coordinates — no agreement at all
 *   Q1 park Q (another park), 31.00° — sells S1 to A, lists S1
 *   X  no park, 30.50° — lists S1 (the nearest external supplier of S1 for A), buys from C, sells to A and B
 *
 * Signed in 2026-01-01 – 2026-06-30 (line amounts in 元, volumes in t):
 *   1  A ← B  active   2026-02-10  S1 100 t 300,000 + S2 50 t 200,000 (two lines)
 *   2  A ← Q1 signed   2026-03-01  S1 20 t 100,000
 *   3  A ← X  signed   2026-03-05  250,000
 *   4  A ← C  active   2026-04-01  S3 30 t 150,000
 *   5  X ← C  active   2026-04-02  S4 12 t 50,000 (C's by-product)
 *   6  Q1 ← B signed   2026-04-03  125,000 (no volume)
 *   9  B ← X  signed   2026-05-01  40,000
 * Not counted: 7 a draft A ← B 900,000 (999 t); 8 A ← B signed 2025-12-31 70,000 (7 t), before the period.
 *
 * Shipments (the flow ledger): on 1 line S1 40 t on 2026-03-10 and 10 t on 2026-04-10 corrected to
 * 15 t, and 5 t on 2026-07-02 (after the period); on 1 line S2 20 t on 2026-04-20; on 4 30 t on
 * 2026-05-05; on 5 10 t on 2026-05-06; on 2 20 t on 2026-03-20 (from another park: not in-park).
 *
 * Open: A's demand for 30 t of S1; B lists 20 t of S1 (in the park), X 100 t, Q1 100 t; X's
 * product of S3 is retired (so S3 has no external supplier listed, as S2 has none).
 */
export async function insightsFixture() {
  const [S1, S2, S3, S4] = await substances(4);
  const P = await makePark();
  const Q = await makePark();
  const at = (lat: number) => ({ lat: lat.toFixed(6), lng: "120.000000" });
  const verifiedAt = new Date();
  const A = await makeEnterprise({ parkId: P.id, chains: ["精细化工"], verifiedAt, ...at(30) });
  const B = await makeEnterprise({ parkId: P.id, chains: ["基础化工"], verifiedAt, ...at(30.1) });
  const C = await makeEnterprise({ parkId: P.id, chains: ["精细化工"], verifiedAt, ...at(30.05) });
  const D = await makeEnterprise({ parkId: P.id, chains: [], verifiedAt });
  const Q1 = await makeEnterprise({ parkId: Q.id, chains: ["基础化工"], verifiedAt, ...at(31) });
  const X = await makeEnterprise({ chains: [], verifiedAt, ...at(30.5) });

  await makeProduct(B.id, { cas: S1, availableT: "20" });
  await makeProduct(X.id, { cas: S1, availableT: "100" });
  await makeProduct(Q1.id, { cas: S1, availableT: "100" });
  await makeProduct(X.id, { cas: S3, retiredAt: new Date() });
  await makeByproduct(B.id, { cas: S2 });
  await makeByproduct(C.id, { cas: S4 });
  const demand = await makeDemand(A.id, { cas: S1, substanceName: "测试需求S1", quantity: "30" });

  const a1 = await makeAgreement(A.id, B.id, {
    status: "active", signedOn: "2026-02-10",
    lines: [{ cas: S1, volumeT: "100", amountCny: "300000.00" }, { cas: S2, volumeT: "50", amountCny: "200000.00" }],
  });
  const a2 = await makeAgreement(A.id, Q1.id, { status: "active", signedOn: "2026-03-01", lines: [{ cas: S1, volumeT: "20", amountCny: "100000.00" }] });
  await makeAgreement(A.id, X.id, { signedOn: "2026-03-05", lines: [{ amountCny: "250000.00", volumeT: null }] });
  const a4 = await makeAgreement(A.id, C.id, { status: "active", signedOn: "2026-04-01", lines: [{ cas: S3, volumeT: "30", amountCny: "150000.00" }] });
  const a5 = await makeAgreement(X.id, C.id, { status: "active", signedOn: "2026-04-02", lines: [{ cas: S4, volumeT: "12", amountCny: "50000.00" }] });
  await makeAgreement(Q1.id, B.id, { signedOn: "2026-04-03", lines: [{ amountCny: "125000.00", volumeT: null }] });
  await makeAgreement(A.id, B.id, { status: "draft", signedOn: null, lines: [{ cas: S1, volumeT: "999", amountCny: "900000.00" }] });
  await makeAgreement(A.id, B.id, { signedOn: "2025-12-31", lines: [{ cas: S1, volumeT: "7", amountCny: "70000.00" }] });
  await makeAgreement(B.id, X.id, { signedOn: "2026-05-01", lines: [{ amountCny: "40000.00", volumeT: null }] });

  const admin = await makeUser({ admin: true });
  const db = getDb();
  const deliver = (agreementId: number, lineId: number, deliveredT: number, deliveredOn: string) =>
    recordDelivery(db, admin.actor, { agreementId, lineId, deliveredT, deliveredOn }) as Promise<{ id: number }>;
  await deliver(a1.id, a1.lines[0]!.id, 40, "2026-03-10");
  const wrong = await deliver(a1.id, a1.lines[0]!.id, 10, "2026-04-10");
  await recordDelivery(db, admin.actor, { correctsId: wrong.id, deliveredT: 15, deliveredOn: "2026-04-10", reason: "过磅复核" });
  await deliver(a1.id, a1.lines[0]!.id, 5, "2026-07-02");
  await deliver(a1.id, a1.lines[1]!.id, 20, "2026-04-20");
  await deliver(a4.id, a4.lines[0]!.id, 30, "2026-05-05");
  await deliver(a5.id, a5.lines[0]!.id, 10, "2026-05-06");
  await deliver(a2.id, a2.lines[0]!.id, 20, "2026-03-20");

  const staff = await makeUser({ parkId: P.id });
  const otherStaff = await makeUser({ parkId: Q.id });
  const member = await makeUser({ enterpriseId: A.id, role: "admin" });
  return { P, Q, A, B, C, D, Q1, X, S1, S2, S3, S4, demand, staff, otherStaff, member, admin, period: { from: "2026-01-01", to: "2026-06-30" } };
}
