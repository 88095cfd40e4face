# syntax=docker/dockerfile:1.7
# Gift Desk container image: npm ci → next build (output: standalone) → a slim Node 22 LTS runtime that
# runs as a non-root user and holds only the traced files (server.js, the migrations, db-migrate.mjs).
#   docker build -t gift-desk .
#   docker run --env-file .env gift-desk node scripts/db-migrate.mjs   # migrations, as their own step
#   docker run --env-file .env -e GIFT_DESK_MIGRATE_ON_START=0 -p 3000:3000 gift-desk
# See docs/deploy.md.

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN node_modules/.bin/next build \
 && cp -r .next/static .next/standalone/.next/static \
 && if [ -d public ]; then cp -r public .next/standalone/public; fi

# The bundled dev IdP, Sendoso simulator and SMTP sink, for compose's `demo` profile only (dev tools).
FROM build AS sandbox
CMD ["node_modules/.bin/tsx", "sandbox/sendoso/main.ts"]

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    GIFT_DESK_DATA_DIR=/data
WORKDIR /app
# Files stay root-owned (read-only to the app); only /data (generated dev secrets, PGlite) is writable.
RUN groupadd --system --gid 10001 giftdesk \
 && useradd --system --uid 10001 --gid giftdesk --home-dir /nonexistent --shell /usr/sbin/nologin giftdesk \
 && mkdir -p /data && chown giftdesk:giftdesk /data
COPY --from=build /src/.next/standalone ./
USER giftdesk
EXPOSE 3000
# Liveness only (no database): a database outage must not get healthy instances restarted.
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
