// Dutch counts: "1 actieve medewerker", "2 actieve medewerkers", "1.500 resultaten".
// Numbers are written the Dutch way (dot for thousands) with one cached formatter, since
// toLocaleString builds a new Intl.NumberFormat on every call.

const numbers = new Intl.NumberFormat("nl-NL");

/** 1500 → "1.500". */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/**
 * The count with the right form of the noun: plural(1, "reactie", "reacties") → "1 reactie",
 * plural(0, …) → "0 reacties". Dutch uses the singular only for exactly one.
 */
export function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
