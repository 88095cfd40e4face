import pino, { type Logger } from "pino";
import { logContext } from "./context";
import { REDACTED, redactPaths, scrub } from "./redact";

/**
 * The app's one logger: JSON lines on stdout (one object per line, for the container's log collector),
 * with the request id and user id of the current request on every line, and secrets redacted
 * (lib/log/redact.ts). Import `log` and call `log.info({ ...fields }, "message")`; pass errors as
 * `{ err }` so their message and stack are kept (and scrubbed).
 */
function scrubbed(value: unknown): unknown {
  if (typeof value === "string") return scrub(value);
  if (value instanceof Error) {
    const serialized = pino.stdSerializers.err(value);
    return {
      ...serialized,
      message: scrub(serialized.message),
      stack: serialized.stack ? scrub(serialized.stack) : undefined,
    };
  }
  return value;
}

export function createLogger(destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: "info",
      base: { service: "gift-desk" },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      redact: { paths: redactPaths, censor: REDACTED },
      serializers: { err: (error: unknown) => scrubbed(error) },
      mixin: () => logContext(),
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        // Free-text arguments and messages may carry credentials inside them (an SMTP URL in an error).
        logMethod(args, method) {
          method.apply(this, args.map(scrubbed) as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const globalForLog = globalThis as unknown as { giftDeskLog?: Logger };

// One per process, also across hot reloads in development.
globalForLog.giftDeskLog ??= createLogger();
export const log: Logger = globalForLog.giftDeskLog;
