import { frenchSpacing } from '../../../src/domain/language.ts';

/**
 * What the server says when it refuses a file or finds no record, in French: the refusals a person
 * meets most on French pages (an import, a boundary or agreement file, a set-aside row, a record
 * that does not exist). The server words them in English; the names, numbers and quoted values
 * they carry are kept. A message these patterns do not know is shown as the server wrote it.
 */

const FORMATS =
  'un export ACLED (colonnes event_id_cnty, event_date, event_type), UCDP GED (id, type_of_violence, date_start, best) en CSV ou GeoJSON, une feuille CSV ou .xlsx avec une ligne de hashtags HXL, ou l’export CSV de Tandem (source, source_event_id, date_start, violence_type, …)';

/** « did you mean "A" or "B"? » and the list of what the store holds, after a place not found. */
function held(rest: string): string {
  return rest
    .replace(
      / \(did you mean (.+)\?\)/,
      (_, names: string) => ` (vouliez-vous dire ${names.replaceAll(' or ', ' ou ')} ?)`,
    )
    .replace(/; admin-1 areas(?: of (.+?))? in the store: /, (_, c?: string) =>
      c ? ` ; régions (admin-1) de ${c} dans la base : ` : ' ; régions (admin-1) dans la base : ',
    )
    .replace(/; countries in the store: /, ' ; pays dans la base : ')
    .replace(
      /; the store holds no events yet \(tandem import\)/,
      ' ; la base ne contient encore aucun événement (tandem import)',
    );
}

const QUOTED = /"([^"]*)"/g;
const guillemets = (s: string) => s.replace(QUOTED, '« $1 »');

