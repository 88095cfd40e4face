/**
 * Security headers. The CSP allows no inline script without the per-request nonce (Next adds it to its
 * own scripts when it finds the policy on the request); styles may be inline because Radix positions
 * popovers with style attributes.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { development: boolean; identityProviderOrigin: string },
): string {
  const scriptSrc = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`];
  // React's dev build evaluates source maps and hot updates.
  if (options.development) scriptSrc.push(`'unsafe-eval'`);
  return [
    `default-src 'self'`,
    `script-src ${scriptSrc.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    // Sign-in posts to our action, which redirects to the IdP: form-action also governs that redirect.
    `form-action 'self' ${options.identityProviderOrigin}`,
    `frame-ancestors 'none'`,
  ].join("; ");
}
