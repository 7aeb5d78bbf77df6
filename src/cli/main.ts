/** The `gatehouse` command. */
import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { start } from '../server/start.js';
import { printOutbox } from './outbox.js';

const program = new Command('gatehouse').description('A self-hostable Amazon Cognito');

program.command('serve')
  .description('serve the Cognito APIs')
  .option('--port <port>', 'TCP port (GATEHOUSE_PORT, default 9329)')
  .option('--host <host>', 'interface to bind (GATEHOUSE_HOST, default 127.0.0.1)')
  .option('--data <dir>', 'folder for the SQLite file and key material (GATEHOUSE_DATA, default ./data)')
  .option('--database-url <url>', 'PostgreSQL connection string (DATABASE_URL); SQLite when absent')
  .option('--public-url <url>', 'base URL clients use (GATEHOUSE_PUBLIC_URL, default http://<host>:<port>)')
  .option('--region <region>', 'AWS region to answer as (GATEHOUSE_REGION, default us-east-1)')
  .option('--workers <n>', 'processes sharing the port (GATEHOUSE_WORKERS, default 1)')
  .option('--functions <file>', 'JSON file mapping Lambda trigger ARNs to runtimes (GATEHOUSE_FUNCTIONS)')
  .action(async (flags: Record<string, string>) => {
    await start(loadConfig(flags));
  });

program.command('outbox')
  .description('print the mail and SMS messages written to the data folder\'s outbox (when no SMTP server or SMS file is set)')
  .option('--data <dir>', 'the data folder (GATEHOUSE_DATA, default ./data)')
  .option('--follow', 'keep printing messages as they arrive')
  .action(async (flags: { data?: string; follow?: boolean }) => {
    await printOutbox(loadConfig({ data: flags.data }).dataDir, { follow: flags.follow === true });
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`gatehouse: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
