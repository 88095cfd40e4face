// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // `.next/standalone`: server.js plus only the traced node_modules, what the container image runs.
  output: "standalone",
  // Read at run time by path, so the tracer cannot see them: the migrations (checked or applied at start)
  // and `npm run db:migrate` with the drizzle files it loads (the image runs it as its own step).
  outputFileTracingIncludes: {
    "/api/ready": [
      "./lib/db/migrations/**/*",
      "./scripts/db-migrate.mjs",
      // Its ESM files only (2 MB of 17): the .cjs, maps and typings are not needed to run it.
      "./node_modules/drizzle-orm/**/*.js",
      "./node_modules/drizzle-orm/package.json",
    ],
  },
  // PGlite loads its WASM and data files by path; bundling it breaks those paths at runtime.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Touch pictures (up to 1 MB, /admin/touches) are uploaded through a server action; the default 1 MB
  // body limit would refuse a picture right at the limit, before our own check can say why.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  // Headers every response carries, static files included; the CSP with its nonce comes from proxy.ts.
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(production
            ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]
            : []),
        ],
      },
    ];
  },
};

module.exports = nextConfig;
