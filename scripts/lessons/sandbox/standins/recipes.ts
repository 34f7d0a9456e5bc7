/**
 * The recipes of the stand-in images: what the lessons pull, rebuilt from Debian unstable packages
 * under the official names, for a sandbox that reaches no image registry. Each is close enough to
 * the real image for what the course does with it (its program and version, ports, users, entry
 * point, stop signal), not a copy. Which images: every `FROM`, `image:` and `docker run` image in
 * content/docs/hands-on/ (tests/lessons/standin-recipes.test.ts checks the list against them).
 *
 * A recipe is data: the packages on top of the minimal sid tree, a setup script run chrooted in
 * it, optionally the few paths an image keeps of it (BusyBox or static images), files from
 * standins/files/, and the image settings as `docker import --change` lines. Any change to it, to
 * a file it names or to the base tree gives a new hash, and only then is the image built again.
 */
export interface StandInRecipe {
  /** Official names the image stands in for; all are tags of one image. */
  names: string[];
  /** Debian unstable packages installed into a copy of the minimal base tree. */
  packages: string[];
  /** Shell run chrooted in the tree after the packages are in (users, links, configuration). */
  setup?: string;
  /**
   * When set, the image holds only these paths of the tree (relative, no leading slash), plus
   * `files`: a small image around a static program instead of a whole Debian.
   */
  keepOnly?: string[];
  /** Shell run on the host in the final tree (its working directory), for BusyBox's links and such. */
  finish?: string;
  /**
   * The npm release to add from the npm registry, into /usr/local/lib/node_modules/npm (Debian's
   * npm package would bring in some 385 packages; the official node images carry npm 11 this way).
   */
  npm?: string;
  /**
   * npm packages fetched from the npm registry when the image is built, with everything they
   * depend on, into root's npm cache (/root/.npm): with `npm_config_offline=true` in `config`,
   * `npm install` of them (and `npm ci` of a lockfile naming them) works in the sandbox, which
   * reaches no registry. Anything else fails at once with ENOTCACHED, naming the package.
   */
  npmCache?: string[];
  /** Files copied into the image: path in the image → path under standins/files/. */
  files?: Record<string, string>;
  /** Image settings, as `docker import --change` takes them (CMD, ENTRYPOINT, ENV, EXPOSE, ...). */
  config: string[];
}

const DEBIAN_PATH = 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** The "-alpine" flavours carry BusyBox, whose wget the lessons' health checks call. */
const BUSYBOX_WGET = 'ln -s /usr/bin/busybox /usr/local/bin/wget';
/** No package lists, caches or manuals in the images: what Debian's own images leave out too. */
const DEBIAN_CLEAN = 'rm -rf /var/lib/apt/lists/* /var/cache/apt/* /usr/share/doc/* /usr/share/man/* /usr/share/info/*';

const BUSYBOX_LINKS = `mkdir -p bin sbin usr/bin usr/sbin etc root tmp var/tmp home proc sys dev
mv usr/bin/busybox bin/busybox
for applet in $(bin/busybox --list); do [ -e "bin/$applet" ] || ln -s busybox "bin/$applet"; done
chmod 1777 tmp var/tmp`;

/**
 * The Go sources BuildKit's Dockerfile frontend is built from: buildkit itself comes with Debian's
 * docker.io sources (golang-github-docker-docker-dev, the very version dockerd embeds), the rest
 * are its imports (`go list -deps`). Only unpacked, without their own dependencies: installing
 * the -dev package with apt would bring in some five hundred packages.
 */
