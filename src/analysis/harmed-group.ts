import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { isPeaceOperation } from '../domain/peace-operation.ts';
import { isPeopleGroup } from '../domain/people-groups.ts';
import { FIGHTING_TYPES } from '../domain/violence-type.ts';
import { TARGET_SEPARATOR } from '../store/event-columns.ts';

/**
 * The condition that a column of names joined with '; ' (targets, a side's associated actors)
 * holds `name`, matched whole and in its own letters: the list, with a separator added at each
 * end, changes when the name between two separators is taken out. Not LIKE, which SQLite
 * matches without regard to case ("women (Mali)" finding "Women (Mali)") and PostgreSQL with it.
 */
export function namedIn(
  column: 'targets' | 'actor1_associated' | 'actor2_associated',
  name: string,
): RawBuilder<SqlBool> {
  const sep = TARGET_SEPARATOR;
  const c = sql.ref(column);
  const wrapped = sql`(${sep} || ${c} || ${sep})`;
  return sql<SqlBool>`(${c} = ${name} or replace(${wrapped}, ${`${sep}${name}${sep}`}, '') <> ${wrapped})`;
}

/**
 * The condition on `events.targets` for events that harmed one group: a named group is one of the
 * names stored; the group "Civilians (Country)" that stands for events naming none is an empty
 * `targets`.
 */
export function harmedGroup(t: { group: string; named: boolean }): RawBuilder<SqlBool> {
  if (!t.named) return sql<SqlBool>`targets = ''`;
  return namedIn('targets', t.group);
}

/**
 * The conditions that `actor` perpetrated an event, in two disjoint branches to run one after the
 * other: as its first actor (which the index on country, actor and area seeks), and as one acting
 * with the first (ACLED's assoc_actor_1: "Wagner Group" with the army; the partial index of events
 * naming associated actors finds those). `actor_counts` counts the same, as roles 1 and 3.
 */
export function perpetratorBranches(actor: string): RawBuilder<SqlBool>[][] {
  return [
    [sql<SqlBool>`actor1 = ${actor}`],
    [
      sql<SqlBool>`actor1 <> ${actor}`,
      sql<SqlBool>`actor1_associated <> ''`,
      namedIn('actor1_associated', actor),
    ],
  ];
}

/**
 * The events `actor` perpetrated, as the perpetrator table and the actor alerts count them: either
 * side of fighting (ACLED's battles, GED's state-based and non-state conflict, where GED names the
 * government first in every clash), the first actor of other violence, and an actor named as
 * acting with either (ACLED's associated actors). A group of people named beside a side is never
 * counted so (people-groups.ts), nor matched there; nor is a peace operation in fighting, on
 * either side (peace-operation.ts): only its other violence is its own.
 */
export function perpetratedBy(actor: string): RawBuilder<SqlBool> {
  const people = isPeopleGroup(actor);
  const side = (first: 'actor1' | 'actor2', with_: 'actor1_associated' | 'actor2_associated') =>
    people
      ? sql<SqlBool>`(${sql.ref(first)} = ${actor})`
      : sql<SqlBool>`(${sql.ref(first)} = ${actor} or (${sql.ref(with_)} <> '' and ${namedIn(with_, actor)}))`;
  // A peace operation in fighting, on either side, is not its perpetrator (peace-operation.ts).
  if (isPeaceOperation(actor))
    return sql<SqlBool>`(violence_type not in (${sql.join(FIGHTING_TYPES)}) and ${side('actor1', 'actor1_associated')})`;
  return sql<SqlBool>`(${side('actor1', 'actor1_associated')} or (violence_type in (${sql.join(FIGHTING_TYPES)}) and ${side('actor2', 'actor2_associated')}))`;
}
