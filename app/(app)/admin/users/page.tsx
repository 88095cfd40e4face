import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UserFiltersForm } from "@/components/admin-users/user-filters-form";
import { UsersTable } from "@/components/admin-users/users-table";
import { ExportCsvButton } from "@/components/filters/export-csv-button";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { listUsersForAdmin } from "@/lib/users/admin-users";
import { parseUserFilters, userFiltersQuery } from "@/lib/validation/admin-users";

export const metadata: Metadata = { title: "Users" };

const LIMIT = 200;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who has access, where each role came from, and the levers to cut someone off now. */
export default async function AdminUsersPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "manage_users")) notFound();
  const filters = parseUserFilters(await searchParams);
  const rows = await listUsersForAdmin(await getDb(), user, filters, { limit: LIMIT });
  const appRoles = getConfig().auth.roleSource === "app";
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Users</h1>
          <p className="text-ink-muted">
            {appRoles
              ? "Roles and teams are set here (AUTH_ROLE_SOURCE=app) and apply from the user's next click."
              : "Roles and teams come from your IdP's groups at every sign-in. Suspend or sign out takes effect at the user's next click."}
          </p>
        </div>
        <ExportCsvButton action={`/api/admin/users/export${userFiltersQuery(filters)}`} />
      </div>
      <UserFiltersForm values={filters} />
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No user matches these filters" : "Nobody has signed in yet"}
          body={filtered ? "Clear a filter to see more." : "Users appear here after their first sign-in."}
        />
      ) : (
        <>
          <UsersTable
            rows={rows.map((r) => ({
              ...r,
              lastSignInAt: r.lastSignInAt.toISOString(),
              suspendedAt: r.suspendedAt?.toISOString() ?? null,
            }))}
            selfId={user.id}
            appRoles={appRoles}
          />
          {rows.length === LIMIT ? (
            <Alert tone="info" title={`Showing the first ${LIMIT} users by email`}>
              Search or filter to narrow the list; the CSV export has everyone who matches.
            </Alert>
          ) : null}
        </>
      )}
    </div>
  );
}
