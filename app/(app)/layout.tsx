import { type ReactNode, Suspense } from "react";
import { AppHeader } from "@/components/app/app-header";
import { LocaleProvider } from "@/components/app/locale-provider";
import { QueryProvider } from "@/components/app/query-provider";
import { SendosoConnectNotice } from "@/components/app/sendoso-connect-notice";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { countPendingBatches } from "@/lib/bulk/batch-approvers";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { getViewerLocale } from "@/lib/i18n/viewer-locale";
import { unreadCount } from "@/lib/notifications/inbox";
import { countPendingApprovals } from "@/lib/sends/approval-queue";
import { connectSendoso } from "./settings/actions";

/** Every page inside requires a signed-in user; each page still checks what that user may see. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const { auth, sendoso } = getConfig();
  const db = await getDb();
  const [unread, pendingApprovals] = await Promise.all([
    unreadCount(db, user.id),
    // The header's "Approvals" badge; a failed count only hides the number, never the page.
    can(user.role, "approve_sends")
      ? Promise.all([countPendingApprovals(db, user), countPendingBatches(db, user)])
          .then(([sends, batches]) => sends + batches)
          .catch(() => null)
      : null,
  ]);
  // Money renders in the viewer's locale on the server and, through this, the same after hydration.
  return (
    <LocaleProvider locale={await getViewerLocale()}>
      {/* Live data (unread count, Sendoso status, touches) is only needed signed in: /signin goes without. */}
      <QueryProvider>
        <div className="flex min-h-screen flex-col">
          <AppHeader
            user={user}
            connectSendoso={connectSendoso}
            sandbox={auth.sandbox || sendoso.sandbox}
            unreadNotifications={unread}
            pendingApprovals={pendingApprovals}
          />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
          <Suspense fallback={null}>
            <SendosoConnectNotice />
          </Suspense>
        </div>
      </QueryProvider>
    </LocaleProvider>
  );
}
