/** A YYYY-MM-DD calendar day as the viewer writes it ("Nov 2" / "2. Nov."): the day itself, no zone shift. */
export function formatDay(day: string, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
