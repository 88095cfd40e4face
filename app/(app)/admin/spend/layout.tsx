import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/**
 * The role check lives here, above the segment's loading boundary, so anyone else gets a real 404
 * status (a page inside the boundary would already be streaming with 200). The page checks again.
 */
export default async function SpendLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  if (!can(user.role, "manage_spend")) notFound();
  return children;
}
