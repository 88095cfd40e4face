import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requestBodyFor } from "@/lib/sends/request-for";
import {
  addressCollectionSchema,
  egiftSchema,
  knownAddressSchema,
  sendGiftSchema,
} from "@/lib/validation/send";
import { validSendInput } from "../support/send-arbitraries";
import { shapeProblems } from "../support/send-body-shape";

/**
 * The send action is a public POST endpoint: whatever arrives must come back as field errors or go on to
 * the domain call, never as an exception (a 500). This replays exactly what defineAction
 * (lib/auth/action.ts) does between the session check and the handler, and what the handler's first
 * step does with a successful parse (build the upstream body).
 */
function actionParse(input: unknown) {
  const parsed = sendGiftSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false as const, fieldErrors: z.flattenError(parsed.error).fieldErrors, error: parsed.error };
  return { ok: true as const, values: parsed.data, body: requestBodyFor(parsed.data, "Gift Desk") };
}

const KNOWN_FIELDS = new Set(
  [addressCollectionSchema, knownAddressSchema, egiftSchema].flatMap((s) => Object.keys(s.shape)),
);

/** Values a client (or an attacker's script) could put in any field: React's action encoding allows more than JSON. */
const anyValue = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "x".repeat(5_000),
    "true",
    "on",
    "1e21",
    "-1",
    "NaN",
    "0x10",
    "{first_name}",
  ),
  fc.double(),
);

/** A valid form with fields dropped, replaced or added: the near misses the server really gets. */
const mutatedForm = fc
  .tuple(
    validSendInput,
    fc.array(
      fc.tuple(
        fc.constantFrom("delete", "set", "add"),
        fc.constantFrom(...KNOWN_FIELDS, "sendType"),
        anyValue,
        fc.string(),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([form, ops]) => {
    const out: Record<string, unknown> = { ...form };
    for (const [op, key, value, extraKey] of ops) {
      if (op === "delete") delete out[key];
      else if (op === "set") out[key] = value;
      else out[`x_${extraKey}`] = value;
    }
    return out;
  });

/** Weighted to near misses and valid forms, where bugs hide; arbitrary JSON and objects for the rest. */
const payload = fc.oneof(
  { arbitrary: fc.jsonValue(), weight: 1 },
  { arbitrary: fc.object({ values: [anyValue] }), weight: 1 },
  { arbitrary: fc.dictionary(fc.constantFrom(...KNOWN_FIELDS), anyValue), weight: 2 },
  { arbitrary: mutatedForm, weight: 4 },
  { arbitrary: validSendInput, weight: 2 },
);

describe("random payloads through the send action's parse", () => {
  it("only ever yield field errors on known fields, or a body in its documented shape", () => {
    const seen = { ok: 0, fieldErrors: 0, formOnly: 0 };
    fc.assert(
      fc.property(payload, (input) => {
        const result = actionParse(input);
        if (result.ok) {
          seen.ok++;
          expect(shapeProblems(result.values.sendType, result.body)).toEqual([]);
          return;
        }
        const keys = Object.keys(result.fieldErrors);
        for (const key of keys) expect(KNOWN_FIELDS.has(key), `unknown field ${key}`).toBe(true);
        for (const messages of Object.values(result.fieldErrors))
          expect((messages as string[]).every((m) => typeof m === "string" && m.length > 0)).toBe(true);
        if (keys.length > 0) {
          seen.fieldErrors++;
          return;
        }
        // No field to point at: only a payload that is not an object at all (no sendType to read).
        seen.formOnly++;
        expect(typeof input !== "object" || input === null || Array.isArray(input)).toBe(true);
        expect(z.flattenError(result.error).formErrors).toEqual(["Choose how the gift is delivered"]);
      }),
      { numRuns: 10_000 },
    );
    // The generators must reach both sides, or the property says little.
    expect(seen.ok).toBeGreaterThan(1_500);
    expect(seen.fieldErrors).toBeGreaterThan(3_000);
    // 10,000 runs take ~3 s alone, several times that beside other test files on a small machine.
  }, 120_000);
});
