/**
 * A suite's server as node:test hooks: a Gatehouse started before the suite's tests (with a real
 * mailbox and a file SMS outbox when asked) and stopped after them. The handles it returns can be
 * taken at once, in the suite's body; they reach the real server, client and mailbox once the
 * `before` hook has started them. Call it first in the suite, so that its hook runs ahead of the
 * suite's own.
 */
import { after, before } from 'node:test';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { adminClient } from './aws.js';
import { startGatehouse, type Engine, type Gatehouse } from './gatehouse.js';
import { lateBound } from './late-bound.js';
import { startMailbox, type Mailbox } from './mailbox.js';
import { smsOutbox, type SmsOutbox } from './sms.js';

export interface SuiteOptions {
  /** Start an SMTP mailbox and send the server's mail to it. */
  mail?: boolean;
  /** Have the server write its SMS to a file outbox. */
  sms?: boolean;
  /** More environment for the server. */
  env?: Record<string, string>;
  /** Worker processes sharing the port and the database (default 1). */
  workers?: number;
}

export interface SuiteGatehouse {
  server: Gatehouse;
  /** The SDK v3 client signed with the admin credentials. */
  client: CognitoIdentityProviderClient;
  mailbox: Mailbox;
  sms: SmsOutbox;
}

export function useGatehouse(engine: Engine, options: SuiteOptions = {}): SuiteGatehouse {
  let server: Gatehouse | undefined;
  let client: CognitoIdentityProviderClient | undefined;
  let mailbox: Mailbox | undefined;
  const sms = options.sms ? smsOutbox() : undefined;
  before(async () => {
    if (options.mail) mailbox = await startMailbox();
    const env: Record<string, string> = { ...sms?.env, ...options.env };
    if (mailbox) env.GATEHOUSE_SMTP_URL = mailbox.url;
    server = await startGatehouse({ engine, env, workers: options.workers });
    client = adminClient(server);
  });
  after(async () => {
    await server?.stop();
    await mailbox?.close();
  });
  return {
    server: lateBound(() => server, 'the server (it starts in a before hook)'),
    client: lateBound(() => client, 'the admin client (it starts in a before hook)'),
    mailbox: lateBound(() => mailbox, 'a mailbox (ask for { mail: true })'),
    sms: lateBound(() => sms, 'an SMS outbox (ask for { sms: true })'),
  };
}
