import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { reportError } from './cli-runtime.ts';
import { registerAgreementCommands } from './commands/agreement-commands.ts';
import { registerAnalysisCommands } from './commands/analysis-commands.ts';
import {
  registerAccessCommands,
  registerActorCommands,
  registerAreaCommands,
  registerEvidenceCommands,
} from './commands/evidence-commands.ts';
import { registerForecastCommands } from './commands/forecast-commands.ts';
import { registerFrictionCommands } from './commands/friction-commands.ts';
import { registerIncidentCommands } from './commands/incident-commands.ts';
import { registerLocalCommands } from './commands/local-commands.ts';
import { registerNegotiationCommands } from './commands/negotiation-commands.ts';
import { registerParticipantCommands } from './commands/participant-commands.ts';
import { registerPlanCommands } from './commands/plan-commands.ts';
import { registerPullCommands } from './commands/pull-commands.ts';
import { registerSecurityCommands } from './commands/security-commands.ts';
import { registerServeCommands } from './commands/serve-commands.ts';
import { registerThreatCommands } from './commands/threat-commands.ts';
import { registerUserCommands } from './commands/user-commands.ts';

// `tandem summary | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

/** The package's version: src/cli/ and dist/cli/ both sit two folders below package.json. */
function packageVersion(): string {
  try {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version ?? '';
  } catch {
    return '';
  }
}

/** The command a mistyped one most likely meant ("sumary": summary), as commander does for options. */
function closestCommand(typed: string, names: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row[j]!;
        row[j] = next;
      }
    }
    return row[b.length]!;
  };
  const scored = names.map((n) => ({ n, d: distance(typed.toLowerCase(), n) })).sort((a, b) => a.d - b.d);
  const best = scored[0];
  return best && best.d <= Math.max(1, Math.floor(typed.length / 3)) ? best.n : undefined;
}

const program = new Command('tandem')
  // A group's own options (tandem forecast --country) end where its subcommand begins.
  .enablePositionalOptions()
  .version(packageVersion(), '-V, --version', 'print the version')
  .description('Protection of civilians and political work, on one body of evidence.')
  .showHelpAfterError()
  .exitOverride();

registerEvidenceCommands(program);
registerAreaCommands(program);
registerAccessCommands(program);
registerActorCommands(program);
registerAnalysisCommands(program);
registerThreatCommands(program);
registerForecastCommands(program);
registerNegotiationCommands(program);
registerAgreementCommands(program);
registerPlanCommands(program);
registerServeCommands(program);
registerUserCommands(program);
registerIncidentCommands(program);
registerLocalCommands(program);
registerParticipantCommands(program);
registerFrictionCommands(program);
registerSecurityCommands(program);
registerPullCommands(program);

try {
  // Commander answers `tandem nosuch --help` with the general help and success; a script asking
  // whether a command exists must hear that it does not.
  const first = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (
    first &&
    first !== 'help' &&
    !program.commands.some((c) => c.name() === first || c.aliases().includes(first))
  ) {
    const meant = closestCommand(
      first,
      program.commands.map((c) => c.name()),
    );
    program.error(`error: unknown command '${first}'${meant ? `\n(Did you mean ${meant}?)` : ''}`, {
      code: 'commander.unknownCommand',
      exitCode: 2,
    });
  }
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end here with code 0; a usage error with 2, after commander's message.
    process.exit(e.exitCode === 0 ? 0 : 2);
  }
  reportError(e);
}
