/**
 * Months as the dashboard shows them: every month from the first to the last one, empty months as
 * 0, so that a gap in signings reads as a gap and not as two neighbouring bars.
 */
export interface MonthFigure {
  /** YYYY-MM */
  month: string;
  count: number;
  amountCny: number;
}

const MONTH = /^(\d{4})-(\d{2})/;

function index(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

const label = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

/**
 * The months from `from` (the period's first day, else the first month with signings) to `to`
 * (the period's last day, else the last month with signings), each with its figures or zeros.
 * Nothing signed and no period: no months.
 */
export function continuousMonths(rows: MonthFigure[], period: { from?: string | null; to?: string | null } = {}): MonthFigure[] {
  const known = new Map(rows.map((r) => [r.month, r]));
  const indices = rows.map((r) => index(r.month));
  const first = period.from ? index(period.from) : indices.length ? Math.min(...indices) : null;
  const last = period.to ? index(period.to) : indices.length ? Math.max(...indices) : null;
  if (first === null || last === null || last < first) return [];
  const months: MonthFigure[] = [];
  for (let i = first; i <= last; i++) {
    const month = label(i);
    months.push(known.get(month) ?? { month, count: 0, amountCny: 0 });
  }
  return months;
}
