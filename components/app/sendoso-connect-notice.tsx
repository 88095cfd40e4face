"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { CONNECT_OUTCOMES } from "@/components/settings/connect-outcomes";
import { toast } from "@/components/ui/toast";

/**
 * After a Sendoso connect flow started on some page, the callback brings the rep back there with
 * `?sendoso=<outcome>`: say how it went (Settings has its own banner), then drop the parameter so a
 * reload or a shared link does not say it again.
 */
export function SendosoConnectNotice() {
  const pathname = usePathname();
  const params = useSearchParams();
  const outcome = params.get("sendoso");
  useEffect(() => {
    const known = outcome ? CONNECT_OUTCOMES[outcome] : undefined;
    if (!known || pathname === "/settings") return;
    const show = { success: toast.success, warning: toast.warning, danger: toast.error }[known.tone];
    show(known.text, { id: `sendoso-${outcome}` });
    const rest = new URLSearchParams(params);
    rest.delete("sendoso");
    // Next keeps its router in step with history.replaceState, and nothing is fetched again.
    window.history.replaceState(null, "", `${pathname}${rest.size ? `?${rest}` : ""}`);
  }, [outcome, pathname, params]);
  return null;
}
