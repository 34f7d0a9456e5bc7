# syntax=docker/dockerfile:1
# The docs site as a small, non-root web server:
#   docker build -t docker-learning .
#   docker run --rm -p 8080:8080 docker-learning      → http://localhost:8080/
# The image serves the site at / (no base path); GitHub Pages builds get theirs in deploy.yml.

# --- Build stage: the Node version .nvmrc and package.json pin, on Debian like CI. ---
FROM node:22.23-bookworm-slim AS build
WORKDIR /app
# Dependencies in their own layer: rebuilt only when package.json or the lock file change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
# No .git in the build context (.dockerignore): "Last updated" dates fall back to file times.
RUN npm run build

# --- Final stage: nginx only, no Node, no sources. ---
FROM nginxinc/nginx-unprivileged:1.30-alpine
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
