# Entente: build the server and the explorer client, then run them on a slim Node image.
# Used by docker-compose.yml (BACKEND=neo4j); works for BACKEND=embedded too (mount /app/data).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# As in .ci/run: the lockfile is installed exactly with npm ci; where the registry serves only
# this platform's builds of per-platform packages (Biome, LadybugDB), npm ci refuses the
# lockfile and npm install installs the same locked versions.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# LadybugDB's calls run on libuv's thread pool (4 threads by default): see docs/perf.md, Under load.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 UV_THREADPOOL_SIZE=16
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read at run time: the Cypher files (cypher-files.ts) and the seeds an empty database gets.
COPY --from=build /app/cypher ./cypher
COPY --from=build /app/seeds ./seeds
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
CMD ["node", "dist/server/main.js"]
