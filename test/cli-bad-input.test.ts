import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../src/store/store.ts';
import { runCli } from './run-cli.ts';

const DIR = mkdtempSync(join(tmpdir(), 'tandem-bad-input-'));
const DB = join(DIR, 'tandem.db');
const PROCESS = new URL('fixtures/negotiations/hand-checked-talks.yaml', import.meta.url).pathname;
const PLAN = new URL('fixtures/plans/clean-plan.yaml', import.meta.url).pathname;
const MISSING = join(DIR, 'no-such-file.csv');
/** An events file given where a plan is expected: one line saying so, not a YAML error per row. */
const EVENTS_CSV = new URL('fixtures/good/acled-old-format.csv', import.meta.url).pathname;
const NOT_A_PLAN =
  /^tandem: \S+acled-old-format\.csv: not a plan \(YAML or JSON expected\); this is a CSV file\n$/;
const GED_POINTS = new URL('fixtures/good/ged-small.geojson', import.meta.url).pathname;
/** A file of the given text in the test's folder; its path. */
function written(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}
const BAD_INCIDENT = written(
  'bad-incident.yaml',
  'occurredOn: 2026-01-02\ncountry: Testland\ncategory: killing\noffice: Bria\nlatitude: 200\nlongitude: 20\n',
);
const BAD_EDIT = written('edit.yaml', 'killed: 3\n');
const EMPTY = written('empty.yaml', '');
const RENAMED_PAX_LOCAL = written(
  'renamed-pax-local.csv',
  'AgreementId,Agt,Dat,Con,LocaleName,LatDec,LongDec,LinkNatProcess,Part,ThrdPart,Mediator,Cattle\n1,A,2020-01-01,Mali,Gao,16.2,0.0,N,x,y,N,0\n',
);
const MISSPELT_INCIDENT = written(
  'misspelt-incident.yaml',
  'occurredOn: 2026-01-02\ncountry: Testland\ncategory: killing\noffice: Bria\nnarative: three killed at the well\n',
);
const UNKNOWN_PROCESS_PARTICIPANT = written(
  'unknown-process.yaml',
  'alias: Heron\nrole: delegate\ngender: female\noffice: Bria\ncountry: Testland\nprocesses: [{ process: "99" }]\nincidents: [4242]\n',
);
const MISSPELT_PARTICIPANT = written(
  'misspelt-participant.yaml',
  'alias: Heron\nrealname: A real name\nrole: delegate\ngender: female\noffice: Bria\ncountry: Testland\nconsent: { given: true, date: 2026-01-02 }\n',
);
const NO_SUCH_DAY_PARTICIPANT = written(
  'no-such-day-participant.yaml',
  'alias: Heron\nrole: delegate\ngender: female\noffice: Bria\ncountry: Testland\nconsent: { given: true, on: 2015-04-31 }\n',
);
const BAD_PARTICIPANT = written(
  'bad-participant.yaml',
  'alias: Heron\nrole: delegate\ngender: woman\noffice: Bria\ncountry: Testland\n',
);

/**
 * For every command, at least one bad input a user could type, and what the message must name
 * (the flag, the argument or the file at fault). Every command `tandem --help` lists must have
 * one: a new command without a case fails the last test.
 */
