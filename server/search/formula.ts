/**
 * Molecular formulas as people type them (H2SO4, NaOH, CH3COOH, Ca(OH)2, CuSO4·5H2O), counted atom
 * by atom and written in Hill order, the order PubChem (and so db/reference/chemical-formulas.csv)
 * uses: carbon first, then hydrogen, then the other elements alphabetically; without carbon, every
 * element alphabetically. Counts of 1 are not written.
 */

const ELEMENTS = new Set(
  ("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr " +
    "Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu " +
    "Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr " +
    "Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og").split(" "),
);

export type AtomCounts = Map<string, number>;

/** The separators of a hydrate or adduct: CuSO4·5H2O, CuSO4.5H2O, CuSO4*5H2O. */
const ADDUCT = /[·•・.*]/;
const OPEN: Record<string, string> = { "(": ")", "[": "]" };

/**
 * The atoms of a formula, or null when the text is not one (an unknown symbol, an unbalanced
 * bracket, a lower-case start). `symbols` counts the element symbols as written, so that callers
 * can tell a formula (NaOH: three) from a word that happens to spell one symbol (Co).
 */
export function parseFormula(input: string): { atoms: AtomCounts; symbols: number } | null {
  const text = input.trim();
  if (!text || text.length > 60) return null;
  const total: AtomCounts = new Map();
  let symbols = 0;
  for (const rawPart of text.split(ADDUCT)) {
    const lead = /^(\d+)/.exec(rawPart);
    const multiplier = lead ? Number(lead[1]) : 1;
    const part = lead ? rawPart.slice(lead[1]!.length) : rawPart;
    if (!part) return null;
    let at = 0;
    const group = (close: string | null): AtomCounts | null => {
      const counts: AtomCounts = new Map();
      let empty = true;
      while (at < part.length) {
        const ch = part[at]!;
        if (close !== null && ch === close) {
          at++;
          return empty ? null : counts;
        }
        let inner: AtomCounts | null;
        if (ch in OPEN) {
          at++;
          inner = group(OPEN[ch]!);
          if (!inner) return null;
        } else if (/[A-Z]/.test(ch)) {
          const two = part.slice(at, at + 2);
          const symbol = /^[A-Z][a-z]$/.test(two) && ELEMENTS.has(two) ? two : ch;
          if (!ELEMENTS.has(symbol)) return null;
          at += symbol.length;
          symbols++;
          inner = new Map([[symbol, 1]]);
        } else {
          return null;
        }
        const count = /^\d+/.exec(part.slice(at));
        const n = count ? Number(count[0]) : 1;
        if (count) at += count[0].length;
        if (n === 0) return null;
        for (const [el, c] of inner) counts.set(el, (counts.get(el) ?? 0) + c * n);
        empty = false;
      }
      return close === null && !empty ? counts : null;
    };
    const counts = group(null);
    if (!counts) return null;
    for (const [el, c] of counts) total.set(el, (total.get(el) ?? 0) + c * multiplier);
  }
  return { atoms: total, symbols };
}

/** The Hill-order formula of these atoms. */
export function hillFormula(atoms: AtomCounts): string {
  const write = (el: string) => `${el}${atoms.get(el) === 1 ? "" : atoms.get(el)}`;
  const rest = [...atoms.keys()].filter((el) => !(atoms.has("C") && (el === "C" || el === "H"))).sort();
  return [...(atoms.has("C") ? ["C", ...(atoms.has("H") ? ["H"] : [])] : []), ...rest].map(write).join("");
}

/** The Hill-order formula of a typed formula, or null when it is not one. */
export function toHill(input: string): string | null {
  const parsed = parseFormula(input);
  return parsed ? hillFormula(parsed.atoms) : null;
}
