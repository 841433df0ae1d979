# Ketenportaal: multi-stage build. The data directory (SQLite database) is a volume.
#   docker build -t ketenportaal .
#   docker run -p 3000:3000 -v ketenportaal-data:/data ketenportaal

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 compiles against Node's headers when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# patches/: applied by patch-package in postinstall (decision 125).
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM deps AS build
WORKDIR /app
COPY . .
# npm run build: the Remix build plus the compiled server (build/node), which start.mjs runs with plain node.
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    KP_SKIP_BUILD=1
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/server ./server
COPY --from=build /app/app ./app
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/content ./content
COPY --from=build /app/scripts ./scripts
RUN mkdir -p /data && chown -R node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "scripts/start.mjs"]
