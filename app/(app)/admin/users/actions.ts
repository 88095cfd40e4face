"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import {
  assignRole,
  restoreUser,
  signOutEverywhere,
  suspendUser,
  type UserChange,
} from "@/lib/auth/user-admin";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { assignRoleSchema, userIdSchema } from "@/lib/validation/admin-users";

const FAILED = "Gift Desk could not change this user. Nothing was changed; try again in a minute.";
const options = { permission: "manage_users", sameOriginOnly: true, failureMessage: FAILED } as const;

/** What the row needs back: done, or a sentence saying why not. Never the user row itself. */
export type UserActionOutcome = { status: "done" } | { status: "refused"; message: string };

function settled(result: UserChange): UserActionOutcome {
  if (result.status === "done") {
    revalidatePath("/admin/users");
    return { status: "done" };
  }
  return {
    status: "refused",
    message: result.status === "not_found" ? "That user no longer exists." : result.reason,
  };
}

const actor = (user: User) => ({ id: user.id, email: user.email });

export const suspendUserAction = defineAction(
  { schema: userIdSchema, ...options },
  async (user, { userId }) => settled(await suspendUser(await getDb(), actor(user), userId)),
);

export const restoreUserAction = defineAction(
  { schema: userIdSchema, ...options },
  async (user, { userId }) => settled(await restoreUser(await getDb(), actor(user), userId)),
);

export const signOutEverywhereAction = defineAction(
  { schema: userIdSchema, ...options },
  async (user, { userId }) => settled(await signOutEverywhere(await getDb(), actor(user), userId)),
);

/** Only with AUTH_ROLE_SOURCE=app: with the IdP as the source, the next sign-in would undo it. */
export const assignRoleAction = defineAction(
  { schema: assignRoleSchema, ...options },
  async (user, values) => {
    if (getConfig().auth.roleSource !== "app") {
      return {
        status: "refused",
        message: "Roles come from your IdP's groups here (AUTH_ROLE_SOURCE=idp).",
      } as const;
    }
    return settled(await assignRole(await getDb(), actor(user), values.userId, values));
  },
);
