# syntax=docker/dockerfile:1
# gigops runs its TypeScript sources directly (Node 24 erases types), so the
# build stage only resolves dependencies; the runtime stage has production ones.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000 \
    NODE_COMPILE_CACHE=/app/.node-compile-cache
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json manifest.yml ./
COPY bin ./bin
COPY src ./src
# Fill the compile cache (bin/gigops.js) with every module a command can load,
# so even a fresh container's first start skips type stripping.
RUN node bin/gigops.js help >/dev/null \
 && node --input-type=module -e "for (const m of ['main', 'cli-gigs', 'doctor/index', \
      'store/sqlite/index', 'store/postgres/index', 'clients/notion']) await import('./src/' + m + '.ts')" \
 && mkdir -p /data && chown -R node:node /data /app/.node-compile-cache
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# As `npm start` (package.json): a 16 MiB young generation, see docs/performance.md → Memory.
CMD ["node", "--max-semi-space-size=8", "bin/gigops.js", "start"]
