import type { Clock } from "./clock";
import type { ResolvedWebhookOptions, WebhookEndpoint } from "./options";
import type { SendStore } from "./send-store";
import { type AttemptOutcome, attemptDelivery, isSuccess, type SigningVariant } from "./webhook-delivery";
import { eventTypeFor, newMessageId } from "./webhook-signing";

type Trigger = "scheduled" | "replay" | "test";
export type DeliveryAttempt = AttemptOutcome & { trigger: Trigger; variant: SigningVariant };

/** One message's delivery to one endpoint, retried on its own schedule (like Svix). */
export interface Delivery {
  endpoint: WebhookEndpoint;
  state: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
  /** Simulator-clock time of the next scheduled attempt. */
  nextAttemptAtMs: number | null;
  inFlight: boolean;
}

export interface WebhookMessage {
  id: string;
  sendGid: string;
  status: string;
  statusChangedAt: string;
  /** The exact JSON body, signed byte for byte. */
  body: string;
  kind: "status_change" | "test";
  deliveries: Delivery[];
}

/**
 * Announces every status change of every send to the configured endpoints and retries failures on the
 * documented schedule, measured on the simulator clock so a test can advance it instead of waiting.
 * `pump()` runs after every request and once a second; `settle()` waits until nothing is due or running.
 */
export class WebhookDispatcher {
  readonly messages: WebhookMessage[] = [];
  private endpointList: WebhookEndpoint[];
  includeEventType: boolean;
  private readonly announced = new Map<number, number>();
  private readonly running = new Set<Promise<void>>();
  private readonly closing = new AbortController();

  constructor(
    private readonly options: ResolvedWebhookOptions,
    private readonly clock: Clock,
    private readonly sends: SendStore,
  ) {
    this.endpointList = [...options.endpoints];
    this.includeEventType = options.includeEventType;
  }

  get endpoints(): readonly WebhookEndpoint[] {
    return this.endpointList;
  }

  /** Changes where messages go; status changes from before the change are never announced. */
  setEndpoints(endpoints: WebhookEndpoint[]): void {
    for (const send of this.sends.list(this.clock.nowMs()))
      this.announced.set(send.id, send.timeline.updates.length);
    this.endpointList = [...endpoints];
  }

  /** Creates messages for status changes not yet announced, then starts every attempt that is due. */
  pump(): void {
    // Like Svix with no endpoint: nothing to deliver to (setEndpoints skips what happened meanwhile).
    if (this.endpointList.length === 0) return;
    const now = this.clock.nowMs();
    for (const send of this.sends.list(now)) {
      const known = this.announced.get(send.id) ?? 0;
      const updates = send.timeline.updates;
      this.announced.set(send.id, updates.length);
      for (const update of updates.slice(known)) {
        this.enqueue(send.sendGid, update.status, new Date(update.atMs).toISOString(), "status_change", now);
      }
    }
    for (const message of this.messages) {
      for (const delivery of message.deliveries) {
        const due = delivery.nextAttemptAtMs !== null && delivery.nextAttemptAtMs <= now;
        if (delivery.state === "pending" && due && !delivery.inFlight) this.run(message, delivery);
      }
    }
  }

  /** Resolves once no attempt is running or due (bounded: each delivery has a finite schedule). */
  async settle(): Promise<void> {
    this.pump();
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
      this.pump();
    }
  }

  /** A fresh message outside the status machine, signed as `variant` asks, attempted once per endpoint. */
  async deliverTest(input: {
    sendGid: string;
    status: string;
    statusChangedAt: string;
    variant: SigningVariant;
  }): Promise<WebhookMessage> {
    const message = this.enqueue(input.sendGid, input.status, input.statusChangedAt, "test", null);
    await Promise.all(message.deliveries.map((d) => this.attempt(message, d, "test", input.variant)));
    return message;
  }

  /** Delivers a message again with the same id and body (a fresh timestamp unless `sameTimestamp`). */
  async replay(id: string, sameTimestamp: boolean): Promise<WebhookMessage | null> {
    const message = this.messages.find((m) => m.id === id);
    if (!message) return null;
    await Promise.all(
      message.deliveries.map((d) => {
        const previous = d.attempts.at(-1)?.timestampSeconds;
        return this.attempt(message, d, "replay", "valid", sameTimestamp ? previous : undefined);
      }),
    );
    return message;
  }

  clear(): void {
    this.messages.length = 0;
    this.announced.clear();
  }

  close(): void {
    this.closing.abort();
  }

  private enqueue(
    sendGid: string,
    status: string,
    at: string,
    kind: WebhookMessage["kind"],
    due: number | null,
  ) {
    const payload = {
      send_gid: sendGid,
      status_changed_at: at,
      ...(this.includeEventType ? { type: eventTypeFor(status) } : {}),
    };
    const message: WebhookMessage = {
      id: newMessageId(),
      sendGid,
      status,
      statusChangedAt: at,
      body: JSON.stringify(payload),
      kind,
      deliveries: this.endpointList.map((endpoint) => ({
        endpoint,
        state: "pending",
        attempts: [],
        nextAttemptAtMs: due,
        inFlight: false,
      })),
    };
    this.messages.push(message);
    return message;
  }

  private run(message: WebhookMessage, delivery: Delivery): void {
    const task = this.attempt(message, delivery, "scheduled", "valid").then(() => {
      this.running.delete(task);
      if (!this.closing.signal.aborted) this.pump();
    });
    this.running.add(task);
  }

  private async attempt(
    message: WebhookMessage,
    delivery: Delivery,
    trigger: Trigger,
    variant: SigningVariant,
    reuseTimestampSeconds?: number,
  ): Promise<void> {
    delivery.inFlight = true;
    const outcome = await attemptDelivery({
      url: delivery.endpoint.url,
      secret: delivery.endpoint.secret,
      messageId: message.id,
      body: message.body,
      timeoutMs: this.options.timeoutMs,
      variant,
      reuseTimestampSeconds,
      signal: this.closing.signal,
    });
    delivery.inFlight = false;
    delivery.attempts.push({ ...outcome, trigger, variant });
    if (trigger !== "scheduled") {
      if (trigger === "test") delivery.state = isSuccess(outcome) ? "delivered" : "failed";
      return;
    }
    const scheduled = delivery.attempts.filter((a) => a.trigger === "scheduled").length;
    const nextDelay = this.options.retryScheduleSeconds[scheduled];
    if (isSuccess(outcome)) {
      delivery.state = "delivered";
      delivery.nextAttemptAtMs = null;
    } else if (nextDelay === undefined) {
      delivery.state = "failed";
      delivery.nextAttemptAtMs = null;
    } else {
      delivery.nextAttemptAtMs = this.clock.nowMs() + nextDelay * 1000;
    }
  }
}
