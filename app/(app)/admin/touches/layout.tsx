import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/** Admins only, checked above the loading boundary so anyone else gets a real 404 (the page checks again). */
export default async function TouchesLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  if (!can(user.role, "manage_touch_cards")) notFound();
  return children;
}
