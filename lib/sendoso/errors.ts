/**
 * Typed failures of Sendoso calls. Reads throw these; sends report a SendOutcome instead, because what
 * happened to the money matters more than the error.
 */
export type SendosoErrorKind =
  /** 400/422: Sendoso refused the input; `field` names the field when its message does. */
  | "validation"
  /** 403: the grant lacks a scope (e.g. `write`). */
  | "forbidden"
  /** 404: "Touch not found", "Group not found!". */
  | "not_found"
  /** 401: the access token is invalid, revoked or (`expired`) out of date, and no refresh helped. */
  | "unauthorized"
  /** 429 from Sendoso, still there after waiting. */
  | "rate_limited"
  /** 5xx. */
  | "server"
  /** The request provably never left (connection refused, DNS): Sendoso saw nothing. */
  | "network"
  /** The connection broke or timed out after the request was written: Sendoso may have seen it. */
  | "lost"
  /** A 2xx body that is not the documented JSON. */
  | "malformed"
  /** Our own limiter had no slot within its bound: nothing was sent. */
  | "busy";

export class SendosoError extends Error {
  readonly field: string | null;
  readonly expired: boolean;

  constructor(
    readonly kind: SendosoErrorKind,
    message: string,
    readonly status?: number,
    details: { field?: string | null; expired?: boolean } = {},
  ) {
    super(message);
    this.name = "SendosoError";
    this.field = details.field ?? null;
    this.expired = details.expired ?? false;
  }
}

export const BUSY_MESSAGE = "Sendoso is busy, try again in a minute. Nothing was sent.";

/** Our outbound limiter could not get a slot in time (shared/reliability-security.md R14). */
export class SendosoBusyError extends SendosoError {
  constructor() {
    super("busy", BUSY_MESSAGE);
    this.name = "SendosoBusyError";
  }
}

/** Neither the user nor the org has connected a Sendoso account. */
export class SendosoNotConnectedError extends Error {
  constructor() {
    super("Connect your Sendoso account to send gifts.");
    this.name = "SendosoNotConnectedError";
  }
}

/** The connection's grant is dead (refresh refused): a person must go through OAuth again. */
export class SendosoNeedsReconnectError extends Error {
  constructor(readonly shared: boolean) {
    super(
      shared
        ? "The shared Sendoso connection has stopped working. Ask an admin to reconnect it."
        : "Your Sendoso connection has stopped working. Reconnect Sendoso to send gifts.",
    );
    this.name = "SendosoNeedsReconnectError";
  }
}

/** Sendoso's Rails-style messages start with the field they are about: "email can't be blank". */
export function fieldFromMessage(message: string): string | null {
  const match = /^([a-z_]+) (can't be blank|is invalid|must be|is not)/.exec(message);
  return match?.[1] ?? null;
}

export function errorKindForStatus(status: number): SendosoErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "validation";
}

/** The connection a send was recorded on is gone, or belongs to someone else now. */
export class SendosoConnectionGoneError extends Error {
  constructor() {
    super(
      "The Sendoso connection this gift was recorded on no longer exists. The rep must reconnect " +
        "Sendoso; the gift stays pending and nothing was sent.",
    );
    this.name = "SendosoConnectionGoneError";
  }
}
