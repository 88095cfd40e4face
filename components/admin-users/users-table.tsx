import { LocalTime } from "@/components/app/local-time";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AdminUserRow } from "@/lib/users/admin-users";
import { ROLE_LABEL, ROLE_SOURCE_LABEL, SENDOSO_LABEL } from "./labels";
import { RoleForm } from "./role-form";
import { UserRowActions } from "./user-row-actions";

type Row = Omit<AdminUserRow, "lastSignInAt" | "suspendedAt" | "createdAt"> & {
  lastSignInAt: string;
  suspendedAt: string | null;
};

/** Everyone who has signed in, with where their role came from and what they can do to it. */
export function UsersTable({ rows, selfId, appRoles }: { rows: Row[]; selfId: string; appRoles: boolean }) {
  return (
    <Table aria-label="Users">
      <TableHead>
        <TableRow>
          <TableHeader>User</TableHeader>
          <TableHeader>Role</TableHeader>
          <TableHeader>Team</TableHeader>
          <TableHeader>Role source</TableHeader>
          <TableHeader>Last sign-in</TableHeader>
          <TableHeader>Sendoso</TableHeader>
          <TableHeader className="text-right">Sends this month</TableHeader>
          <TableHeader>Actions</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((u) => (
          <TableRow key={u.id} data-testid={`user-row-${u.email}`}>
            <TableCell>
              <span className="block font-medium">{u.name}</span>
              <span className="block text-ink-muted">{u.email}</span>
              {u.suspendedAt ? (
                <Badge tone="danger" className="mt-1">
                  Suspended
                </Badge>
              ) : null}
            </TableCell>
            <TableCell>
              {appRoles ? (
                <RoleForm userId={u.id} email={u.email} role={u.role} team={u.team} />
              ) : (
                ROLE_LABEL[u.role]
              )}
            </TableCell>
            <TableCell>
              {appRoles ? null : (u.team ?? <span className="text-ink-muted">none</span>)}
            </TableCell>
            <TableCell>{ROLE_SOURCE_LABEL[u.roleSource]}</TableCell>
            <TableCell>
              <LocalTime iso={u.lastSignInAt} />
            </TableCell>
            <TableCell>
              <Badge
                tone={
                  u.sendoso === "active" ? "success" : u.sendoso === "needs_reconnect" ? "warning" : "neutral"
                }
              >
                {SENDOSO_LABEL[u.sendoso]}
              </Badge>
            </TableCell>
            <TableCell className="text-right tabular-nums">{u.sendsThisPeriod}</TableCell>
            <TableCell>
              <UserRowActions
                userId={u.id}
                email={u.email}
                suspended={u.suspendedAt !== null}
                self={u.id === selfId}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
