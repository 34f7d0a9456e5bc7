/**
 * Fifth blind evaluation set for the site search: 160 learner queries, held out from tuning.
 *
 * Written by the wt-blind5 engineer on 2026-12-07 23:14 UTC, against the content at commit ecfde1d.
 * Method: every query was written first, from the list of page titles and one-line descriptions
 * only, in a learner's own words (short, sloppy, whole questions, pasted errors, commands as
 * typed, misspellings). Only then were the pages in content/docs/ and content/links.yaml read to
 * assign each query the page a learner should land on first (`expect`) and other pages that
 * genuinely answer it (`also`). No query was dropped or reworded after reading the pages; those
 * the course answers only partly or not at all are kept and marked "not answered at ecfde1d".
 * The writer never saw the ranking code, the earlier query sets or any search results.
 */
import type { BlindQuery } from './blind-queries.ts';

export const BLIND_QUERIES_5: BlindQuery[] = [
  // concept
  { query: 'what is an image layer', kind: 'concept', expect: 'hands-on/images-and-containers', also: ['reference/glossary', 'concepts/docker'] },
  { query: 'pid namespace isolation', kind: 'concept', expect: 'concepts/docker', also: ['concepts/containers', 'reference/glossary'] },
  { query: 'type 1 vs type 2 hypervisor', kind: 'concept', expect: 'concepts/virtual-machines', also: ['reference/glossary'] },
  { query: 'image vs container difference', kind: 'concept', expect: 'hands-on/images-and-containers', also: ['reference/glossary'] },
  {
    query: 'why containers start faster than vms',
    kind: 'concept',
    expect: 'concepts/containers',
    also: ['concepts/containers-and-vms', 'concepts/docker'],
  },
  {
    query: 'container shares the host kernel',
    kind: 'concept',
    expect: 'concepts/containers',
    also: ['concepts/containers-and-vms', 'reference/glossary'],
  },
  { query: 'what is a container registry', kind: 'concept', expect: 'hands-on/share-an-image', also: ['reference/glossary', 'concepts/docker'] },
  { query: 'guest os overhead', kind: 'concept', expect: 'concepts/virtual-machines', also: ['concepts/containers-and-vms'] },
  { query: 'named volume vs bind mount', kind: 'concept', expect: 'hands-on/data-and-networking', also: ['reference/glossary'] },
  { query: 'user defined bridge network', kind: 'concept', expect: 'hands-on/data-and-networking', also: ['reference/glossary'] },
  {
    query: 'image digest sha256',
    kind: 'concept',
    expect: 'hands-on/images-and-containers',
    also: ['reference/glossary', 'hands-on/share-an-image'],
  },
  { query: 'multi stage build', kind: 'concept', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'docker build context', kind: 'concept', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'restart policy', kind: 'concept', expect: 'hands-on/when-a-container-fails', also: ['reference/glossary'] },
  { query: 'linux capabilities in containers', kind: 'concept', expect: 'hands-on/security', also: ['concepts/docker', 'reference/glossary'] },
  { query: 'docker engine vs docker desktop', kind: 'concept', expect: 'concepts/docker', also: ['hands-on/first-container'] },
  { query: 'healthcheck in compose', kind: 'concept', expect: 'hands-on/compose', also: ['reference/glossary'] },
  { query: 'build layer cache', kind: 'concept', expect: 'hands-on/dockerfile' },
  { query: 'out of memory killer', kind: 'concept', expect: 'hands-on/limits', also: ['reference/glossary'] },
  { query: 'chroot and lxc before docker', kind: 'concept', expect: 'concepts/docker' },
  { query: 'isolated user space', kind: 'concept', expect: 'concepts/containers' },
  { query: 'dangling images', kind: 'concept', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'read only root filesystem', kind: 'concept', expect: 'hands-on/security', also: ['reference/glossary'] },
  { query: 'control groups memory accounting', kind: 'concept', expect: 'hands-on/limits', also: ['concepts/docker', 'reference/glossary'] },

  // command
  { query: 'docker run -it ubuntu bash', kind: 'command', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  {
    query: 'docker ps -a',
    kind: 'command',
    expect: 'hands-on/images-and-containers',
    also: ['hands-on/first-container', 'hands-on/when-a-container-fails', 'reference/quick-reference'],
  },
  { query: 'docker image prune -a', kind: 'command', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'docker system df', kind: 'command', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'docker compose up -d --build', kind: 'command', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'docker compose down -v', kind: 'command', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  {
    query: 'docker logs -f --tail 50',
    kind: 'command',
    expect: 'hands-on/images-and-containers',
    also: ['reference/quick-reference', 'hands-on/first-container', 'hands-on/when-a-container-fails'],
  },
  {
    query: 'docker exec -it web sh',
    kind: 'command',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  { query: 'docker cp web:/app/log.txt .', kind: 'command', expect: 'hands-on/when-a-container-fails', also: ['reference/quick-reference'] },
  {
    query: 'docker tag myapp jane/myapp:1.0',
    kind: 'command',
    expect: 'hands-on/share-an-image',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  { query: 'docker push', kind: 'command', expect: 'hands-on/share-an-image', also: ['reference/quick-reference'] },
  { query: 'docker login', kind: 'command', expect: 'hands-on/share-an-image', also: ['reference/quick-reference'] },
  { query: 'docker network create appnet', kind: 'command', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  { query: 'docker volume ls', kind: 'command', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  {
    query: "docker inspect --format '{{.State.ExitCode}}'",
    kind: 'command',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/limits', 'reference/quick-reference'],
  },
  { query: 'docker stats --no-stream', kind: 'command', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  { query: 'docker scout cves', kind: 'command', expect: 'hands-on/security', also: ['reference/quick-reference'] },
  { query: 'docker compose watch', kind: 'command', expect: 'hands-on/development-loop', also: ['reference/quick-reference'] },
  { query: 'docker compose up --scale web=3', kind: 'command', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'docker build -t myapp .', kind: 'command', expect: 'hands-on/dockerfile', also: ['reference/quick-reference'] },
  { query: 'docker run -d -p 8080:80 nginx', kind: 'command', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  { query: 'docker rm $(docker ps -aq)', kind: 'command', expect: 'hands-on/first-container', also: ['hands-on/images-and-containers'] },

  // flag
  { query: 'what does --rm do', kind: 'flag', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  {
    query: '-p 8080:80 meaning',
    kind: 'flag',
    expect: 'hands-on/first-container',
    also: ['reference/quick-reference', 'hands-on/data-and-networking'],
  },
  { query: '--memory 512m', kind: 'flag', expect: 'hands-on/limits', also: ['reference/quick-reference', 'concepts/docker'] },
  { query: '--cpus 1.5', kind: 'flag', expect: 'hands-on/limits', also: ['reference/quick-reference', 'concepts/docker'] },
  { query: '--read-only', kind: 'flag', expect: 'hands-on/security', also: ['reference/quick-reference'] },
  { query: '--cap-drop ALL', kind: 'flag', expect: 'hands-on/security', also: ['reference/quick-reference'] },
  {
    query: '--restart unless-stopped',
    kind: 'flag',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/compose', 'reference/quick-reference'],
  },
  { query: '-v $(pwd):/app', kind: 'flag', expect: 'hands-on/data-and-networking', also: ['hands-on/development-loop'] },
  { query: '--network mynet', kind: 'flag', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  { query: '--user 1000:1000', kind: 'flag', expect: 'hands-on/security', also: ['reference/quick-reference'] },
  { query: '-d detached mode', kind: 'flag', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  { query: '--memory-swap', kind: 'flag', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  { query: 'docker build -f path', kind: 'flag', expect: 'hands-on/dockerfile' }, // not answered at ecfde1d
  { query: '--tmpfs /tmp', kind: 'flag', expect: 'hands-on/security', also: ['hands-on/data-and-networking', 'reference/quick-reference'] },
  { query: '--no-cache', kind: 'flag', expect: 'hands-on/dockerfile' }, // not answered at ecfde1d
  {
    query: '-e POSTGRES_PASSWORD',
    kind: 'flag',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/data-and-networking', 'concepts/docker'],
  },

  // question
  {
    query: 'do i need a vm to run docker on mac',
    kind: 'question',
    expect: 'concepts/containers',
    also: ['hands-on/first-container', 'concepts/containers-and-vms', 'concepts/docker'],
  },
  {
    query: 'why does my container exit immediately',
    kind: 'question',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/first-container'],
  },
  { query: 'why is my image so big', kind: 'question', expect: 'hands-on/dockerfile', also: ['hands-on/images-and-containers'] },
  { query: 'is docker a virtual machine', kind: 'question', expect: 'concepts/docker', also: ['concepts/containers', 'concepts/containers-and-vms'] },
  { query: 'can two containers talk to each other', kind: 'question', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'where are docker volumes stored', kind: 'question', expect: 'hands-on/data-and-networking' },
  {
    query: 'why is my data gone after docker rm',
    kind: 'question',
    expect: 'hands-on/data-and-networking',
    also: ['hands-on/images-and-containers'],
  },
  { query: 'how much memory does a container get by default', kind: 'question', expect: 'hands-on/limits' },
  {
    query: 'is it dangerous to add my user to the docker group',
    kind: 'question',
    expect: 'hands-on/security',
    also: ['hands-on/first-container', 'reference/glossary'],
  },
  { query: 'why doesnt localhost work between containers', kind: 'question', expect: 'hands-on/data-and-networking' },
  { query: 'what happens when the process in a container crashes', kind: 'question', expect: 'hands-on/when-a-container-fails' },
  { query: 'does docker compose down delete my database', kind: 'question', expect: 'hands-on/compose' },
  { query: 'why are my code changes not showing up in the container', kind: 'question', expect: 'hands-on/development-loop' },
  { query: 'difference between cmd and entrypoint', kind: 'question', expect: 'hands-on/dockerfile', also: ['reference/quick-reference'] }, // not answered at ecfde1d
  { query: 'why copy package.json before the rest of the code', kind: 'question', expect: 'hands-on/dockerfile' },
  { query: 'can i run windows containers on linux', kind: 'question', expect: 'concepts/containers', also: ['concepts/containers-and-vms'] },
  { query: 'why did docker become so popular', kind: 'question', expect: 'concepts/docker' },
  { query: 'can a container see other processes on the host', kind: 'question', expect: 'concepts/containers', also: ['concepts/docker'] },
  { query: 'how does compose decide which service starts first', kind: 'question', expect: 'hands-on/compose' },
  { query: 'is docker hub free', kind: 'question', expect: 'hands-on/share-an-image', also: ['hands-on/first-container'] },
  { query: 'what is .dockerignore for', kind: 'question', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'should i use the alpine image', kind: 'question', expect: 'hands-on/images-and-containers', also: ['hands-on/dockerfile'] },

  // typo
  { query: 'dockr compose yml', kind: 'typo', expect: 'hands-on/compose' },
  { query: 'contianer vs vm', kind: 'typo', expect: 'concepts/containers-and-vms', also: ['concepts/containers'] },
  { query: 'hypervizor', kind: 'typo', expect: 'concepts/virtual-machines', also: ['reference/glossary'] },
  { query: 'volumne mount', kind: 'typo', expect: 'hands-on/data-and-networking' },
  { query: 'dockerfiel multistage', kind: 'typo', expect: 'hands-on/dockerfile' },
  { query: 'namepsaces cgroups', kind: 'typo', expect: 'concepts/docker' },
  { query: 'docker netwrok create', kind: 'typo', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  { query: 'helthcheck postgres', kind: 'typo', expect: 'hands-on/compose' },
  {
    query: 'docker exce bash',
    kind: 'typo',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  { query: 'registery push', kind: 'typo', expect: 'hands-on/share-an-image' },
  { query: 'memroy limit container', kind: 'typo', expect: 'hands-on/limits' },
  { query: 'docker imgae prune', kind: 'typo', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'virutal machine', kind: 'typo', expect: 'concepts/virtual-machines' },
  { query: 'capabilties drop', kind: 'typo', expect: 'hands-on/security' },
  { query: 'bind mout node_modules', kind: 'typo', expect: 'hands-on/development-loop', also: ['hands-on/data-and-networking'] },
  { query: 'chetsheet docker commands', kind: 'typo', expect: 'reference/quick-reference', also: ['resources'] },

  // error
  {
    query: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    kind: 'error',
    expect: 'hands-on/first-container',
  },
  {
    query: 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock',
    kind: 'error',
    expect: 'hands-on/first-container',
    also: ['hands-on/security'],
  },
  { query: 'Bind for 0.0.0.0:8080 failed: port is already allocated', kind: 'error', expect: 'hands-on/first-container' },
  { query: 'Conflict. The container name "/web" is already in use by container', kind: 'error', expect: 'hands-on/images-and-containers' }, // not answered at ecfde1d
  { query: 'exited with code 137', kind: 'error', expect: 'hands-on/when-a-container-fails', also: ['hands-on/limits'] },
  { query: 'OOMKilled true', kind: 'error', expect: 'hands-on/limits', also: ['hands-on/when-a-container-fails'] },
  { query: 'denied: requested access to the resource is denied', kind: 'error', expect: 'hands-on/share-an-image' },
  { query: "Unable to find image 'hello-world:latest' locally", kind: 'error', expect: 'hands-on/first-container' },
  { query: "Error: Cannot find module 'express'", kind: 'error', expect: 'hands-on/dockerfile', also: ['hands-on/development-loop'] }, // not answered at ecfde1d
  { query: 'getaddrinfo ENOTFOUND db', kind: 'error', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'connect ECONNREFUSED 127.0.0.1:5432', kind: 'error', expect: 'hands-on/data-and-networking' },
  { query: 'unable to prepare context: unable to evaluate symlinks in Dockerfile path', kind: 'error', expect: 'hands-on/dockerfile' }, // not answered at ecfde1d
  { query: 'Read-only file system', kind: 'error', expect: 'hands-on/security' },
  { query: "EACCES: permission denied, open '/app/data.json'", kind: 'error', expect: 'hands-on/dockerfile', also: ['hands-on/security'] },
  { query: 'no space left on device', kind: 'error', expect: 'hands-on/images-and-containers' },
  { query: 'the input device is not a TTY', kind: 'error', expect: 'hands-on/first-container' }, // not answered at ecfde1d
  { query: 'manifest unknown', kind: 'error', expect: 'hands-on/images-and-containers' }, // not answered at ecfde1d
  { query: 'http: server gave HTTP response to HTTPS client', kind: 'error', expect: 'hands-on/share-an-image' },
  { query: 'You cannot remove a running container', kind: 'error', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'dependency failed to start: container db is unhealthy', kind: 'error', expect: 'hands-on/compose' }, // not answered at ecfde1d
  { query: 'exec: "bash": executable file not found in $PATH', kind: 'error', expect: 'hands-on/when-a-container-fails' },
  { query: 'failed to compute cache key: "/package.json": not found', kind: 'error', expect: 'hands-on/dockerfile' },

  // task
  {
    query: 'how do i get a shell inside a running container',
    kind: 'task',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  { query: 'copy a file out of a container', kind: 'task', expect: 'hands-on/when-a-container-fails', also: ['reference/quick-reference'] },
  { query: 'free up disk space used by docker', kind: 'task', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'run my own private registry', kind: 'task', expect: 'hands-on/share-an-image' },
  { query: 'upload my image to docker hub', kind: 'task', expect: 'hands-on/share-an-image' },
  { query: 'limit a container to half a cpu', kind: 'task', expect: 'hands-on/limits' },
  { query: 'make a container start again after a reboot', kind: 'task', expect: 'hands-on/when-a-container-fails' },
  {
    query: 'share a folder from my laptop with a container',
    kind: 'task',
    expect: 'hands-on/data-and-networking',
    also: ['hands-on/development-loop'],
  },
  { query: 'connect my app container to a postgres container', kind: 'task', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'run three copies of a service with compose', kind: 'task', expect: 'hands-on/compose' },
  { query: 'update the web service without restarting the database', kind: 'task', expect: 'hands-on/compose' },
  { query: 'reload node app on file change inside docker', kind: 'task', expect: 'hands-on/development-loop' },
  { query: 'run container as non root user', kind: 'task', expect: 'hands-on/security', also: ['hands-on/dockerfile'] },
  { query: 'scan an image for vulnerabilities', kind: 'task', expect: 'hands-on/security' },
  { query: 'find out why a container stopped', kind: 'task', expect: 'hands-on/when-a-container-fails' },
  { query: 'check how much memory a container is using', kind: 'task', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  { query: 'make my node image smaller', kind: 'task', expect: 'hands-on/dockerfile', also: ['hands-on/images-and-containers'] },
  { query: 'wait for the database to be ready before starting the app', kind: 'task', expect: 'hands-on/compose' },
  { query: 'install docker on ubuntu', kind: 'task', expect: 'hands-on/first-container', also: ['resources'] },
  { query: 'serve a static html page with nginx', kind: 'task', expect: 'hands-on/data-and-networking', also: ['hands-on/first-container'] },
  { query: 'see environment variables of a running container', kind: 'task', expect: 'hands-on/when-a-container-fails' },
  { query: 'back up a docker volume', kind: 'task', expect: 'hands-on/data-and-networking', also: ['resources'] }, // not answered at ecfde1d

  // resource
  { query: 'docker youtube tutorial for beginners', kind: 'resource', expect: 'resources' },
  { query: 'free docker course online', kind: 'resource', expect: 'resources' },
  { query: 'book recommendations docker', kind: 'resource', expect: 'resources' },
  { query: 'play with docker online playground', kind: 'resource', expect: 'resources' },
  { query: 'official docker documentation', kind: 'resource', expect: 'resources' },
  { query: 'printable cheat sheet pdf', kind: 'resource', expect: 'resources', also: ['reference/quick-reference'] },
  { query: 'docker compose tutorial article', kind: 'resource', expect: 'resources', also: ['hands-on/compose'] },
  { query: 'what to learn after docker kubernetes', kind: 'resource', expect: 'resources' },
  { query: 'dockerfile best practices guide', kind: 'resource', expect: 'resources', also: ['hands-on/dockerfile'] },
  { query: 'interactive docker lab in the browser', kind: 'resource', expect: 'resources' },
  { query: 'docker security article', kind: 'resource', expect: 'resources', also: ['hands-on/security'] },
  { query: 'video explaining containers vs vms', kind: 'resource', expect: 'resources', also: ['concepts/containers-and-vms'] }, // not answered at ecfde1d
  { query: 'awesome docker list', kind: 'resource', expect: 'resources' }, // not answered at ecfde1d
  { query: 'docker networking deep dive blog', kind: 'resource', expect: 'resources', also: ['hands-on/data-and-networking'] },
  { query: 'more exercises to practice docker', kind: 'resource', expect: 'resources', also: ['hands-on/index'] },
  { query: 'docker for node developers tutorial', kind: 'resource', expect: 'resources', also: ['hands-on/dockerfile'] },
];