const FRONTEND_SOURCES = [
  'golang-github-agext-levenshtein-dev',
  'golang-github-cespare-xxhash-v2-dev',
  'golang-github-containerd-containerd-api-dev',
  'golang-github-containerd-containerd-dev',
  'golang-github-containerd-continuity-dev',
  'golang-github-containerd-errdefs-dev',
  'golang-github-containerd-log-dev',
  'golang-github-containerd-platforms-dev',
  'golang-github-containerd-stargz-snapshotter-dev',
  'golang-github-containerd-ttrpc-dev',
  'golang-github-containerd-typeurl-dev',
  'golang-github-coreos-bbolt-dev',
  'golang-github-distribution-reference-dev',
  'golang-github-docker-docker-dev',
  'golang-github-docker-go-units-dev',
  'golang-github-felixge-httpsnoop-dev',
  'golang-github-go-logr-logr-dev',
  'golang-github-go-logr-stdr-dev',
  'golang-github-gofrs-flock-dev',
  'golang-github-gogo-protobuf-dev',
  'golang-github-golang-protobuf-1-5-dev',
  'golang-github-google-go-cmp-dev',
  'golang-github-google-shlex-dev',
  'golang-github-google-uuid-dev',
  'golang-github-grpc-ecosystem-grpc-gateway-dev',
  'golang-github-in-toto-attestation-dev',
  'golang-github-in-toto-in-toto-golang-dev',
  'golang-github-klauspost-compress-dev',
  'golang-github-mitchellh-hashstructure-dev',
  'golang-github-moby-docker-image-spec-dev',
  'golang-github-moby-locker-dev',
  'golang-github-moby-patternmatcher-dev',
  'golang-github-moby-sys-dev',
  'golang-github-opencontainers-go-digest-dev',
  'golang-github-opencontainers-image-spec-dev',
  'golang-github-pkg-errors-dev',
  'golang-github-planetscale-vtprotobuf-dev',
  'golang-github-secure-systems-lab-go-securesystemslib-dev',
  'golang-github-shibumi-go-pathspec-dev',
  'golang-github-sirupsen-logrus-dev',
  'golang-github-tonistiigi-dchapes-mode-dev',
  'golang-github-tonistiigi-fsutil-dev',
  'golang-github-vbatts-tar-split-dev',
  'golang-golang-x-crypto-dev',
  'golang-golang-x-net-dev',
  'golang-golang-x-sync-dev',
  'golang-golang-x-sys-dev',
  'golang-golang-x-text-dev',
  'golang-google-genproto-dev',
  'golang-google-grpc-dev',
  'golang-google-protobuf-dev',
  'golang-opentelemetry-contrib-dev',
  'golang-opentelemetry-otel-dev',
  'golang-opentelemetry-proto-dev',
];

const GO_BUILD_ENV =
  'GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=/var/tmp/gocache GOROOT=/usr/lib/go-1.27 GOTOOLCHAIN=local GOTELEMETRY=off CGO_ENABLED=0';

