# The docs site as a small, non-root web server:
#   docker build -t docker-learning .
#   docker run --rm -p 8080:8080 docker-learning      → http://localhost:8080/
# The image serves the site at / (no base path); GitHub Pages builds get theirs in deploy.yml.
#
# The two base images are build arguments, so a registry mirror or local copies can stand in:
#   docker build --build-arg NODE_IMAGE=mirror.example/library/node:24.21-bookworm-slim \
#                --build-arg NGINX_IMAGE=mirror.example/nginxinc/nginx-unprivileged:1.30-alpine .
# Their defaults name the two stages just below instead of the images themselves: Dependabot only
# updates images written in a FROM line. BuildKit never builds a stage nothing uses, so an
# overridden default is not pulled. (No "# syntax=" line either: it would pull the Dockerfile
# frontend from Docker Hub first, which a mirror-only or offline builder cannot do.)
ARG NODE_IMAGE=default-node
ARG NGINX_IMAGE=default-nginx

FROM node:24.21-bookworm-slim AS default-node
FROM nginxinc/nginx-unprivileged:1.30-alpine AS default-nginx

# --- Build stage: the Node version .nvmrc and package.json pin, on Debian like CI. ---
FROM ${NODE_IMAGE} AS build
# Chromium prints the quick reference to PDF after the build: Debian's package, as in CI, with
# the fonts the print stylesheet falls back on. Its own layer, so source edits do not repeat it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies in their own layer: rebuilt only when package.json or the lock file change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
# No .git in the build context (.dockerignore): "Last updated" dates fall back to file times.
# `npm run pdf` fails (and so does the build) when the PDF cannot be made or linked: the image
# never ships a quick reference that promises a download it does not have.
RUN npm run build && npm run pdf

# --- Final stage: nginx only, no Node, no sources. ---
FROM ${NGINX_IMAGE}
# The base image's sample page and server block would sit next to ours; our nginx.conf is complete.
USER root
RUN rm -rf /usr/share/nginx/html/* /etc/nginx/conf.d/default.conf
COPY nginx.conf /etc/nginx/nginx.conf
COPY --from=build /app/dist /usr/share/nginx/html
# The base image's unprivileged user (uid 101). Numeric, so runAsNonRoot policies can verify it.
USER 101
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD wget -q --spider http://127.0.0.1:8080/ || exit 1
