import Link from "next/link";
import { focusRing } from "@/components/ui/styles";

/**
 * The header for pages drawn when the app's own layout could not load (root error, global error, an
 * unknown URL): the brand and the main links, but nothing that needs the database or the session.
 */
export function StaticHeader() {
  const link = `rounded-control px-3 py-2 text-sm font-medium text-ink-muted hover:bg-surface-muted hover:text-ink ${focusRing}`;
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3 sm:px-6">
        <Link href="/send" className={`rounded-control text-lg font-semibold text-brand-700 ${focusRing}`}>
          Gift Desk
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          <Link href="/send" className={link}>
            Send
          </Link>
          <Link href="/history" className={link}>
            History
          </Link>
          <Link href="/settings" className={link}>
            Settings
          </Link>
        </nav>
      </div>
    </header>
  );
}

/** A page body under the static header, with the same main landmark and width as the app's. */
export function StaticPage({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <StaticHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
