"use client";

import {
  restoreUserAction,
  signOutEverywhereAction,
  suspendUserAction,
} from "@/app/(app)/admin/users/actions";
import { ConfirmUserAction } from "./confirm-user-action";

/** Suspend or restore, and sign out everywhere, for one user (never suspend yourself). */
export function UserRowActions({
  userId,
  email,
  suspended,
  self,
}: {
  userId: string;
  email: string;
  suspended: boolean;
  self: boolean;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmUserAction
        label="Sign out everywhere"
        who={email}
        title={`Sign ${email} out everywhere?`}
        description="Every Gift Desk session of this user ends at their next click. They can sign in again."
        confirmLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        done={`${email} is signed out everywhere.`}
        run={() => signOutEverywhereAction({ userId })}
      />
      {suspended ? (
        <ConfirmUserAction
          label="Restore"
          who={email}
          title={`Restore ${email}?`}
          description="They can sign in again. Sessions ended by the suspension stay ended."
          confirmLabel="Restore access"
          pendingLabel="Restoring…"
          done={`${email} can sign in again.`}
          variant="primary"
          run={() => restoreUserAction({ userId })}
        />
      ) : self ? null : (
        <ConfirmUserAction
          label="Suspend"
          who={email}
          title={`Suspend ${email}?`}
          description="Their sessions end at their next click and sign-in is refused until an admin restores them. Nothing they sent is changed."
          confirmLabel="Suspend"
          pendingLabel="Suspending…"
          done={`${email} is suspended.`}
          run={() => suspendUserAction({ userId })}
        />
      )}
    </div>
  );
}
