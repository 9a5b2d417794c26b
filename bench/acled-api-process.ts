// The ACLED stand-in (test/stand-ins/acled-stand-in.ts) in a process of its own, for the pull
// bench: the API's work of serialising pages is then not counted in the pull's time, as ACLED's
// own servers do that work. Serves the rows of the CSV named by argv[2] and prints its URL.
import { acledSampleRows, startAcledStandIn } from '../test/stand-ins/acled-stand-in.ts';

const rows = acledSampleRows(process.argv[2] as string);
const standIn = await startAcledStandIn({ events: rows, username: 'bench@un.org', password: 'bench' });
process.stdout.write(`${standIn.url}\n`);
process.on('SIGTERM', () => {
  void standIn.close().then(() => process.exit(0));
});
