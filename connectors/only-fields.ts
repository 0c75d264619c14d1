/** An actor with the values of the asked fields only (a search's `fields`); all of them without a list. */
export function onlyFields<A extends { values: Record<string, unknown> }>(actor: A, fields: string[] | undefined): A {
  if (!fields) return actor;
  return { ...actor, values: Object.fromEntries(fields.filter((f) => f in actor.values).map((f) => [f, actor.values[f]])) };
}
