/** Reading one-time codes and message text the way a user reads them. */

/** The first six-digit number in a text, as Cognito's {####} renders. */
export const codeIn = (text: string): string | undefined => /\b(\d{6})\b/.exec(text)?.[1];

/** A quoted-printable body as text (soft line breaks joined, =XX escapes decoded). */
export const decodeQuotedPrintable = (body: string): string =>
  body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
