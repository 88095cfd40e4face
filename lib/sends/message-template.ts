/**
 * Message variables reps can use: {first_name}, {last_name}, {company}. Resolved by Gift Desk before the
 * send (Sendoso's own "dynamic text" syntax is undocumented), so the preview is exactly what is sent.
 */
export const MESSAGE_VARIABLES = ["first_name", "last_name", "company"] as const;

export function splitName(fullName: string): { first: string; last: string } {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { first: "", last: "" };
  return { first: parts[0] ?? "", last: parts.length > 1 ? parts.slice(1).join(" ") : "" };
}

export function renderMessage(template: string, recipient: { name: string; company: string }): string {
  const { first, last } = splitName(recipient.name);
  const values: Record<(typeof MESSAGE_VARIABLES)[number], string> = {
    first_name: first,
    last_name: last,
    company: recipient.company.trim(),
  };
  return template.replace(
    /\{(first_name|last_name|company)\}/g,
    (_, key: keyof typeof values) => values[key],
  );
}
