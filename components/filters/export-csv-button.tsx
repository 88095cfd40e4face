import { buttonClasses } from "@/components/ui/button";

/**
 * Exports are POSTs (issue 16 item 7): a download that writes an audit entry must not be triggerable by
 * a link, an <img> or a prefetch. The filters ride in the action URL's query string; the route checks
 * the Origin. Without JavaScript too: the browser posts the form and saves the CSV it gets back.
 */
export function ExportCsvButton({ action }: { action: string }) {
  return (
    <form method="post" action={action}>
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Export CSV
      </button>
    </form>
  );
}
