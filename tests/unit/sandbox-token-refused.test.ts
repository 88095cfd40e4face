import { afterEach, describe, expect, it } from "vitest";
import { configFrom } from "@/lib/env";
import { getSendosoClient, listActiveTouches, SandboxTokenRefusedError } from "@/lib/sendoso";
import { globalForSendoso } from "@/lib/sendoso/wiring";

const holder = globalThis as unknown as { giftDeskConfig?: ReturnType<typeof configFrom> };

/** Issue 16 item 3: the simulator's static token must never be used against a real Sendoso. */
describe("the sandbox-token client", () => {
  afterEach(() => {
    holder.giftDeskConfig = undefined;
    globalForSendoso.giftDeskSendoso = undefined;
  });

  it("is refused once a real Sendoso client is configured, before any call", async () => {
    holder.giftDeskConfig = configFrom({
      SENDOSO_CLIENT_ID: "real-client",
      SENDOSO_CLIENT_SECRET: "real-secret",
      GIFT_DESK_DATA_DIR: "/tmp/giftdesk-unit",
    });
    expect(() => getSendosoClient()).toThrow(SandboxTokenRefusedError);
    await expect(listActiveTouches()).rejects.toBeInstanceOf(SandboxTokenRefusedError);
  });

  it("still works with the bundled simulator", () => {
    holder.giftDeskConfig = configFrom({ GIFT_DESK_DATA_DIR: "/tmp/giftdesk-unit" });
    expect(typeof getSendosoClient().listTouches).toBe("function");
  });
});
