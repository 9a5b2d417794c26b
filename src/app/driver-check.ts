import { loadDriverTaxonomy } from '../analysis/driver-rules.ts';
import { TandemError } from '../domain/tandem-error.ts';

/** Refuses a driver key the taxonomy (data/drivers.yaml) does not have, listing the ones it has. */
export function checkDriver(driver: string): void {
  const keys = loadDriverTaxonomy().drivers.map((d) => d.key);
  if (!keys.includes(driver))
    throw new TandemError(
      'bad-input',
      `unknown driver "${driver}"; the taxonomy (data/drivers.yaml) has: ${keys.join(', ')}`,
    );
}
