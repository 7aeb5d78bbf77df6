/** The `gatehouse` command. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { flagKey, loadConfig, SETTINGS } from '../config.js';
import { start } from '../server/start.js';
import { printOutbox } from './outbox.js';
import { settingsHelp } from './settings-help.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('gatehouse').description('A self-hostable Amazon Cognito').version(version, '-V, --version', 'print the version');

const serve = program.command('serve').description('serve the Cognito APIs');
for (const setting of Object.values(SETTINGS)) {
  if (setting.flag) serve.option(setting.flag, `sets ${setting.env} (see Settings)`);
}
serve.addHelpText('after', settingsHelp()).action(async (flags: Record<string, string>) => {
  await start(loadConfig(flags));
});

program.command('outbox')
  .description('print the mail and SMS messages written to the data folder\'s outbox (when no SMTP server or SMS file is set)')
  .option(SETTINGS.dataDir.flag!, `the data folder (${SETTINGS.dataDir.env}; default: ${SETTINGS.dataDir.shown})`)
  .option('--follow', 'keep printing messages as they arrive')
  .action(async (flags: { follow?: boolean } & Record<string, string>) => {
    await printOutbox(loadConfig({ data: flags[flagKey(SETTINGS.dataDir.flag!)] }).dataDir, { follow: flags.follow === true });
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`gatehouse: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