const CASES: Record<string, { args: string[]; names: RegExp }[]> = {
  import: [
    // A device or a pipe is no file: /dev/zero was read as empty, and as a plan it filled memory.
    {
      args: ['import', '/dev/zero', '--db', DB],
      names: /\/dev\/zero: is not a plain file \(a pipe or a device\)/,
    },
    { args: ['import', MISSING, '--db', DB], names: /no-such-file\.csv/ },
    { args: ['import', MISSING, '--format', 'xls', '--db', DB], names: /--format/ },
    { args: ['import', MISSING, '--sensitivity', 'secret', '--db', DB], names: /--sensitivity/ },
  ],
  summary: [
    { args: ['summary', '--by', 'nonsense', '--db', DB], names: /--by/ },
    // Blanks are no country: they printed an empty table, exit 0.
    { args: ['summary', '--country', '   ', '--db', DB], names: /country: must not be empty/ },
    { args: ['summary', '--by', 'admin1,nonsense', '--db', DB], names: /--by/ },
    // A third dimension had been dropped without a word, and one given twice accepted.
    { args: ['summary', '--by', 'admin1,month,year', '--db', DB], names: /--by: at most two dimensions/ },
    {
      args: ['summary', '--by', 'admin1,admin1', '--db', DB],
      names: /--by: the second dimension must differ/,
    },
    // Not a URL: pg read it as a host ('getaddrinfo ENOTFOUND base').
    { args: ['summary', '--database-url', 'notaurl'], names: /--database-url: expected a PostgreSQL URL/ },
    { args: ['summary', '--from', '2020-13-45', '--db', DB], names: /--from/ },
    { args: ['summary', '--to', 'yesterday', '--db', DB], names: /--to/ },
    // One mistake, one message: not also "not a real day".
    {
      args: ['summary', '--from', '31/12/2013', '--db', DB],
      names: /--from: expected a date as YYYY-MM-DD\n$/,
    },
    { args: ['summary', '--from', '2021-01-01', '--to', '2020-01-01', '--db', DB], names: /--from/ },
  ],
  export: [
    { args: ['export', '--format', 'xls', '--db', DB], names: /--format/ },
    { args: ['export', '--format', 'csv', '--from', '2020-02-30', '--db', DB], names: /--from/ },
    { args: ['export', '--format', 'csv', '--blur', '-5', '--db', DB], names: /--blur/ },
    {
      args: ['export', '--format', 'csv', '--out', join(DIR, 'no/such/dir.csv'), '--db', DB],
      names: /--out .*no such folder/,
    },
    { args: ['export', '--format', 'csv', '--out', DIR, '--db', DB], names: /--out .*is a folder/ },
  ],
  problems: [{ args: ['problems', '--limit', 'abc', '--db', DB], names: /--limit/ }],
  actors: [{ args: ['actors', '--country', '', '--db', DB], names: /--country/ }],
  'actors load': [{ args: ['actors', 'load', MISSING, '--db', DB], names: /no-such-file\.csv/ }],
  'actors periods': [{ args: ['actors', 'periods', MISSING, '--db', DB], names: /no-such-file\.csv/ }],
  'areas load': [
    { args: ['areas', 'load', MISSING, '--country', '', '--db', DB], names: /--country/ },
    // The file is named for what is wrong with it, not as one whose country cannot be told.
    { args: ['areas', 'load', MISSING, '--db', DB], names: /no-such-file\.csv: no such file/ },
    { args: ['areas', 'load', DIR, '--db', DB], names: /is a folder, not a file/ },
    // An event export given as boundaries: a table, not a JSON syntax error.
    {
      args: ['areas', 'load', EVENTS_CSV, '--db', DB],
      names: /acled-old-format\.csv: a table \(its first line: .*\), not GeoJSON/,
    },
    { args: ['areas', 'load', GED_POINTS, '--db', DB], names: /ged-small\.geojson: UCDP GED events/ },
  ],
  'access-log': [
    { args: ['access-log', '--limit', '-1', '--db', DB], names: /--limit/ },
    { args: ['access-log', '--limit', 'many', '--db', DB], names: /--limit/ },
  ],
  analyze: [
    { args: ['analyze', '--threshold', 'x', '--db', DB], names: /--threshold/ },
    { args: ['analyze', '--shift', '0.5', '--db', DB], names: /--shift/ },
    { args: ['analyze', '--window', 'six', '--db', DB], names: /--window/ },
    { args: ['analyze', '--evidence', '0', '--db', DB], names: /--evidence/ },
    // Said before the analysis runs (the store here holds no events: that was said first).
    {
      args: ['analyze', '--out', join(DIR, 'no/such/brief.md'), '--db', DB],
      names: /--out .*no such folder/,
    },
    { args: ['analyze', '--format', 'xls', '--db', DB], names: /--format/ },
    { args: ['analyze', '--lang', 'de', '--db', DB], names: /--lang/ },
    { args: ['analyze', '--json', '--format', 'md', '--db', DB], names: /--json|--format/ },
    { args: ['analyze', '--from', '2020-1-1', '--db', DB], names: /--from/ },
  ],
  'drivers suggest': [
    { args: ['drivers', 'suggest', '--event', 'first', '--db', DB], names: /--event/ },
    { args: ['drivers', 'suggest', '--limit', '0', '--db', DB], names: /--limit/ },
  ],
  'drivers tag': [
    { args: ['drivers', 'tag', '--driver', 'land', '--unit', 'army', '--db', DB], names: /--unit/ },
  ],
  'drivers confirm': [{ args: ['drivers', 'confirm', 'x', '--unit', 'poc', '--db', DB], names: /TAG/ }],
  'drivers dispute': [
    { args: ['drivers', 'dispute', 'x', '--reason', 'not land', '--db', DB], names: /TAG/ },
    { args: ['drivers', 'dispute', '1', '--reason', ' ', '--db', DB], names: /--reason/ },
  ],
  'drivers withdraw': [
    { args: ['drivers', 'withdraw', '0', '--reason', 'mistake', '--db', DB], names: /TAG/ },
    { args: ['drivers', 'withdraw', '1', '--reason', '', '--db', DB], names: /--reason/ },
  ],
  'drivers list': [{ args: ['drivers', 'list', '--country', '', '--db', DB], names: /--country/ }],
  'threats list': [{ args: ['threats', 'list', '--country', '', '--db', DB], names: /--country/ }],
  'threats propose': [{ args: ['threats', 'propose', '--limit', 'ten', '--db', DB], names: /--limit/ }],
  'threats add': [
    {
      args: [
        'threats',
        'add',
        '--country',
        'Testland',
        '--perpetrator',
        'X',
        '--target',
        'Y',
        '--violence-type',
        'raids',
        '--likelihood',
        'high',
        '--severity',
        'high',
        '--db',
        DB,
      ],
      names: /--violence-type/,
    },
    {
      args: [
        'threats',
        'add',
        '--country',
        'Testland',
        '--perpetrator',
        'X',
        '--target',
        'Y',
        '--violence-type',
        'battles',
        '--likelihood',
        'high',
        '--severity',
        'high',
        '--events',
        'one',
        '--db',
        DB,
      ],
      names: /--events/,
    },
  ],
  'threats edit': [
    { args: ['threats', 'edit', 'abc', '--db', DB], names: /ID/ },
    { args: ['threats', 'edit', '1', '--likelihood', 'certain', '--db', DB], names: /--likelihood/ },
  ],
  'negotiation check': [
    { args: ['negotiation', 'check', PROCESS, '--alpha', '2', '--db', DB], names: /--alpha/ },
    {
      args: ['negotiation', 'check', PROCESS, '--window-days', 'a month', '--db', DB],
      names: /--window-days/,
    },
    { args: ['negotiation', 'check', MISSING, '--db', DB], names: /no-such-file\.csv/ },
    { args: ['negotiation', 'check', EMPTY, '--db', DB], names: /empty\.yaml: the file is empty/ },
    { args: ['negotiation', 'check', PROCESS, '--lang', 'de', '--db', DB], names: /--lang/ },
  ],
  'negotiation store': [
    { args: ['negotiation', 'store', MISSING, '--db', DB], names: /no-such-file\.csv/ },
    { args: ['negotiation', 'store', PLAN, '--db', DB], names: /clean-plan\.yaml/ },
  ],
  'negotiation list': [{ args: ['negotiation', 'list', '--country', '', '--db', DB], names: /--country/ }],
  'agreement review': [
    { args: ['agreement', 'review', MISSING], names: /no-such-file\.csv/ },
    {
      args: ['agreement', 'review', PLAN],
      names: /clean-plan\.yaml: a \.yaml file holds data, not an agreement/,
    },
    { args: ['agreement', 'review', PROCESS, '--format', 'xls'], names: /--format/ },
    { args: ['agreement', 'review', PROCESS, '--lang', 'de'], names: /--lang/ },
    // Said before the file is read (here one that is no agreement).
    { args: ['agreement', 'review', PLAN, '--out', DIR], names: /--out .*is a folder/ },
  ],
  'agreement import': [
    { args: ['agreement', 'import', MISSING, '--db', DB], names: /no-such-file\.csv/ },
    // An event file is data: stored, it became an "agreement" of one provision.
    {
      args: ['agreement', 'import', GED_POINTS, '--db', DB],
      names: /ged-small\.geojson: a \.geojson file holds data/,
    },
  ],
  'agreement list': [
    { args: ['agreement', 'list', '--db', join(DIR, 'no/such/dir.db')], names: /no\/such\/dir\.db/ },
  ],
  'plan check': [
    { args: ['plan', 'check', '/dev/zero', '--db', DB], names: /\/dev\/zero: is not a plain file/ },
    { args: ['plan', 'check', PLAN, '--ranking', 'size', '--db', DB], names: /--ranking/ },
    { args: ['plan', 'check', MISSING, '--db', DB], names: /no-such-file\.csv: no such file/ },
    { args: ['plan', 'check', DIR, '--db', DB], names: /tandem-bad-input-\w+: is a folder, not a file/ },
    { args: ['plan', 'check', PLAN, '--lang', 'fr-FR', '--db', DB], names: /--lang/ },
    { args: ['plan', 'check', EVENTS_CSV, '--db', DB], names: NOT_A_PLAN },
  ],
  'plan import': [
    { args: ['plan', 'import', MISSING, '--db', DB], names: /no-such-file\.csv/ },
    { args: ['plan', 'import', EVENTS_CSV, '--db', DB], names: NOT_A_PLAN },
  ],
  'plan acknowledge': [
    {
      args: ['plan', 'acknowledge', 'UNSMO', '--version', 'two', '--by', 'A', '--role', 'B', '--db', DB],
      names: /--version/,
    },
    // A plan file's path that is none is no mission of that name.
    {
      args: ['plan', 'acknowledge', join(DIR, 'no-such-plan.yaml'), '--by', 'A', '--role', 'B', '--db', DB],
      names: /no-such-plan\.yaml: no such file \(give a plan file, or the name of a mission/,
    },
  ],
  'plan acknowledgements': [
    { args: ['plan', 'acknowledgements', 'UNSMO', '--version', 'two', '--db', DB], names: /--version/ },
  ],
  'plan list': [{ args: ['plan', 'list', '--db', join(DIR, 'no/such/dir.db')], names: /no\/such\/dir\.db/ }],
  'plan allocate': [
    { args: ['plan', 'allocate', MISSING, '--db', DB], names: /no-such-file\.csv/ },
    { args: ['plan', 'allocate', PLAN, '--lang', 'de', '--db', DB], names: /--lang/ },
  ],
  'plan schema': [{ args: ['plan', 'schema', '--nope'], names: /--nope/ }],
  serve: [
    // A host name that resolves to nothing was "internal error … this is a bug".
    {
      args: ['serve', '--host', 'atlantis.invalid', '--port', '7497', '--no-demo', '--db', DB],
      names: /--host atlantis\.invalid: no such host name/,
    },
    // Offered beyond this machine, a store without accounts let anyone in as admin (a warning only).
    {
      args: ['serve', '--host', '0.0.0.0', '--port', '0', '--no-demo', '--db', DB],
      names: /--host 0\.0\.0\.0: the store has no accounts, so nobody could sign in/,
    },
    { args: ['serve', '--port', 'abc', '--db', DB], names: /--port/ },
    // Number() would read these as 0 (any free port) and 1000.
    { args: ['serve', '--port', '', '--db', DB], names: /--port/ },
    { args: ['serve', '--port', '1e3', '--db', DB], names: /--port/ },
    { args: ['serve', '--pull', 'gdelt:Mali', '--db', DB], names: /--pull/ },
    { args: ['serve', '--pull', 'acled:Mali', '--pull-every', 'weekly', '--db', DB], names: /--pull-every/ },
    { args: ['serve', '--demo-lang', 'de', '--db', DB], names: /--demo-lang/ },
    { args: ['serve', '--demo-lang', 'fr', '--no-demo', '--db', DB], names: /--demo-lang/ },
  ],
  'users add': [
    { args: ['users', 'add', 'Ana', '--roles', 'superuser', '--db', DB], names: /superuser/ },
    { args: ['users', 'add', '', '--roles', 'admin', '--db', DB], names: /NAME/ },
    { args: ['users', 'add', 'Ana', '--roles', 'admin', '--url', 'tandem', '--db', DB], names: /--url/ },
  ],
  'incidents add': [
    { args: ['incidents', 'add', MISSING, '--db', DB], names: /no-such-file\.csv/ },
    { args: ['incidents', 'add', BAD_INCIDENT, '--db', DB], names: /latitude/ },
    // A misspelt field is refused at its line, never dropped (the narrative would be lost).
    {
      args: ['incidents', 'add', MISSPELT_INCIDENT, '--db', DB],
      names: /misspelt-incident\.yaml:5:1: narative: not a field/,
    },
  ],
  'local import': [
    { args: ['local', 'import', MISSING, '--db', DB], names: /no-such-file\.csv/ },
    { args: ['local', 'import', RENAMED_PAX_LOCAL, '--format', 'xls', '--db', DB], names: /--format/ },
    { args: ['local', 'import', RENAMED_PAX_LOCAL, '--db', DB], names: /renamed-pax-local\.csv.*AgtId/ },
  ],
  'local list': [{ args: ['local', 'list', '--country', '', '--db', DB], names: /--country/ }],
  'local check': [
    { args: ['local', 'check', '--country', 'Mali', '--lang', 'de', '--db', DB], names: /--lang/ },
    { args: ['local', 'check', '--country', 'Mali', '--radius-km', '-5', '--db', DB], names: /--radius-km/ },
    {
      args: ['local', 'check', '--country', 'Mali', '--window-days', 'half', '--db', DB],
      names: /--window-days/,
    },
    {
      args: ['local', 'check', '--country', 'Mali', '--plan', MISSING, '--db', DB],
      names: /no-such-file\.csv/,
    },
  ],
  'participants add': [
    { args: ['participants', 'add', MISSING, '--db', DB], names: /no-such-file\.csv/ },
    { args: ['participants', 'add', BAD_PARTICIPANT, '--db', DB], names: /gender/ },
    // A date written the right way that is no day is said to be no day, not the wrong shape.
    {
      args: ['participants', 'add', NO_SUCH_DAY_PARTICIPANT, '--db', DB],
      names: /no-such-day-participant\.yaml:6:\d+: consent\.on: there is no such day in the calendar/,
    },
    // A misspelt field is refused at its line, at any depth: dropped, the identity went unstored.
    {
      args: ['participants', 'add', MISSPELT_PARTICIPANT, '--db', DB],
      names:
        /misspelt-participant\.yaml:2:1: realname: not a field Tandem reads[^\n]*\n.*misspelt-participant\.yaml:7:\d+: consent\.date: not a field Tandem reads/,
    },
    // What the store refuses names the file too, not only the field.
    {
      args: ['participants', 'add', UNKNOWN_PROCESS_PARTICIPANT, '--db', DB],
      // Every problem, each at its line and column (the first alone was said, with no line).
      names:
        /unknown-process\.yaml has 2 problems:\n {2}\S*unknown-process\.yaml:6:\d+: processes\[0\]\.process: no local process or stored negotiation process "99".*\n {2}\S*unknown-process\.yaml:7:\d+: incidents\[0\]: no incident 4242/,
    },
  ],
  'participants list': [{ args: ['participants', 'list', '--country', '', '--db', DB], names: /--country/ }],
  'participants erase': [
    { args: ['participants', 'erase', 'x', '--reason', 'consent withdrawn', '--db', DB], names: /ID/ },
    { args: ['participants', 'erase', '1', '--reason', ' ', '--db', DB], names: /--reason/ },
  ],
  'participants measure': [
    { args: ['participants', 'measure', '1', '0', '--status', 'closed', '--db', DB], names: /\bN\b/ },
    { args: ['participants', 'measure', '1', '1', '--status', 'done', '--db', DB], names: /--status/ },
    {
      args: [
        'participants',
        'measure',
        '1',
        '1',
        '--status',
        'closed',
        '--review-on',
        '2026-02-30',
        '--db',
        DB,
      ],
      names: /--review-on/,
    },
  ],
  'participation check': [
    { args: ['participation', 'check', '--country', 'Mali', '--weeks', '0', '--db', DB], names: /--weeks/ },
    { args: ['participation', 'check', '--country', 'Mali', '--lang', 'FR', '--db', DB], names: /--lang/ },
    // A country the store knows nothing of is told so, not answered "no alerts".
    {
      args: ['participation', 'check', '--country', 'Nowhereland', '--db', DB],
      names: /no events for country "Nowhereland"/,
    },
  ],
  forecast: [
    { args: ['forecast', '--country', '', '--db', DB], names: /--country/ },
    { args: ['forecast', '--country', 'Testland', '--level', 'district', '--db', DB], names: /--level/ },
    { args: ['forecast', '--country', 'Testland', '--horizon', '0', '--db', DB], names: /--horizon/ },
    // Written as a month, but no month: said so, not as the wrong shape.
    {
      args: ['forecast', '--country', 'Testland', '--origin', '2014-13', '--db', DB],
      names: /--origin: there is no such month: the month is 01 to 12/,
    },
    // Number() would read these as 6, 10 and 0; a number is written in decimal digits.
    {
      args: ['forecast', '--country', 'Testland', '--horizon', '0x6', '--db', DB],
      names: /--horizon: expected a number; got "0x6"/,
    },
    { args: ['forecast', '--country', 'Testland', '--horizon', '1e1', '--db', DB], names: /--horizon/ },
    {
      args: ['forecast', '--country', 'Testland', '--horizon', '', '--db', DB],
      names: /--horizon: expected a number/,
    },
    { args: ['forecast', '--country', 'Testland', '--metric', 'deaths', '--db', DB], names: /--metric/ },
    { args: ['forecast', '--country', 'Testland', '--origin', '2015-13', '--db', DB], names: /--origin/ },
    {
      args: ['forecast', '--country', 'Testland', '--plan', MISSING, '--db', DB],
      names: /no-such-file\.csv/,
    },
    { args: ['forecast', '--country', 'Testland', '--plan', BAD_EDIT, '--db', DB], names: /edit\.yaml/ },
    { args: ['forecast', '--country', 'Testland', '--mission', ' ', '--db', DB], names: /--mission/ },
  ],
  'forecast backtest': [
    { args: ['forecast', 'backtest', '--db', DB], names: /--country/ },
    {
      args: ['forecast', 'backtest', '--country', 'Testland', '--level', 'town', '--db', DB],
      names: /--level/,
    },
  ],
  'incidents list': [{ args: ['incidents', 'list', '--limit', 'many', '--db', DB], names: /--limit/ }],
  'incidents edit': [
    { args: ['incidents', 'edit', 'seven', BAD_INCIDENT, '--db', DB], names: /latitude/ },
    { args: ['incidents', 'edit', 'seven', BAD_EDIT, '--db', DB], names: /ID/ },
    { args: ['incidents', 'edit', '1', MISSING, '--db', DB], names: /no-such-file\.csv/ },
  ],
  'incidents history': [{ args: ['incidents', 'history', '0', '--db', DB], names: /ID/ }],
  'frictions list': [
    { args: ['frictions', 'list', '--country', '', '--db', DB], names: /--country/ },
    { args: ['frictions', 'list', '--lang', 'english', '--db', DB], names: /--lang/ },
  ],
  'frictions edit': [
    { args: ['frictions', 'edit', 'X2', '--db', DB], names: /REF/ },
    { args: ['frictions', 'edit', 'abcdef12', '--decision', 'ignore', '--db', DB], names: /--decision/ },
    { args: ['frictions', 'edit', 'abcdef12', '--review-date', 'soon', '--db', DB], names: /--review-date/ },
  ],
  'frictions history': [{ args: ['frictions', 'history', 'X2', '--db', DB], names: /REF/ }],
  'keys init': [{ args: ['keys', 'init', '--db', join(DIR, 'no/such/dir.db')], names: /no\/such\/dir\.db/ }],
  'keys rotate': [{ args: ['keys', 'rotate', '--db', DB], names: /tandem keys init/ }],
  'audit verify': [{ args: ['audit', 'verify', '--head', 'xyz', '--db', DB], names: /--head/ }],
  'audit head': [
    { args: ['audit', 'head', '--db', join(DIR, 'no/such/dir.db')], names: /no\/such\/dir\.db/ },
  ],
  'users token': [{ args: ['users', 'token', '', '--db', DB], names: /NAME/ }],
  'users password': [
    { args: ['users', 'password', 'Ana', '--db', DB], names: /--password-stdin.*--remove/ },
    { args: ['users', 'password', '', '--remove', '--db', DB], names: /NAME/ },
  ],
  'users remove': [{ args: ['users', 'remove', '', '--db', DB], names: /NAME/ }],
  'users list': [
    { args: ['users', 'list', '--db', join(DIR, 'no/such/dir.db')], names: /no\/such\/dir\.db/ },
  ],
  'pull acled': [
    {
      args: ['pull', 'acled', '--country', 'South Sudan', '--from', '2020-02-30', '--db', DB],
      names: /--from/,
    },
    {
      args: ['pull', 'acled', '--country', 'South Sudan', '--from', '2999-01-01', '--db', DB],
      names: /--from: is after today/,
    },
    {
      args: [
        'pull',
        'acled',
        '--country',
        'South Sudan',
        '--from',
        '2021-01-01',
        '--to',
        '2020-01-01',
        '--db',
        DB,
      ],
      names: /--from/,
    },
    { args: ['pull', 'acled', '--country', '', '--db', DB], names: /--country/ },
  ],
  'pull ucdp': [
    { args: ['pull', 'ucdp', '--country', 'Atlantis', '--db', DB], names: /--country/ },
    { args: ['pull', 'ucdp', '--country', 'Chad', '--version', 'latest', '--db', DB], names: /--version/ },
  ],
};

/** The commands a help text lists (the names under "Commands:"), without `help`. */
function commandsIn(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1] as string).filter((c) => c !== 'help');
}

