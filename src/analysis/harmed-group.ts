import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { TARGET_SEPARATOR } from '../store/event-columns.ts';

/**
 * The condition on `events.targets` for events that harmed one group: a named group is one of the
 * names stored ('; ' between them, matched whole, LIKE's wildcards escaped); the group "Civilians
 * (Country)" that stands for events naming none is an empty `targets`.
 */
export function harmedGroup(t: { group: string; named: boolean }): RawBuilder<SqlBool> {
  if (!t.named) return sql<SqlBool>`targets = ''`;
  const g = t.group.replace(/[\\%_]/g, (c) => `\\${c}`);
  const sep = TARGET_SEPARATOR;
  return sql<SqlBool>`(targets = ${t.group} or targets like ${`${g}${sep}%`} escape '\\' or targets like ${`%${sep}${g}`} escape '\\' or targets like ${`%${sep}${g}${sep}%`} escape '\\')`;
}
