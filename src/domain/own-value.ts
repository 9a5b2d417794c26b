/**
 * A lookup table's own entry for a key read from a file, a flag or a sheet, or undefined. Indexing
 * a plain object with such a key finds what every object inherits too: a cell holding
 * "constructor" or "toString" had come back as a function (an import stopped as "a bug in
 * Tandem", a role so named read as the highest clearance).
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
