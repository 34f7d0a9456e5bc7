import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/core/env.ts';
import { runCommand, type Docker } from './docker.ts';

/**
 * Local stand-ins for the Dockerfile's two base images, for machines that reach Debian's and npm's
 * package registries but no image registry. Each is built only when its recipe changed: a label on
 * the image records the recipe's hash, so later runs reuse it (and the build cache behind it).
 *
 * What they share with the real images is what our Dockerfile relies on:
 * - node: Node 24 (the project's own pinned binary, from the npm `node` package) and the npm that
 *   Node release bundles, in /usr/local/bin, on Debian bookworm with apt (the build stage installs
 *   Chromium with it);
 * - nginx: nginx reading /etc/nginx/nginx.conf and conf.d/, serving /usr/share/nginx/html, user and
 *   group 101, port 8080, pid and temp files in /tmp, logs to stdout/stderr, and BusyBox's wget
 *   as `wget` for the health check, as in nginxinc/nginx-unprivileged on Alpine.
 */
export const STANDIN_IMAGES = {
  debian: 'docker-learning-standin/debian:bookworm',
  node: 'docker-learning-standin/node:24-bookworm',
  nginx: 'docker-learning-standin/nginx-unprivileged:bookworm',
} as const;

const RECIPE_LABEL = 'org.docker-learning.standin-recipe';
const DEBIAN_MIRROR = 'http://deb.debian.org/debian';
/** The machine's CA bundle: npm inside a container trusts what the host trusts (a TLS-inspecting proxy, say). */
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const NODE_BINARY = path.join(projectRoot, 'node_modules', 'node', 'bin', 'node');
/** An npm of the major that Node 24 ships: the official node:24 images carry npm 11. */
const NPM_VERSION = '11.6.2';

/**
 * What Debian's official images set for apt (debuerreotype's docker-clean): no package files or
 * caches kept in a layer. The real node image has it, and the nginx stand-in stays small with it.
 */
const APT_DOCKER_CLEAN = `DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
`;

const NODE_DOCKERFILE = `FROM ${STANDIN_IMAGES.debian}
COPY node /usr/local/bin/node
COPY npm.tgz /tmp/npm.tgz
RUN mkdir -p /usr/local/lib/node_modules/npm \\
 && tar -xzf /tmp/npm.tgz -C /usr/local/lib/node_modules/npm --strip-components=1 && rm /tmp/npm.tgz \\
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && node --version && npm --version
ENV NODE_EXTRA_CA_CERTS=${CA_BUNDLE}
CMD ["node"]
`;

const NGINX_DOCKERFILE = `FROM ${STANDIN_IMAGES.debian}
RUN apt-get update \\
 && apt-get install -y --no-install-recommends nginx-light busybox \\
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-available /etc/nginx/sites-enabled /var/www \\
 && groupadd --system --gid 101 nginx \\
 && useradd --system --uid 101 --gid 101 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin nginx \\
 && ln -s /usr/bin/busybox /usr/bin/wget \\
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log \\
 && mkdir -p /etc/nginx/conf.d /usr/share/nginx/html
COPY nginx.conf /etc/nginx/nginx.conf
COPY default.conf /etc/nginx/conf.d/default.conf
COPY index.html /usr/share/nginx/html/index.html
EXPOSE 8080
STOPSIGNAL SIGQUIT
USER 101
CMD ["nginx", "-g", "daemon off;"]
`;

/** The unprivileged image's own nginx.conf, in substance: what our Dockerfile replaces. */
const NGINX_BASE_CONF = `worker_processes auto;
error_log /var/log/nginx/error.log notice;
pid /tmp/nginx.pid;
events { worker_connections 1024; }
http {
    client_body_temp_path /tmp/client_temp;
    proxy_temp_path /tmp/proxy_temp;
    fastcgi_temp_path /tmp/fastcgi_temp;
    uwsgi_temp_path /tmp/uwsgi_temp;
    scgi_temp_path /tmp/scgi_temp;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log /var/log/nginx/access.log;
    sendfile on;
    keepalive_timeout 65;
    include /etc/nginx/conf.d/*.conf;
}
`;

const NGINX_DEFAULT_SERVER = `server {
    listen 8080;
    server_name localhost;
    location / {
        root /usr/share/nginx/html;
        index index.html;
    }
}
`;

export interface StandinReport {
  image: string;
  /** Built now (how long it took), or reused from an earlier run. */
  built: boolean;
  seconds: number;
}

const sha256 = (...parts: Array<string | Buffer>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};

async function recipeOf(docker: Docker, image: string): Promise<string | undefined> {
  try {
    const label = await docker(['image', 'inspect', '--format', `{{ index .Config.Labels "${RECIPE_LABEL}" }}`, image]);
    return label || undefined;
  } catch {
    return undefined;
  }
}

async function imageId(docker: Docker, image: string): Promise<string> {
  return docker(['image', 'inspect', '--format', '{{.Id}}', image]);
}

