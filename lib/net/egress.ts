import { EnvHttpProxyAgent, setGlobalDispatcher } from "undici";

/**
 * Outbound HTTP(S) through the corporate egress proxy: with HTTPS_PROXY / HTTP_PROXY set, every `fetch`
 * of the process (the Sendoso API and OAuth, the IdP's discovery, token and userinfo calls) goes through
 * it, except hosts in NO_PROXY (comma list; `.example.com` suffixes, `*`). Installed once at start
 * (lib/startup.ts) as undici's global dispatcher, which Node's built-in fetch shares. SMTP is not HTTP:
 * it connects directly (use an SMTP relay inside the network, docs/deploy.md).
 */
export type EgressConfig = { httpProxy?: string; httpsProxy?: string; noProxy?: string };

let installed = false;

/** Whether outbound HTTP goes through the egress proxy (then POSTs take fetch too, lib/sendoso/transport). */
export const egressProxyInstalled = () => installed;

export function installEgressProxy(egress: EgressConfig): boolean {
  if (!egress.httpProxy && !egress.httpsProxy) return false;
  installed = true;
  setGlobalDispatcher(
    new EnvHttpProxyAgent({
      // As curl reads them: HTTPS_PROXY for https:// URLs (HTTP_PROXY when it is unset), HTTP_PROXY for http://.
      httpProxy: egress.httpProxy ?? "",
      httpsProxy: egress.httpsProxy ?? egress.httpProxy ?? "",
      noProxy: egress.noProxy ?? "",
    }),
  );
  return true;
}
