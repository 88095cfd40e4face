/**
 * What never reaches a log line. Keys are matched wherever they sit in a logged object (pino's redact
 * paths, one level of nesting and the request/headers shapes); strings are scrubbed of credentials that
 * travel inside them (an SMTP or database URL with a password, a bearer token in an error message).
 */
const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "pass",
  "secret",
  "token",
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "idToken",
  "id_token",
  "clientSecret",
  "client_secret",
  "code_verifier",
  "apiKey",
  "smtpUrl",
  "SMTP_URL",
  "DATABASE_URL",
  "MIGRATION_DATABASE_URL",
  "AUTH_SECRET",
  "CRON_SECRET",
  "TOKEN_ENCRYPTION_KEY",
  "SENDOSO_CLIENT_SECRET",
  "SENDOSO_WEBHOOK_SECRET",
];

export const REDACTED = "[redacted]";

export const redactPaths: string[] = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const dot = (prefix: string) => (k.startsWith("[") ? `${prefix}${k}` : `${prefix}.${k}`);
  return [k, dot("*"), dot("headers"), dot("req.headers"), dot("*.headers"), dot("err.config.headers")];
});

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const WHSEC = /\bwhsec_[A-Za-z0-9+/=]+/g;

/** Removes credentials carried inside a string: `scheme://user:pass@host`, `Bearer …`, webhook secrets. */
export function scrub(text: string): string {
  return text
    .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(WHSEC, REDACTED);
}
