# syntax=docker/dockerfile:1
# Build: bundle the server with esbuild (a dev dependency; scripts/build.ts) and compile the dataset it checks
# (dist/dataset.compiled.json), then ship only production dependencies, the bundle and the data: dist/src/server.js
# turns on Node 24's compile cache and loads dist/src/server.bundle.js, which reads the compiled dataset when data/
# is byte for byte what the build checked (the root file system is read-only in deploy/, so it is made here).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build.ts ./scripts/build.ts
COPY schemas ./schemas
COPY src ./src
COPY data ./data
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_LEVEL=info
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY data ./data
COPY openapi.yaml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/server.js"]