after(() => rmSync(DIR, { recursive: true, force: true }));

describe('bad input on the command line', { concurrency: 4 }, () => {
  // The store is created once, before the cases that open it run side by side: two processes
  // migrating a new SQLite file at once can collide ("table … already exists").
  before(async () => {
    await (await openStore({ dbPath: DB })).close();
  });
  test('a command that only reads, given a --db that names no file, is refused and makes no store there', async () => {
    const typo = join(DIR, 'tandme.db');
    for (const args of [
      ['summary', '--by', 'admin1', '--json'],
      ['export', '--format', 'csv'],
    ]) {
      const r = await runCli([...args, '--db', typo], { env: { TANDEM_DEBUG: '', TANDEM_ROLES: 'admin' } });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^tandem: --db \S+tandme\.db names no store \(no such file\): check the path/);
      assert.equal(r.stdout, '');
      assert.equal(existsSync(typo), false);
    }
    // A command that writes makes its store, and a read then answers from it.
    const other = join(DIR, 'imported.db');
    const made = await runCli(['import', EVENTS_CSV, '--db', other], { env: { TANDEM_ROLES: 'admin' } });
    assert.equal(made.code, 0, made.stderr);
    const read = await runCli(['summary', '--db', other], { env: { TANDEM_ROLES: 'admin' } });
    assert.equal(read.code, 0, read.stderr);
    assert.equal(read.stderr, '');
  });
  test('a misspelt role in TANDEM_ROLES is refused, and writes nothing', async () => {
    const r = await runCli(['import', EVENTS_CSV, '--db', DB], { env: { TANDEM_ROLES: 'veiwer' } });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^tandem: TANDEM_ROLES: unknown role "veiwer": expected viewer, /);
    const after = await runCli(['summary', '--json', '--db', DB], { env: { TANDEM_ROLES: 'admin' } });
    assert.deepEqual(JSON.parse(after.stdout).rows, []);
  });
  test('an empty --db or --database-url is refused, not taken for a throwaway database', async () => {
    for (const args of [
      ['import', EVENTS_CSV, '--db', ''],
      ['summary', '--database-url', ''],
    ]) {
      const r = await runCli(args, { env: { TANDEM_ROLES: 'admin' } });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^tandem: --(db|database-url) is empty/);
    }
  });
  for (const [command, cases] of Object.entries(CASES)) {
    for (const c of cases) {
      test(`\`tandem ${c.args.filter((a) => !a.startsWith(DIR)).join(' ')}\` exits 2 naming what is wrong`, async () => {
        const r = await runCli(c.args, { env: { TANDEM_DEBUG: '', TANDEM_ROLES: 'admin' } });
        assert.equal(r.code, 2, `${command}: exit ${r.code}\n${r.stderr}`);
        assert.match(r.stderr, c.names);
        assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
        assert.doesNotMatch(r.stderr, /internal error|this is a bug/i);
        assert.doesNotMatch(r.stderr, /ZodError|"code":|invalid_type/);
        assert.equal(r.stdout, '');
      });
    }
  }
});

test('every command `tandem --help` lists has a bad-input case', async () => {
  const top = await runCli(['--help']);
  assert.equal(top.code, 0);
  const leaves: string[] = [];
  for (const name of commandsIn(top.stdout)) {
    const sub = await runCli([name, '--help']);
    const children = commandsIn(sub.stdout);
    if (children.length === 0) leaves.push(name);
    for (const child of children) leaves.push(`${name} ${child}`);
    // A group that runs on its own too (`actors`) takes options of its own.
    if (children.length && /^ {2}--(json|db)\b/m.test(sub.stdout)) leaves.push(name);
  }
  const missing = leaves.filter((c) => !(c in CASES));
  assert.deepEqual(missing, [], `commands without a bad-input case: ${missing.join(', ')}`);
  assert.ok(leaves.length >= 30, `only ${leaves.length} commands found in the help`);
});
