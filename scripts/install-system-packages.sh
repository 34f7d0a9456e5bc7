#!/usr/bin/env bash
# Installs the Debian packages the tests use, only those missing: chromium (browser tests, PDF,
# accessibility audits), nginx and its brotli module (the serving tests), docker.io and debootstrap
# (the Docker image test builds local base images and the real image; the lesson sandbox builds its
# Debian unstable root with it, and enters its namespaces with util-linux's unshare and nsenter).
# Nothing downloads a browser of its own. Installing nginx or docker.io starts no service the tests rely on: they start their own.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || missing+=(libnginx-mod-http-brotli-filter)
[ -x /usr/sbin/dockerd ] || missing+=(docker.io)
[ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
command -v nsenter >/dev/null && command -v unshare >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages present: chromium, nginx with brotli, docker.io, debootstrap."
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Missing ${missing[*]}: install them with your package manager (the tests expect /usr/bin/chromium and /usr/sbin/nginx; without a Docker engine the image test is skipped)." >&2
  exit 1
fi
sudo=''
[ "$(id -u)" -eq 0 ] || sudo='sudo'
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
