# syntax=docker/dockerfile:1
# One image for the Node processes; docker-compose.yml picks the target and command per service.
#   app:     api and web (docker compose: api, web, migrate)
#   workers: adds Debian's PyTorch for the retraining job (ingest/score need only Node)

FROM node:20-bookworm-slim AS build
ENV NEXT_TELEMETRY_DISABLED=1 \
    ONNXRUNTIME_NODE_INSTALL=skip
WORKDIR /app
COPY . .
# npm ci also generates the Prisma client (root postinstall); then build what has a build step.
RUN npm ci --no-audit --no-fund \
 && npm run build --workspaces --if-present

FROM build AS app
ENV NODE_ENV=production
EXPOSE 4000 3000
CMD ["npm", "run", "start", "-w", "@twinspect/api"]

FROM build AS workers
ENV NODE_ENV=production
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      python3 python3-torch python3-torchvision python3-numpy python3-pil python3-onnx \
      python3-opencv python3-sklearn libopenblas0-pthread \
 && rm -rf /var/lib/apt/lists/*
CMD ["npm", "run", "start", "-w", "@twinspect/workers"]
