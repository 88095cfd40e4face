import { randomBytes } from "node:crypto";
import type { TouchFixture } from "./fixtures/touches";
import { decimalString, fullName, type SendosoUser, type TeamGroup } from "./fixtures/users";
import { currentStatus, refresh, type Timeline } from "./status-machine";
import type { SendKind, ValidSend } from "./validation";

export interface SendRecord {
  id: number;
  gidNumber: number;
  sendGid: string;
  trackingCode: string;
  kind: SendKind;
  touch: TouchFixture;
  recipient: { name: string | null; email: string; company_name: string | null };
  sender: SendosoUser;
  clientId: string;
  createdAtMs: number;
  viaFrom: string;
  /** Made outside the API (seeded: the web app, a CRM trigger): its own `sent_via`. Absent for API sends. */
  sentVia?: string | null;
  input: ValidSend;
  timeline: Timeline;
}

/** Unpadded URL-safe base64 of a Rails GlobalID, e.g. "Z2lkOi8vc2VuZG9zby9TZW5kLzQ0" for 44. */
export function encodeSendGid(n: number): string {
  return Buffer.from(`gid://sendoso/Send/${n}`, "utf8").toString("base64url");
}

export class SendStore {
  private sends: SendRecord[] = [];
  private nextId = 1;
  /** Numbers inside send_gid advance on their own so clients never assume gid == id. */
  private nextGid = 44;

  create(input: Omit<SendRecord, "id" | "gidNumber" | "sendGid" | "trackingCode">): SendRecord {
    const id = this.nextId++;
    const gidNumber = this.nextGid;
    this.nextGid += 1 + (id % 3);
    const record: SendRecord = {
      ...input,
      id,
      gidNumber,
      sendGid: encodeSendGid(gidNumber),
      trackingCode: randomBytes(20).toString("hex"),
    };
    this.sends.push(record);
    return record;
  }

  /** All sends, newest first, with their status timelines brought up to `nowMs`. */
  list(nowMs: number): SendRecord[] {
    for (const send of this.sends) refresh(send.timeline, nowMs);
    return [...this.sends].sort((a, b) => b.createdAtMs - a.createdAtMs || b.id - a.id);
  }

  findByTrackingCode(code: string, nowMs: number): SendRecord | undefined {
    const send = this.sends.find((s) => s.trackingCode === code);
    if (send) refresh(send.timeline, nowMs);
    return send;
  }

  clear(): void {
    this.sends = [];
  }
}

/** `sent_via` as the list shows it: a seeded send's own, else per the `apiSentVia` switch. */
function sentViaOf(send: SendRecord, apiSentVia: string): string | null {
  if (send.sentVia !== undefined) return send.sentVia;
  return apiSentVia === "via_from" ? send.viaFrom : apiSentVia;
}

/** GET /api/v3/send item (contract §5.1). */
export function toSendItem(
  send: SendRecord,
  groups: readonly TeamGroup[],
  includeTrackingCode: boolean,
  apiSentVia = "via_from",
) {
  const group = groups.find((g) => g.id === send.sender.team_group_id);
  return {
    id: send.id,
    send_gid: send.sendGid,
    type: send.touch.sendType,
    subtype: send.touch.subtype,
    currency: send.touch.touch.currency,
    current_total_cost: decimalString(send.touch.cost),
    status: currentStatus(send.timeline),
    created_at: new Date(send.createdAtMs).toISOString(),
    touch: { id: send.touch.touch.id, name: send.touch.touch.name },
    recipient: send.recipient,
    sender: {
      id: send.sender.id,
      name: fullName(send.sender),
      email: send.sender.email,
      team_id: group?.id ?? null,
      team_name: group?.name ?? null,
    },
    sent_via: sentViaOf(send, apiSentVia),
    status_updates: send.timeline.updates.map((u) => ({
      status: u.status,
      occurred_at: new Date(u.atMs).toISOString(),
    })),
    ...(includeTrackingCode ? { tracking_code: send.trackingCode } : {}),
  };
}
