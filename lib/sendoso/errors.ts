/** Typed failures of Sendoso reads. Sends report a SendOutcome instead, because their money state matters. */
export type SendosoErrorKind =
  | "validation"
  | "not_found"
  | "unauthorized"
  | "rate_limited"
  | "server"
  | "network"
  | "malformed";

export class SendosoError extends Error {
  constructor(
    readonly kind: SendosoErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "SendosoError";
  }
}

/** Sendoso's Rails-style messages start with the field they are about: "email can't be blank". */
export function fieldFromMessage(message: string): string | null {
  const match = /^([a-z_]+) (can't be blank|is invalid|must be|is not)/.exec(message);
  return match?.[1] ?? null;
}

export function errorKindForStatus(status: number): SendosoErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "validation";
}
