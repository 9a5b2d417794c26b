import type { Command } from 'commander';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { formatTable } from '../table.ts';
import { loadPlan } from './plan-commands.ts';

// The forecast operations are imported when a command runs: registering commands stays cheap.
const forecasts = () => import('../../app/forecast-operations.ts').then((m) => m.forecastOperations);

type Flags = StoreFlags & {
  json?: boolean;
  country?: string;
  level?: string;
  metric?: string;
  origin?: string;
  lastOrigins?: string;
};

/** `tandem forecast` (next months per area) and `tandem forecast backtest` (its measured skill). */
export function registerForecastCommands(program: Command): void {
  const group = storeFlags(
    program
      .command('forecast')
      .description(
        'monthly forecasts of violent events and fatalities per area, with intervals and onset risk',
      )
      .enablePositionalOptions()
      .option('--country <name>', 'the country to forecast')
      .option('--level <level>', 'country | admin1', 'admin1')
      .option('--horizon <n>', 'forecast the next 1..n months (at most 12)', '6')
      .option('--metric <metric>', 'events | fatalities (default both)')
      .option('--origin <YYYY-MM>', 'forecast from this month, using only data up to its end')
      .option('--plan <file>', "also forecast the plan's areas of responsibility (level aor)")
      .option(
        '--mission <name>',
        "also forecast the areas of responsibility of the mission's newest stored plan",
      )
      .option('--json', 'print the result as JSON'),
  );
  group.action(
    action(async (flags: Flags & { horizon: string; origin?: string; plan?: string; mission?: string }) => {
      const plan = flags.plan === undefined ? {} : loadPlan(flags.plan);
      const r = await runCommand(
        (await forecasts()).forecast,
        {
          country: flags.country ?? '',
          level: flags.level,
          horizon: flags.horizon,
          metric: flags.metric,
          origin: flags.origin,
          plan: 'plan' in plan ? plan.plan : undefined,
          planName: 'name' in plan ? plan.name : undefined,
          mission: flags.mission,
        },
        { name: 'forecast', store: flags, fields: { planName: '--plan' } },
      );
      if (flags.json)
        return printJson({
          origin: r.origin,
          forecasts: r.forecasts,
          ...(r.note ? { note: r.note } : {}),
          ...(r.notes ? { notes: r.notes } : {}),
          ...(r.dataGap ? { dataGap: r.dataGap } : {}),
        });
      for (const n of r.notes ?? []) process.stderr.write(`tandem: note: ${n}\n`);
      if (r.note) return console.log(r.note);
      console.log(`Forecasts for ${r.country} from ${r.origin} (only data up to its end used)\n`);
      console.log(
        formatTable(
          ['area', 'month', 'metric', 'point', 'mean', '10%', '50%', '90%', 'P(onset)'],
          r.forecasts.map((f) => [
            f.level === 'aor' ? `${f.key} (AoR)` : f.key,
            f.month,
            f.metric,
            f.point.toFixed(1),
            f.mean.toFixed(1),
            f.quantiles['0.1'].toFixed(1),
            f.quantiles['0.5'].toFixed(1),
            f.quantiles['0.9'].toFixed(1),
            f.pOnset === null ? '' : f.pOnset.toFixed(2),
          ]),
        ),
      );
    }),
  );

  storeFlags(
    group
      .command('backtest')
      .description('score the forecasts at every past origin against what happened, beside naive baselines')
      .option('--country <name>', 'the country to backtest')
      .option('--level <level>', 'country | admin1', 'admin1')
      .option('--metric <metric>', 'events | fatalities (default both)')
      .option('--origin <YYYY-MM>', 'backtest as it would have been run then, on data up to its end')
      .option('--last-origins <n>', 'score only the latest n origins (the brief scores the last 60)')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: Flags) => {
      const r = await runCommand(
        (await forecasts()).forecastBacktest,
        {
          country: flags.country ?? '',
          level: flags.level,
          metric: flags.metric,
          origin: flags.origin,
          lastOrigins: flags.lastOrigins,
        },
        { name: 'forecast backtest', store: flags },
      );
      if (flags.json) return printJson(r);
      // A gap in the data, said before the figures it weighs on (on standard error, as forecast does).
      for (const n of r.notes ?? []) process.stderr.write(`tandem: note: ${n}\n`);
      const { formatBacktestTable, skillSentences } = await import('../../reports/forecast-section.ts');
      if (!r.origins.count) {
        console.log(
          `Backtest of ${r.country} at ${levelWord(r.level)} level: no origin to score. ${skillSentences(r)[0]}`,
        );
        return;
      }
      console.log(
        `Backtest of ${r.country} at ${levelWord(r.level)} level: ${r.origins.count} origins, ${r.origins.first} to ${r.origins.last}\n`,
      );
      console.log(formatBacktestTable(r));
    }),
  );
}

/** A level as prose names it: `admin1` is the option's value, 'admin-1' the word. */
const levelWord = (level: string) => (level === 'admin1' ? 'admin-1' : level);
