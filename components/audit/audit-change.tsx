/** One value of a before/after record as a person reads it. */
function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

type Record_ = Record<string, unknown> | null;

/**
 * Before and after, field by field: "role: rep → manager" where a field changed, "reason: …" where the
 * entry only has one side. React escapes every value (user-typed reasons included).
 */
export function AuditChange({ before, after }: { before: Record_; after: Record_ }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span className="text-ink-muted">—</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
      {keys.map((key) => {
        const hasBefore = before !== null && key in before;
        const hasAfter = after !== null && key in after;
        return (
          <div key={key} className="contents">
            <dt className="font-medium text-ink-muted">{key}</dt>
            <dd className="[overflow-wrap:anywhere]">
              {hasBefore && hasAfter ? (
                <>
                  <del className="text-ink-muted">{show(before?.[key])}</del>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only"> changed to </span>
                  <ins className="no-underline">{show(after?.[key])}</ins>
                </>
              ) : hasBefore ? (
                <>
                  <span className="sr-only">was </span>
                  <del className="text-ink-muted">{show(before?.[key])}</del>
                </>
              ) : (
                show(after?.[key])
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
