/** A molecular formula with its counts as subscripts (C3H6O → C₃H₆O), read aloud as written. */
export function Formula({ value }: { value: string }) {
  const parts = value.split(/(\d+)/).filter(Boolean);
  return (
    <span className="font-mono" aria-label={value}>
      {parts.map((p, i) => (/^\d+$/.test(p) ? <sub key={i}>{p}</sub> : <span key={i}>{p}</span>))}
    </span>
  );
}