export const STANDIN_RECIPES: StandInRecipe[] = [
  {
    names: ['alpine:latest'],
    packages: ['busybox-static'],
    keepOnly: ['usr/bin/busybox'],
    finish: BUSYBOX_LINKS,
    files: { 'etc/passwd': 'alpine/passwd', 'etc/group': 'alpine/group', 'etc/os-release': 'alpine/os-release' },
    config: ['ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'CMD ["/bin/sh"]'],
  },
  {
    names: ['hello-world:latest'],
    packages: ['busybox-static'],
    keepOnly: ['usr/bin/busybox'],
    files: { hello: 'hello-world/hello' },
    config: ['CMD ["/hello"]'],
  },
  {
    names: ['ubuntu:24.04'],
    packages: ['bash', 'procps'],
    setup: `useradd --uid 1000 --user-group --create-home --shell /bin/bash ubuntu && ${DEBIAN_CLEAN}`,
    // apt-get in it installs from Debian's mirror, through the sandbox's package proxy.
    files: { 'etc/apt/apt.conf.d/90lesson-sandbox': 'apt/90lesson-sandbox' },
    config: [DEBIAN_PATH, 'CMD ["/bin/bash"]'],
  },
  {
    names: ['nginx:latest', 'nginx:alpine'],
    packages: ['nginx', 'gettext-base', 'busybox'],
    setup: `groupadd --system --gid 101 nginx
useradd --system --uid 101 --gid 101 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin nginx
rm -rf /etc/nginx/sites-available /etc/nginx/sites-enabled /var/www /etc/nginx/conf.d/*
mkdir -p /etc/nginx/conf.d /usr/share/nginx/html /docker-entrypoint.d /var/cache/nginx
ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
${BUSYBOX_WGET} && ${DEBIAN_CLEAN}`,
    files: {
      'docker-entrypoint.sh': 'nginx/docker-entrypoint.sh',
      'docker-entrypoint.d/20-envsubst-on-templates.sh': 'nginx/20-envsubst-on-templates.sh',
      'etc/nginx/nginx.conf': 'nginx/nginx.conf',
      'etc/nginx/conf.d/default.conf': 'nginx/default.conf',
      'usr/share/nginx/html/index.html': 'nginx/index.html',
      'usr/share/nginx/html/50x.html': 'nginx/50x.html',
    },
    config: [DEBIAN_PATH, 'ENTRYPOINT ["/docker-entrypoint.sh"]', 'CMD ["nginx", "-g", "daemon off;"]', 'EXPOSE 80', 'STOPSIGNAL SIGQUIT'],
  },
  {
    names: ['postgres:18'],
    packages: ['postgresql-18'],
    setup: `pg_dropcluster 18 main 2>/dev/null || true
mkdir -p /var/run/postgresql /var/lib/postgresql /docker-entrypoint-initdb.d
chown -R postgres:postgres /var/run/postgresql /var/lib/postgresql
ln -s /docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh && ${DEBIAN_CLEAN}`,
    files: { 'docker-entrypoint.sh': 'postgres/docker-entrypoint.sh' },
    config: [
      'ENV PATH=/usr/lib/postgresql/18/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'ENV PG_MAJOR=18',
      'ENV PGDATA=/var/lib/postgresql/18/docker',
      'ENV LANG=C.UTF-8',
      'VOLUME /var/lib/postgresql',
      'ENTRYPOINT ["docker-entrypoint.sh"]',
      'CMD ["postgres"]',
      'EXPOSE 5432',
      'STOPSIGNAL SIGINT',
    ],
  },
  {
    names: ['redis:8-alpine', 'redis:8'],
    packages: ['redis-server', 'redis-tools', 'busybox'],
    setup: `mkdir -p /data && chown redis:redis /data
ln -s /docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh && ${BUSYBOX_WGET} && ${DEBIAN_CLEAN}`,
    files: { 'docker-entrypoint.sh': 'redis/docker-entrypoint.sh' },
    config: [DEBIAN_PATH, 'VOLUME /data', 'WORKDIR /data', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["redis-server"]', 'EXPOSE 6379'],
  },
  {
    names: ['node:24-alpine', 'node:24', 'node:latest'],
    packages: ['nodejs', 'busybox', 'ca-certificates'],
    npm: '11.6.2',
    // The Compose lesson's app talks to PostgreSQL and Redis with these two.
    npmCache: ['pg', 'redis'],
    setup: `groupadd --gid 1000 node && useradd --uid 1000 --gid node --create-home --shell /bin/sh node
ln -s /docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh && ${BUSYBOX_WGET} && ${DEBIAN_CLEAN}`,
    files: { 'docker-entrypoint.sh': 'node/docker-entrypoint.sh' },
    config: [DEBIAN_PATH, 'ENV npm_config_offline=true', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node"]'],
  },
  {
    names: ['golang:1.27'],
    packages: ['golang-1.27-go', 'ca-certificates', 'git'],
    setup: `ln -s /usr/lib/go-1.27 /usr/local/go && mkdir -p /go/bin /go/src && chmod -R 1777 /go && ${DEBIAN_CLEAN}`,
    config: [
      'ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'ENV GOPATH=/go',
      'ENV GOTOOLCHAIN=local',
      'WORKDIR /go',
      'CMD ["bash"]',
    ],
  },
  {
    names: ['gcr.io/distroless/static-debian13:nonroot'],
    packages: ['ca-certificates'],
    keepOnly: ['etc/ssl/certs/ca-certificates.crt'],
    finish: 'mkdir -p tmp home/nonroot && chmod 1777 tmp && chown 65532:65532 home/nonroot',
    files: { 'etc/passwd': 'distroless/passwd', 'etc/group': 'distroless/group' },
    config: ['ENV PATH=/usr/local/bin:/usr/bin:/bin', 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt', 'USER 65532', 'WORKDIR /home/nonroot'],
  },
  {
    // A Dockerfile's `# syntax=docker/dockerfile:1` line makes BuildKit run this frontend image; with
    // it here, such a Dockerfile builds in the sandbox instead of failing on the missing registry.
    names: ['docker/dockerfile:1'],
    packages: ['golang-1.27-go'],
    setup: `mkdir -p /var/tmp/sources && cd /var/tmp/sources
apt-get -o Acquire::Check-Valid-Until=false download -qq ${FRONTEND_SOURCES.join(' ')} 2>/dev/null
for deb in *.deb; do dpkg-deb -x "$deb" /; done
[ -e /usr/share/gocode/src/github.com/mitchellh/hashstructure/v2 ] || ln -s . /usr/share/gocode/src/github.com/mitchellh/hashstructure/v2
cd / && env ${GO_BUILD_ENV} /usr/lib/go-1.27/bin/go build -trimpath -ldflags '-s -w' -tags 'netgo static_build osusergo' \\
  -o /usr/local/bin/dockerfile-frontend github.com/moby/buildkit/frontend/dockerfile/cmd/dockerfile-frontend`,
    keepOnly: ['usr/local/bin/dockerfile-frontend'],
    finish: 'mkdir bin && mv usr/local/bin/dockerfile-frontend bin/ && rm -r usr',
    config: [
      'LABEL moby.buildkit.frontend.network.none="true"',
      'LABEL moby.buildkit.frontend.caps="moby.buildkit.frontend.inputs,moby.buildkit.frontend.subrequests,moby.buildkit.frontend.contexts,moby.buildkit.frontend.gitquerystring"',
      'ENTRYPOINT ["/bin/dockerfile-frontend"]',
    ],
  },
  {
    names: ['registry:3'],
    packages: ['docker-registry'],
    setup: `mkdir -p /var/lib/registry /etc/distribution && ${DEBIAN_CLEAN}`,
    files: { 'etc/distribution/config.yml': 'registry/config.yml' },
    config: [
      DEBIAN_PATH,
      'VOLUME /var/lib/registry',
      'EXPOSE 5000',
      'ENTRYPOINT ["/usr/bin/docker-registry", "serve"]',
      'CMD ["/etc/distribution/config.yml"]',
    ],
  },
];