/** Builds `image` with `build` unless an image of that name already carries this recipe hash. */
async function ensureImage(docker: Docker, image: string, recipe: string, build: () => Promise<void>): Promise<StandinReport> {
  const started = performance.now();
  if ((await recipeOf(docker, image)) === recipe) return { image, built: false, seconds: 0 };
  const previous = await imageId(docker, image).catch(() => undefined);
  await build();
  // The outdated stand-in would linger untagged; images built on it keep it alive, which is fine.
  if (previous) await docker(['image', 'rm', previous]).catch(() => undefined);
  return { image, built: true, seconds: (performance.now() - started) / 1000 };
}

/** debootstrap's minimal Debian bookworm, imported as an image; apt's caches and the docs left out. */
async function buildDebian(docker: Docker, recipe: string, workDir: string): Promise<void> {
  const rootfs = path.join(workDir, 'rootfs');
  const debootstrap = await runCommand('/usr/sbin/debootstrap', ['--variant=minbase', 'bookworm', rootfs, DEBIAN_MIRROR], { timeoutMs: 15 * 60_000 });
  if (debootstrap.code !== 0)
    throw new Error(
      `debootstrap failed (exit ${debootstrap.code}); is Debian's debootstrap installed (\`npm run setup:system\`)?\n${debootstrap.stderr.slice(-2000)}`,
    );
  for (const leftover of ['var/cache/apt/archives', 'var/lib/apt/lists', 'usr/share/doc', 'usr/share/man', 'usr/share/info']) {
    rmSync(path.join(rootfs, leftover), { recursive: true, force: true });
  }
  mkdirSync(path.join(rootfs, 'var/cache/apt/archives/partial'), { recursive: true });
  mkdirSync(path.join(rootfs, 'var/lib/apt/lists/partial'), { recursive: true });
  writeFileSync(path.join(rootfs, 'etc/apt/apt.conf.d/docker-clean'), APT_DOCKER_CLEAN);
  mkdirSync(path.join(rootfs, path.dirname(CA_BUNDLE)), { recursive: true });
  copyFileSync(CA_BUNDLE, path.join(rootfs, CA_BUNDLE));
  const tarball = path.join(workDir, 'rootfs.tar');
  const tar = await runCommand('tar', ['-C', rootfs, '-cf', tarball, '.'], { timeoutMs: 5 * 60_000 });
  if (tar.code !== 0) throw new Error(`tar of the debootstrap root failed:\n${tar.stderr}`);
  await docker(['import', '--change', `LABEL ${RECIPE_LABEL}=${recipe}`, '--change', 'CMD ["bash"]', tarball, STANDIN_IMAGES.debian], {
    timeoutMs: 5 * 60_000,
  });
}

async function buildFromContext(docker: Docker, image: string, recipe: string, contextDir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(contextDir, name), text);
  await docker(['build', '--label', `${RECIPE_LABEL}=${recipe}`, '-t', image, contextDir], { timeoutMs: 15 * 60_000 });
}

/** Makes sure the three stand-ins exist and match their recipes, building what is missing. */
export async function ensureStandins(docker: Docker): Promise<StandinReport[]> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'docker-standins-'));
  try {
    const caBundle = readFileSync(CA_BUNDLE);
    const debianRecipe = sha256('debootstrap --variant=minbase bookworm', DEBIAN_MIRROR, APT_DOCKER_CLEAN, caBundle);
    const debian = await ensureImage(docker, STANDIN_IMAGES.debian, debianRecipe, () => buildDebian(docker, debianRecipe, workDir));
    const debianId = await imageId(docker, STANDIN_IMAGES.debian);

    const nodeBinary = readFileSync(NODE_BINARY);
    const nodeRecipe = sha256(debianId, NODE_DOCKERFILE, NPM_VERSION, sha256(nodeBinary));
    const node = await ensureImage(docker, STANDIN_IMAGES.node, nodeRecipe, async () => {
      const context = path.join(workDir, 'node');
      mkdirSync(context);
      copyFileSync(NODE_BINARY, path.join(context, 'node'));
      const pack = await runCommand('npm', ['pack', `npm@${NPM_VERSION}`, '--pack-destination', context, '--silent'], { timeoutMs: 5 * 60_000 });
      if (pack.code !== 0) throw new Error(`npm pack npm@${NPM_VERSION} failed:\n${pack.stderr}`);
      const tarball = pack.stdout.trim().split('\n').at(-1)!;
      copyFileSync(path.join(context, tarball), path.join(context, 'npm.tgz'));
      await buildFromContext(docker, STANDIN_IMAGES.node, nodeRecipe, context, { Dockerfile: NODE_DOCKERFILE });
    });

    const nginxRecipe = sha256(debianId, NGINX_DOCKERFILE, NGINX_BASE_CONF, NGINX_DEFAULT_SERVER);
    const nginx = await ensureImage(docker, STANDIN_IMAGES.nginx, nginxRecipe, async () => {
      const context = path.join(workDir, 'nginx');
      mkdirSync(context);
      await buildFromContext(docker, STANDIN_IMAGES.nginx, nginxRecipe, context, {
        Dockerfile: NGINX_DOCKERFILE,
        'nginx.conf': NGINX_BASE_CONF,
        'default.conf': NGINX_DEFAULT_SERVER,
        'index.html': '<!doctype html><title>Welcome to nginx!</title><h1>Welcome to nginx!</h1>\n',
      });
    });
    return [debian, node, nginx];
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