const PATTERNS: [RegExp, (...m: string[]) => string][] = [
  // Files.
  [/^(.+): the file is empty$/, (_, f) => `${f} : le fichier est vide`],
  [
    /^(.+): not a known event format: expected .*?(?: \(the first line has (\d+) columns?\))?$/,
    (_, f, n) =>
      `${f} : format de fichier d’événements inconnu ; attendu : ${FORMATS}${n ? ` (la première ligne compte ${n} colonne${n === '1' ? '' : 's'})` : ''}`,
  ],
  [
    /^(.+): not a text file \(a NUL byte at offset (\d+)\); expected CSV or GeoJSON text$/,
    (_, f, at) =>
      `${f} : ce n’est pas un fichier texte (octet NUL à la position ${at}) ; un texte CSV ou GeoJSON est attendu`,
  ],
  [/^(.+): is a folder, not a file$/, (_, f) => `${f} : c’est un dossier, pas un fichier`],
  [
    /^the request body stalled: under (\d+) KB arrived in (\d+) s; check the connection and send it again$/,
    (_, kb, s) =>
      `l’envoi s’est arrêté : moins de ${kb} Ko reçus en ${s} s ; vérifiez la connexion et envoyez le fichier à nouveau`,
  ],
  [
    /^(.+): a zip file that is not a Word \(\.docx\) document$/,
    (_, f) => `${f} : un fichier zip qui n’est pas un document Word (.docx)`,
  ],
  [
    /^(.+): could not read the PDF file \((.*)\)$/,
    (_, f, why) => `${f} : impossible de lire le fichier PDF (${why})`,
  ],
  [
    /^(.+): an RTF document, which is not read; save it as Word \(\.docx\), PDF or plain text$/,
    (_, f) =>
      `${f} : un document RTF, qui n’est pas lu ; enregistrez-le en Word (.docx), en PDF ou en texte brut`,
  ],
  [
    /^(.+): a web page \(HTML\), which is not read; save it as PDF \(print it to PDF\) or as plain text$/,
    (_, f) =>
      `${f} : une page web (HTML), qui n’est pas lue ; enregistrez-la en PDF (imprimer en PDF) ou en texte brut`,
  ],
  [
    /^(.+): no text found( \(a scanned PDF needs OCR first\))?$/,
    (_, f, scanned) =>
      `${f} : aucun texte trouvé${scanned ? ' (un PDF numérisé doit d’abord passer par la reconnaissance de caractères)' : ''}`,
  ],
  [/^(.+): not valid JSON \((.*)\)$/, (_, f, why) => `${f} : JSON non valide (${why})`],
  [
    /^(.+): the FeatureCollection has no features$/,
    (_, f) => `${f} : la FeatureCollection ne contient aucun objet`,
  ],
  [
    /^(.+): UCDP GED events \(points\), not admin-1 polygons: import them with `tandem import`$/,
    (_, f) =>
      `${f} : des événements UCDP GED (points), pas des contours admin-1 : importez-les avec \`tandem import\``,
  ],
  // Rows set aside.
  [
    /^"(.*)" is not a date: there is no month (\d+)$/,
    (_, d, m) => `« ${d} » n’est pas une date : il n’y a pas de mois ${m}`,
  ],
  [
    /^"(.*)" is not a date: month (\d+) of (\d+) has no day (\d+)$/,
    (_, d, m, y, day) => `« ${d} » n’est pas une date : le mois ${m} de ${y} n’a pas de jour ${day}`,
  ],
  [/^the date is empty$/, () => 'la date est vide'],
  [
    /^the row has (\d+) fields?, the header (\d+) \(is the line cut short\?\)$/,
    (_, n, h) =>
      `la ligne compte ${n} champ${n === '1' ? '' : 's'}, l’en-tête ${h} (la ligne est-elle tronquée ?)`,
  ],
  [
    /^"(.*)" is in the future: an event's date cannot be after (\S+)(?: \(tomorrow in UTC, for a source whose day begins earlier\))?$/,
    (_, d, last) =>
      `« ${d} » est dans le futur : un événement ne peut pas être daté après le ${last} (demain en UTC, pour une source dont la journée commence plus tôt)`,
  ],
  // Records that do not exist.
  [/^no event with id (\d+)$/, (_, id) => `aucun événement n’a l’identifiant ${id}`],
  [
    /^no events for country "(.*?)"(.*)$/,
    (_, c, rest) => `aucun événement pour le pays « ${c} »${held(rest)}`,
  ],
  [
    /^no events for admin-1 area "(.*?)"(?: of (.+?))?((?: \(did you mean|; ).*)?$/,
    (_, a, c, rest) =>
      `aucun événement pour la région (admin-1) « ${a} »${c ? ` de ${c}` : ''}${held(rest ?? '')}`,
  ],
  [/^no event names "(.*)" in (.+)$/, (_, n, c) => `aucun événement ne nomme « ${n} » (${c})`],
  [
    /^no stored plan for mission "(.*?)"(?:; missions with a stored plan: (.+))?$/,
    (_, m, list) =>
      `aucun plan enregistré pour la mission « ${m} »${list ? ` ; missions dont un plan est enregistré : ${list}` : ''}`,
  ],
  [
    /^(.+?)(?:, line (\d+))?: "(.*)" reads only month first \(MM\/DD\/YYYY\), and no date before it reads only day first, .*$/,
    (_, f, line, d) =>
      `${f}${line ? `, ligne ${line}` : ''} : « ${d} » ne se lit que le mois en premier (MM/JJ/AAAA), et aucune date avant elle ne se lit seulement le jour en premier : le fichier écrit ses dates le mois en premier ; Tandem lit les dates à barres obliques le jour en premier (JJ/MM/AAAA) et rangerait ses autres dates au mauvais jour (5/3/2025, le 3 mai, au 5 mars). Rien n’a été importé : enregistrez les dates au format AAAA-MM-JJ, ou le jour en premier, puis importez de nouveau le fichier`,
  ],
  [
    /^"(.*)" reads only as month first \(MM\/DD\/YYYY\); .*$/,
    (_, d) =>
      `« ${d} » ne se lit que le mois en premier (MM/JJ/AAAA) ; les dates à barres obliques se lisent le jour en premier (JJ/MM/AAAA), et les autres dates du fichier pourraient être mal lues : écrivez-les au format AAAA-MM-JJ`,
  ],
  [
    /^(note|owner): the \1 you were shown withholds names you may not read, .*$/,
    (_, k) =>
      k === 'note'
        ? 'note : la note qui vous est montrée masque des noms que vous ne pouvez pas lire, et l’enregistrer les effacerait pour tous : laissez-la telle quelle, ou demandez à une personne habilitée de la modifier'
        : 'responsable : le responsable qui vous est montré masque des noms que vous ne pouvez pas lire, et l’enregistrer les effacerait pour tous : laissez-le tel quel, ou demandez à une personne habilitée de le modifier',
  ],
  [
    /^friction (\w+) was changed by (.+) at (\S+ \S+) UTC since you read it: .*$/,
    (_, ref, by, at) =>
      `La friction ${ref} a été modifiée par ${by} le ${at} UTC depuis que vous l’avez lue : rien n’a été enregistré ; relisez-la et décidez sur ce qu’elle dit maintenant.`,
  ],
  [
    /^no stored negotiation process with id (\d+)$/,
    (_, id) => `aucun processus de négociation enregistré sous l’identifiant ${id}`,
  ],
];

/** What a document's reader says was expected or found (structured-document.ts's describeIssue). */
const WHAT: Record<string, string> = {
  'a list': 'une liste',
  'a mapping': 'un tableau associatif (clé : valeur)',
  number: 'un nombre',
  string: 'du texte',
  boolean: 'vrai ou faux',
  null: 'rien (null)',
};
const what = (w: string) =>
  WHAT[w] ??
  w
    .replace(/^the text (".*")$/, 'le texte $1')
    .replace(/^number (.+)$/, 'le nombre $1')
    .replace(/^boolean (.+)$/, 'la valeur $1');

/** One problem of a plan or negotiation file (after its place and path), by pattern. */
const REASONS: [RegExp, (...m: string[]) => string][] = [
  [
    /^missing required field \(expected one of (.+)\)$/,
    (_, v) => `champ obligatoire absent (attendu : l’une des valeurs ${v})`,
  ],
  [/^missing required field \(expected (.+)\)$/, (_, v) => `champ obligatoire absent (attendu : ${what(v)})`],
  [/^missing required field$/, () => 'champ obligatoire absent'],
  [/^expected one of (.+), got (.+)$/, (_, v, got) => `attendu : l’une des valeurs ${v} ; reçu ${what(got)}`],
  [
    /^expected (a list|a mapping|number|string|boolean), got (.+)$/,
    (_, e, got) => `attendu : ${what(e)} ; reçu ${what(got)}`,
  ],
  [
    /^the period ends \((.+)\) before it starts \((.+)\)$/,
    (_, to, from) => `la période se termine (${to}) avant de commencer (${from})`,
  ],
  [
    /^the round ends \((.+)\) before it starts \((.+)\)$/,
    (_, to, from) => `le cycle se termine (${to}) avant de commencer (${from})`,
  ],
  [
    /^duplicate (party|round) id "(.*)" \((.+) has it\): expected each \1 id once$/,
    (_, kind, id, where) =>
      `identifiant ${kind === 'party' ? 'de partie' : 'de cycle'} « ${id} » en double (${where} l’a déjà) : chaque identifiant ne doit figurer qu’une fois`,
  ],
  [
    /^unknown party "(.*)": expected one of (.+)$/,
    (_, id, list) => `partie inconnue « ${id} » : attendu l’une de ${list}`,
  ],
  [
    /^unknown id "(.*)": expected (.+)$/,
    (_, id, e) => `identifiant inconnu « ${id} » (attendu : ${IDS[e] ?? e})`,
  ],
  [
    /^duplicate id "(.*)" \(already used at (.+)\)$/,
    (_, id, at) => `identifiant « ${id} » en double (déjà utilisé en ${at})`,
  ],
];

/** The kinds of id a plan's references expect (plan-cross-reference.ts). */
const IDS: Record<string, string> = {
  'a mandate task id': 'un identifiant de tâche du mandat',
  'a concept objective id': 'un identifiant d’objectif du concept',
  'a strategy objective id': 'un identifiant d’objectif de stratégie',
  'a strategy or concept objective id': 'un identifiant d’objectif de stratégie ou du concept',
  'an office id': 'un identifiant de bureau',
  'a resource id': 'un identifiant de ressource',
  'an activity id': 'un identifiant d’activité',
  'a cell id': 'un identifiant de cellule',
};

/** A plan or negotiation file refused, problem by problem: its head and each reason in French. */
function frenchDocumentProblems(message: string): string | null {
  const [head, ...lines] = message.split('\n');
  const m = /^(.+) (?:has (\d+) problems|is not valid):$/.exec(head ?? '');
  if (!m) return null;
  const said = m[2] ? `${m[1]} : ${m[2]} problèmes :` : `${m[1]} n’est pas valable :`;
  const rest = lines.map((line) => {
    const more = /^(\s*)… and (\d+) more$/.exec(line);
    if (more) return `${more[1]}… et ${more[2]} de plus`;
    // "  plan.yaml:3:5: period.to: the period ends …": the place and the path stay as written.
    const at = /^(\s*.+?:\d+:\d+: (?:[\w.[\]"-]+: )?)(.*)$/.exec(line);
    if (!at) return line;
    for (const [re, to] of REASONS) {
      const r = re.exec(at[2]!);
      if (r) return `${at[1]}${to(...r)}`;
    }
    return line;
  });
  return [said, ...rest].join('\n');
}

/** A server message in French, with French spacing, or as the server wrote it when unknown. */
export function frenchMessage(message: string): string {
  const document = frenchDocumentProblems(message);
  if (document) return frenchSpacing(guillemetsOutsideCode(document));
  for (const [re, to] of PATTERNS) {
    const m = re.exec(message);
    if (m) return frenchSpacing(guillemetsOutsideCode(to(...m)));
  }
  return message;
}

/** English quotes left in a translated message (the names a list carries) become guillemets. */
function guillemetsOutsideCode(s: string): string {
  return s
    .split('`')
    .map((part, i) => (i % 2 ? part : guillemets(part)))
    .join('`');
}
