import fc from "fast-check";

/** Field names the app's forms and actions use, so random objects often reach deeper checks. */
export const FIELDS = [
  "sendType",
  "idempotencyKey",
  "touchId",
  "recipientEmail",
  "recipientName",
  "customMessage",
  "scope",
  "team",
  "userId",
  "period",
  "amount",
  "threshold",
  "sendId",
  "reason",
  "budgetAmount",
  "dailyCapPerRep",
  "ids",
  "id",
  "confirmRepeatRecipient",
  "overBudgetNeedsApproval",
  "address",
  "country",
  "description",
  "tags",
  "shipTo",
  "displayPrice",
  "image",
  "role",
  "returnTo",
  "batchId",
  "rowId",
  "action",
  "body",
  "name",
  "purpose",
  "connectionId",
];

/** Values a browser or an attacker could send: JSON of any shape, near-miss strings, and `known` ids. */
export const fuzzValue = (known: readonly string[] = []) =>
  fc.oneof(
    fc.anything(),
    fc.string(),
    fc.uuid(),
    fc.constantFrom(
      "",
      " ",
      "NaN",
      "-1",
      "1e400",
      "0.001",
      "2024-02-31",
      "true",
      "on",
      "<script>",
      "__proto__",
      "admin",
      "/admin",
      "//evil.example",
      ...known,
    ),
    fc.double(),
    fc.array(fc.oneof(fc.string(), ...(known.length > 0 ? [fc.constantFrom(...known)] : [])), {
      maxLength: 3,
    }),
  );

/** Any input: anything at all, or an object with the app's field names and fuzzed values. */
export const fuzzInput = (known: readonly string[] = []) =>
  fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...FIELDS), fuzzValue(known), { maxKeys: 10 }));
