export interface ClockOptions {
  /** Simulated "now" at start-up (ISO string or Date). Defaults to the real time. */
  start?: string | Date;
  /** When true the clock only moves through advance()/set(); otherwise it ticks with real time. */
  frozen?: boolean;
}

/**
 * The simulator's clock. Token expiry, touch windows, authorization-code expiry and the
 * send status machine all read it, so tests can jump hours or days ahead.
 */
export class Clock {
  private offsetMs: number;
  private frozenAtMs: number | null;

  constructor(
    options: ClockOptions = {},
    private readonly realNow: () => number = Date.now,
  ) {
    const startMs = options.start === undefined ? realNow() : toMs(options.start);
    this.offsetMs = startMs - realNow();
    this.frozenAtMs = options.frozen ? startMs : null;
  }

  nowMs(): number {
    return this.frozenAtMs ?? this.realNow() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  nowUnix(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  get frozen(): boolean {
    return this.frozenAtMs !== null;
  }

  advance(seconds: number): void {
    const deltaMs = Math.round(seconds * 1000);
    if (this.frozenAtMs !== null) this.frozenAtMs += deltaMs;
    else this.offsetMs += deltaMs;
  }

  set(at: string | Date): void {
    const targetMs = toMs(at);
    if (this.frozenAtMs !== null) this.frozenAtMs = targetMs;
    else this.offsetMs = targetMs - this.realNow();
  }
}

export function toMs(at: string | Date): number {
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`Invalid date: ${String(at)}`);
  return ms;
}
