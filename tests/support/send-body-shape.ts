import { isUnitedStates } from "@/lib/sendoso/request-body-known-address";
import type { SendGiftValues } from "@/lib/validation/send";

/**
 * The documented shapes of POST /api/v3/send (shared/sendoso-api.md §2.1–2.3), written out here
 * independently of lib/sendoso so the property tests compare the builders against the spec, not against
 * themselves. Each entry: key, JSON type (or the one constant the spec allows), and whether it may be
 * absent.
 */
type Rule = { key: string; type: "integer" | "string" | "boolean"; only?: unknown[]; optional?: true };

const S = (key: string, extra: Partial<Rule> = {}): Rule => ({ key, type: "string", ...extra });
const B = (key: string, only?: boolean[]): Rule => ({ key, type: "boolean", only });

export const DOCUMENTED_SHAPES: Record<SendGiftValues["sendType"], Rule[]> = {
  address_collection: [
    { key: "touch_id", type: "integer" },
    S("name"),
    S("email"),
    S("custom_message"),
    B("no_address", [true]),
    B("confirm_address", [true]),
    S("address_confirmation_via", { only: ["email", "link"] }),
    B("resume_with_unconfirmed_address"),
    { key: "expire_after_days", type: "integer", only: [2, 3, 4, 5, 6, 7] },
    B("hide_product_info"),
    S("address_confirmation_custom_message"),
    S("via", { only: ["single_person_or_company"] }),
    S("via_from"),
  ],
  known_address: [
    { key: "touch_id", type: "integer" },
    S("name"),
    S("email"),
    S("address"),
    S("city"),
    S("state"),
    S("zip"),
    S("country"),
    { key: "mobile_no", type: "integer", optional: true },
    S("custom_message"),
    B("confirm_address", [false]),
    S("via", { only: ["single_person_or_company"] }),
    S("via_from"),
  ],
  egift: [
    { key: "touch_id", type: "integer" },
    S("name", { optional: true }),
    S("email"),
    S("custom_message"),
    S("via", { only: ["single_email_address"] }),
    S("via_from"),
  ],
};

function jsonTypeOk(value: unknown, type: Rule["type"]): boolean {
  if (type === "integer") return Number.isSafeInteger(value);
  return typeof value === type;
}

/**
 * Every way `body` departs from its variant's documented shape (empty: it conforms). Checks the exact
 * key order too, and that the body survives JSON unchanged (no undefined, NaN or class instances).
 */
export function shapeProblems(sendType: SendGiftValues["sendType"], body: unknown): string[] {
  const problems: string[] = [];
  if (JSON.stringify(JSON.parse(JSON.stringify(body))) !== JSON.stringify(body))
    problems.push("not plain JSON");
  const outer = body as { send?: Record<string, unknown> };
  if (!outer || Object.keys(outer).join() !== "send" || typeof outer.send !== "object")
    return [...problems, `top level must be {send}, got ${Object.keys(outer ?? {})}`];
  const send = outer.send;
  const rules = DOCUMENTED_SHAPES[sendType];
  const expectedOrder = rules.filter((r) => !r.optional || r.key in send).map((r) => r.key);
  if (Object.keys(send).join() !== expectedOrder.join())
    problems.push(`keys ${Object.keys(send).join()} ≠ documented ${expectedOrder.join()}`);
  for (const rule of rules) {
    if (!(rule.key in send)) continue;
    const value = send[rule.key];
    if (!jsonTypeOk(value, rule.type)) problems.push(`${rule.key} is not a JSON ${rule.type}`);
    if (rule.only && !rule.only.includes(value)) problems.push(`${rule.key}=${String(value)} not allowed`);
  }
  // "A request without it will fail for any non-US address" (§2.2).
  if (sendType === "known_address" && !("mobile_no" in send) && !isUnitedStates(String(send.country)))
    problems.push("mobile_no missing outside the US");
  return problems;
}
