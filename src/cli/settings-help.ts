/** The settings part of `gatehouse serve --help`, written from SETTINGS (src/config.ts), the one place they are defined. */
import { SETTINGS } from '../config.js';

export function settingsHelp(): string {
  const lines = ['', 'Settings: a flag wins over its environment variable, which wins over the default. An empty variable counts as unset.', ''];
  for (const setting of Object.values(SETTINGS)) {
    const flag = setting.flag ? `, ${setting.flag}` : '';
    lines.push(`  ${setting.env}${flag}`, `      ${setting.about}; default: ${setting.shown ?? setting.fallback}`);
  }
  lines.push(
    '',
    'The admin key pair signs every IAM-authenticated call (Admin*, pool, client and group management). On the first',
    'start without GATEHOUSE_ADMIN_ACCESS_KEY_ID and GATEHOUSE_ADMIN_SECRET_ACCESS_KEY, Gatehouse generates one, prints',
    'it once and keeps it sealed in the database. To replace it, set both variables to the new pair (an access key id',
    'and a secret, e.g. 20 and 40 characters) on every node and restart: from then on only that pair is accepted, and',
    'the generated one no longer signs anything. Unset both to go back to the generated pair.',
  );
  return `${lines.join('\n')}\n`;
}
