/**
 * Three-valued answers: `yes`, `no`, or `maybe` when an unresolved value decides. Policy
 * evaluation combines them so that "public" is only ever claimed when every step is a `yes`.
 */
export type Tri = 'yes' | 'maybe' | 'no';

const RANK: Record<Tri, number> = { no: 0, maybe: 1, yes: 2 };

/** Logical AND: the weakest answer wins. */
export function triAnd(...values: Tri[]): Tri {
  let result: Tri = 'yes';
  for (const value of values) if (RANK[value] < RANK[result]) result = value;
  return result;
}

/** Logical OR: the strongest answer wins. */
export function triOr(...values: Tri[]): Tri {
  let result: Tri = 'no';
  for (const value of values) if (RANK[value] > RANK[result]) result = value;
  return result;
}
