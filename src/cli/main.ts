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

const program = new Command('tandem')
  // A group's own options (tandem forecast --country) end where its subcommand begins.
  .enablePositionalOptions()
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
  )
    program.error(`error: unknown command '${first}'`, { code: 'commander.unknownCommand', exitCode: 2 });
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end here with code 0; a usage error with 2, after commander's message.
    process.exit(e.exitCode === 0 ? 0 : 2);
  }
  reportError(e);
}
