# Node 24, the current LTS (Node 20 left maintenance in April 2026). The test suite runs on Node 20 (the only
# version on the development machines); this image was not built there (no Docker engine): README, "Node versions".
FROM node:24-bookworm-slim
# Debian's Chromium serves the sources that need a browser (crawler: playwright).
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
ENV NODE_ENV=production
# A heap budget: without one, V8 on a large host lets a long-running worker's heap grow lazily by hundreds of
# megabytes of garbage before collecting it; with one, a worker stays at about 350 MB (BENCHMARKS.md).
ENV NODE_OPTIONS="--max-old-space-size=512 --max-semi-space-size=32"
ENTRYPOINT ["node", "bin/harvest.js"]
