import { Alert } from "@/components/ui/alert";

/**
 * The `tz` field's error: the zone in the URL is not one the database knows, so the page read the dates
 * in the org's zone instead of failing. (`tz` is a hidden field the browser fills; the message says what
 * happened to the From/To days.)
 */
export function TimeZoneError({ errors }: { errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <Alert tone="warning" title="Unknown time zone" className="self-start">
      <p id="tz-error" data-testid="tz-error">
        {errors.join(" ")}
      </p>
    </Alert>
  );
}
