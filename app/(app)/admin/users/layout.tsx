import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/** The role check above any loading boundary, so non-admins get a real 404 status. The page checks again. */
export default async function AdminUsersLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  if (!can(user.role, "manage_users")) notFound();
  return children;
}
