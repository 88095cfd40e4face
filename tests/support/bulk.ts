import { createDraftBatch } from "@/lib/bulk/create-draft";
import { autoMap } from "@/lib/bulk/fields";
import type { BulkWorkerDeps } from "@/lib/bulk/worker";
import type { Db } from "@/lib/db/client";
import type { BulkSettings, User } from "@/lib/db/schema";
import type { SendosoClient } from "@/lib/sendoso/client";
import type { SendDeps } from "@/lib/sends/send-service";
import { sendDeps } from "./send-deps";

export const bulkSettings = (overrides: Partial<BulkSettings> = {}): BulkSettings => ({
  touchId: 1001,
  sendType: "address_collection",
  messageTemplate: "Thanks {first_name}!",
  options: {},
  confirmRepeatRecipients: false,
  ...overrides,
});

let files = 0;

/** A draft batch of `count` rows for distinct recipients `<tag>.<n>@example.com`, as an upload makes it. */
export async function draftBatch(
  db: Db,
  rep: User,
  count: number,
  options: { tag?: string; settings?: Partial<BulkSettings>; extraRows?: string[][] } = {},
): Promise<string> {
  const tag = options.tag ?? `bulk${Date.now()}.${files++}`;
  const headers = ["first_name", "last_name", "email", "company"];
  const rows = [
    ...Array.from({ length: count }, (_, i) => [
      `Person${i + 1}`,
      "Test",
      `${tag}.${i + 1}@example.com`,
      "Acme",
    ]),
    ...(options.extraRows ?? []),
  ];
  return createDraftBatch(db, rep, {
    fileName: `${tag}.csv`,
    sheet: { headers, rows },
    mapping: autoMap(headers),
    settings: bulkSettings(options.settings),
  });
}

/** The worker on a test client: the rep sends as themselves through `sendoso`. */
export function bulkWorkerDeps(
  db: Db,
  rep: User,
  sendoso: SendosoClient,
  overrides: Partial<BulkWorkerDeps> & { send?: Partial<SendDeps> } = {},
): BulkWorkerDeps {
  const { send, ...rest } = overrides;
  return {
    db,
    openSender: async () => ({ deps: sendDeps(db, sendoso, { settleWaitMs: 500, ...send }), sender: rep }),
    concurrency: 10,
    leaseMs: 30_000,
    ...rest,
  };
}
