"use client";

/** A timestamp in the viewer's own time zone (the server renders UTC; the browser corrects it). */
export function LocalTime({ iso }: { iso: string }) {
  const text = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
