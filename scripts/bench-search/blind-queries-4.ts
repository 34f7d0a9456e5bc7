/**
 * Fourth blind evaluation set for the site search, held out from everyone tuning the ranking.
 *
 * Written by the blind4 helper engineer on 2026-12-07, 22:32-22:34 UTC, against the content at
 * commit 913ff3a (content/docs/ and content/links.yaml).
 *
 * Method: first all 160 queries were written from the page titles and one-line descriptions only,
 * in a learner's words (lowercase, short, sloppy, whole questions, pasted terminal errors, commands
 * as typed, keyboard slips), without reading any page body. Only then were the pages read and each
 * query given the one page a learner should land on first (`expect`) and the other pages that
 * answer it well enough (`also`). No query was reworded or dropped after reading the pages; queries
 * the course answers only partly or not at all are kept and marked `// not answered at 913ff3a`.
 *
 * The writer never saw the ranking code, the earlier query sets, the bench scripts or any search
 * results.
 */
import type { BlindQuery } from './blind-queries.ts';

export const BLIND_QUERIES_4: BlindQuery[] = [
  // concept
  { query: 'what is an image layer', kind: 'concept', expect: 'hands-on/images-and-containers', also: ['reference/glossary'] },
  { query: 'difference between image and container', kind: 'concept', expect: 'hands-on/images-and-containers', also: ['reference/glossary'] },
  { query: 'type 1 vs type 2 hypervisor', kind: 'concept', expect: 'concepts/virtual-machines', also: ['reference/glossary'] },
  { query: 'what are linux namespaces', kind: 'concept', expect: 'concepts/docker', also: ['reference/glossary'] },
  { query: 'cgroups explained', kind: 'concept', expect: 'concepts/docker', also: ['hands-on/limits', 'reference/glossary'] },
  { query: 'container vs virtual machine', kind: 'concept', expect: 'concepts/containers-and-vms', also: ['concepts/containers'] },
  { query: 'why are containers lighter than vms', kind: 'concept', expect: 'concepts/containers', also: ['concepts/containers-and-vms'] },
  { query: 'do containers have their own kernel', kind: 'concept', expect: 'concepts/containers', also: ['concepts/containers-and-vms'] },
  { query: 'what is a container registry', kind: 'concept', expect: 'hands-on/share-an-image', also: ['reference/glossary'] },
  { query: 'bind mount vs named volume', kind: 'concept', expect: 'hands-on/data-and-networking' },
  { query: 'multi stage build', kind: 'concept', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'what is the build context', kind: 'concept', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'how does the docker build cache work', kind: 'concept', expect: 'hands-on/dockerfile' },
  {
    query: 'image digest vs tag',
    kind: 'concept',
    expect: 'hands-on/images-and-containers',
    also: ['reference/glossary', 'hands-on/share-an-image'],
  },
  { query: 'restart policy always vs unless-stopped', kind: 'concept', expect: 'hands-on/when-a-container-fails', also: ['reference/glossary'] },
  { query: 'compose healthcheck', kind: 'concept', expect: 'hands-on/compose', also: ['reference/glossary'] },
  { query: 'linux capabilities container', kind: 'concept', expect: 'hands-on/security', also: ['reference/glossary', 'concepts/docker'] },
  { query: 'oom killer', kind: 'concept', expect: 'hands-on/limits', also: ['reference/glossary'] },
  { query: 'os level virtualization', kind: 'concept', expect: 'concepts/containers' },
  { query: 'lxc vs docker', kind: 'concept', expect: 'concepts/docker' },
  { query: 'docker internal dns', kind: 'concept', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'isolated user space', kind: 'concept', expect: 'concepts/containers' },
  {
    query: 'docker group is root equivalent',
    kind: 'concept',
    expect: 'hands-on/security',
    also: ['hands-on/first-container', 'reference/glossary'],
  },
  { query: 'detached mode', kind: 'concept', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },

  // command
  { query: 'docker run -it ubuntu bash', kind: 'command', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  {
    query: 'docker ps -a',
    kind: 'command',
    expect: 'hands-on/images-and-containers',
    also: ['hands-on/first-container', 'hands-on/when-a-container-fails', 'reference/quick-reference'],
  },
  { query: 'docker image ls', kind: 'command', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'docker rmi', kind: 'command', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'docker system prune -a', kind: 'command', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'docker build -t myapp .', kind: 'command', expect: 'hands-on/dockerfile', also: ['reference/quick-reference'] },
  { query: 'docker push username/myapp', kind: 'command', expect: 'hands-on/share-an-image', also: ['reference/quick-reference'] },
  { query: 'docker login', kind: 'command', expect: 'hands-on/share-an-image', also: ['reference/quick-reference', 'hands-on/first-container'] },
  {
    query: 'docker tag myapp user/myapp:1.0',
    kind: 'command',
    expect: 'hands-on/share-an-image',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  { query: 'docker volume create', kind: 'command', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  { query: 'docker network create mynet', kind: 'command', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  { query: 'docker compose up -d', kind: 'command', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'docker compose down -v', kind: 'command', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'docker compose up --scale web=3', kind: 'command', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'docker compose watch', kind: 'command', expect: 'hands-on/development-loop', also: ['reference/quick-reference', 'reference/glossary'] },
  { query: 'docker stats', kind: 'command', expect: 'hands-on/limits', also: ['hands-on/images-and-containers', 'reference/quick-reference'] },
  {
    query: 'docker logs -f',
    kind: 'command',
    expect: 'hands-on/first-container',
    also: ['hands-on/images-and-containers', 'hands-on/when-a-container-fails', 'reference/quick-reference'],
  },
  {
    query: 'docker inspect',
    kind: 'command',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  {
    query: 'docker exec -it web sh',
    kind: 'command',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  { query: 'docker cp', kind: 'command', expect: 'hands-on/when-a-container-fails', also: ['reference/quick-reference'] },
  { query: 'docker scout cves', kind: 'command', expect: 'hands-on/security', also: ['reference/quick-reference', 'reference/glossary'] },
  { query: 'docker run hello-world', kind: 'command', expect: 'hands-on/first-container' },

  // flag
  { query: '--rm', kind: 'flag', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  { query: '-p 8080:80', kind: 'flag', expect: 'hands-on/first-container', also: ['reference/quick-reference', 'reference/glossary'] },
  { query: '-d flag', kind: 'flag', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  { query: '--memory 512m', kind: 'flag', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  { query: '--cpus 1.5', kind: 'flag', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  { query: '--read-only', kind: 'flag', expect: 'hands-on/security', also: ['reference/quick-reference', 'reference/glossary'] },
  { query: '--cap-drop ALL', kind: 'flag', expect: 'hands-on/security', also: ['reference/quick-reference', 'reference/glossary'] },
  { query: '--user 1000:1000', kind: 'flag', expect: 'hands-on/security', also: ['reference/quick-reference'] },
  { query: '-v $(pwd):/app', kind: 'flag', expect: 'hands-on/data-and-networking', also: ['hands-on/development-loop'] },
  { query: '--mount type=volume', kind: 'flag', expect: 'hands-on/data-and-networking' },
  { query: '--network', kind: 'flag', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  {
    query: '--restart unless-stopped',
    kind: 'flag',
    expect: 'hands-on/when-a-container-fails',
    also: ['reference/quick-reference', 'hands-on/compose'],
  },
  { query: '--name', kind: 'flag', expect: 'hands-on/first-container', also: ['hands-on/images-and-containers'] },
  { query: '--no-cache', kind: 'flag', expect: 'hands-on/dockerfile' }, // not answered at 913ff3a
  { query: 'docker logs --tail 50', kind: 'flag', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  {
    query: "--format '{{.State.ExitCode}}'",
    kind: 'flag',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/limits', 'reference/quick-reference'],
  },

  // question
  {
    query: 'why does my container exit immediately',
    kind: 'question',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/first-container'],
  },
  { query: 'is docker a virtual machine', kind: 'question', expect: 'concepts/docker', also: ['concepts/containers', 'concepts/containers-and-vms'] },
  { query: 'can i run windows containers on linux', kind: 'question', expect: 'concepts/containers', also: ['concepts/containers-and-vms'] },
  { query: 'where does docker store volumes', kind: 'question', expect: 'hands-on/data-and-networking' },
  { query: 'why is my docker image so big', kind: 'question', expect: 'hands-on/dockerfile', also: ['hands-on/images-and-containers'] },
  { query: 'how do containers talk to each other', kind: 'question', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  {
    query: 'does data survive when the container is removed',
    kind: 'question',
    expect: 'hands-on/data-and-networking',
    also: ['hands-on/images-and-containers'],
  },
  { query: 'why does docker need sudo', kind: 'question', expect: 'hands-on/first-container', also: ['hands-on/security'] },
  { query: 'what happens when a container runs out of memory', kind: 'question', expect: 'hands-on/limits', also: ['reference/glossary'] },
  {
    query: 'is running as root inside a container dangerous',
    kind: 'question',
    expect: 'hands-on/security',
    also: ['hands-on/dockerfile', 'concepts/containers'],
  },
  { query: 'why copy package.json before the rest of the code', kind: 'question', expect: 'hands-on/dockerfile' },
  { query: 'can i use docker without docker desktop', kind: 'question', expect: 'hands-on/first-container', also: ['concepts/docker'] },
  { query: 'does depends_on wait for the database to be ready', kind: 'question', expect: 'hands-on/compose' },
  {
    query: 'why are my code changes not showing up in the container',
    kind: 'question',
    expect: 'hands-on/development-loop',
    also: ['hands-on/data-and-networking'],
  },
  { query: 'what is docker hub', kind: 'question', expect: 'concepts/docker', also: ['hands-on/share-an-image', 'reference/glossary'] },
  { query: 'how much memory is my container using', kind: 'question', expect: 'hands-on/limits', also: ['hands-on/images-and-containers'] },
  {
    query: 'why use docker instead of a vm',
    kind: 'question',
    expect: 'concepts/containers-and-vms',
    also: ['concepts/containers', 'concepts/docker'],
  },
  {
    query: "how do i know exactly which version of an image i'm running",
    kind: 'question',
    expect: 'hands-on/images-and-containers',
    also: ['hands-on/share-an-image'],
  },
  { query: 'why did my container restart', kind: 'question', expect: 'hands-on/when-a-container-fails' },
  {
    query: 'what does publishing a port do',
    kind: 'question',
    expect: 'hands-on/first-container',
    also: ['hands-on/data-and-networking', 'reference/glossary'],
  },
  { query: 'can two containers share a volume', kind: 'question', expect: 'hands-on/data-and-networking' }, // not answered at 913ff3a
  { query: 'why did docker become so popular', kind: 'question', expect: 'concepts/docker' },

  // typo
  { query: 'dokcer compose', kind: 'typo', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'docekrfile', kind: 'typo', expect: 'hands-on/dockerfile', also: ['reference/quick-reference', 'reference/glossary'] },
  { query: 'contianer vs vm', kind: 'typo', expect: 'concepts/containers-and-vms', also: ['concepts/containers'] },
  { query: 'docker imgaes', kind: 'typo', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'volumne mount', kind: 'typo', expect: 'hands-on/data-and-networking' },
  { query: 'hypervisior', kind: 'typo', expect: 'concepts/virtual-machines', also: ['reference/glossary'] },
  { query: 'namspaces', kind: 'typo', expect: 'concepts/docker', also: ['reference/glossary'] },
  { query: 'dockerignroe', kind: 'typo', expect: 'hands-on/dockerfile' },
  { query: 'multi stgae build', kind: 'typo', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'docker compsoe watch', kind: 'typo', expect: 'hands-on/development-loop', also: ['reference/quick-reference', 'reference/glossary'] },
  { query: 'helthcheck', kind: 'typo', expect: 'hands-on/compose', also: ['reference/glossary'] },
  { query: 'regsitry push', kind: 'typo', expect: 'hands-on/share-an-image' },
  { query: 'cgroup memroy limit', kind: 'typo', expect: 'hands-on/limits', also: ['concepts/docker'] },
  {
    query: 'docker exce',
    kind: 'typo',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  { query: 'bind moutn', kind: 'typo', expect: 'hands-on/data-and-networking', also: ['hands-on/development-loop', 'reference/glossary'] },
  { query: 'glosary', kind: 'typo', expect: 'reference/glossary' },

  // error
  {
    query: 'docker: Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock',
    kind: 'error',
    expect: 'hands-on/first-container',
    also: ['hands-on/security'],
  },
  {
    query: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    kind: 'error',
    expect: 'hands-on/first-container',
  },
  { query: 'Bind for 0.0.0.0:8080 failed: port is already allocated', kind: 'error', expect: 'hands-on/first-container' },
  {
    query: 'Conflict. The container name "/web" is already in use by container',
    kind: 'error',
    expect: 'hands-on/first-container',
    also: ['hands-on/images-and-containers'],
  }, // not answered at 913ff3a
  { query: 'denied: requested access to the resource is denied', kind: 'error', expect: 'hands-on/share-an-image' },
  {
    query: "Unable to find image 'hello-world:latest' locally",
    kind: 'error',
    expect: 'hands-on/first-container',
    also: ['hands-on/share-an-image'],
  },
  { query: 'Exited (137)', kind: 'error', expect: 'hands-on/when-a-container-fails', also: ['hands-on/limits', 'reference/glossary'] },
  { query: '"OOMKilled": true', kind: 'error', expect: 'hands-on/limits', also: ['hands-on/when-a-container-fails', 'reference/glossary'] },
  {
    query: 'conflict: unable to remove repository reference "myapp" (must force) - container is using its referenced image',
    kind: 'error',
    expect: 'hands-on/images-and-containers',
  },
  { query: 'no space left on device', kind: 'error', expect: 'hands-on/images-and-containers' },
  { query: 'getaddrinfo ENOTFOUND db', kind: 'error', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'Error: connect ECONNREFUSED 127.0.0.1:5432', kind: 'error', expect: 'hands-on/data-and-networking' },
  { query: 'COPY failed: file not found in build context or excluded by .dockerignore', kind: 'error', expect: 'hands-on/dockerfile' },
  { query: 'exec format error', kind: 'error', expect: 'hands-on/share-an-image' },
  { query: "Error: EACCES: permission denied, open '/app/data.json'", kind: 'error', expect: 'hands-on/dockerfile' },
  {
    query: 'manifest for myapp:latest not found: manifest unknown',
    kind: 'error',
    expect: 'hands-on/images-and-containers',
    also: ['hands-on/share-an-image'],
  }, // not answered at 913ff3a
  { query: 'dependency failed to start: container db is unhealthy', kind: 'error', expect: 'hands-on/compose' },
  { query: 'Read-only file system', kind: 'error', expect: 'hands-on/security' },
  { query: "Error: Cannot find module 'express'", kind: 'error', expect: 'hands-on/development-loop' }, // not answered at 913ff3a
  { query: 'exec: "bash": executable file not found in $PATH', kind: 'error', expect: 'hands-on/when-a-container-fails' },
  { query: 'http: server gave HTTP response to HTTPS client', kind: 'error', expect: 'hands-on/share-an-image' },
  { query: "docker: 'compose' is not a docker command", kind: 'error', expect: 'hands-on/compose' }, // not answered at 913ff3a

  // task
  { query: 'how do i stop all running containers', kind: 'task', expect: 'hands-on/images-and-containers' },
  {
    query: 'remove all stopped containers',
    kind: 'task',
    expect: 'hands-on/images-and-containers',
    also: ['hands-on/first-container', 'reference/quick-reference'],
  },
  { query: 'free up disk space used by docker', kind: 'task', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  {
    query: 'how do i get a shell inside a running container',
    kind: 'task',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  { query: 'copy a file out of a container', kind: 'task', expect: 'hands-on/when-a-container-fails', also: ['reference/quick-reference'] },
  { query: 'publish my image to docker hub', kind: 'task', expect: 'hands-on/share-an-image' },
  { query: 'run a private registry on my machine', kind: 'task', expect: 'hands-on/share-an-image', also: ['reference/quick-reference'] },
  { query: 'keep postgres data between restarts', kind: 'task', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'connect two containers on the same network', kind: 'task', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'limit how much ram a container can use', kind: 'task', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  {
    query: 'run the container as a non root user',
    kind: 'task',
    expect: 'hands-on/security',
    also: ['hands-on/dockerfile', 'reference/quick-reference'],
  },
  { query: 'scan my image for vulnerabilities', kind: 'task', expect: 'hands-on/security', also: ['reference/quick-reference'] },
  {
    query: 'make the container filesystem read only',
    kind: 'task',
    expect: 'hands-on/security',
    also: ['reference/quick-reference', 'reference/glossary'],
  },
  { query: 'reload node app automatically when i edit files', kind: 'task', expect: 'hands-on/development-loop' },
  { query: 'run three copies of a service', kind: 'task', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'update the web service without restarting the database', kind: 'task', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'find out why a container crashed', kind: 'task', expect: 'hands-on/when-a-container-fails' },
  { query: 'install docker on ubuntu', kind: 'task', expect: 'hands-on/first-container', also: ['resources'] },
  { query: 'make a container start again after reboot', kind: 'task', expect: 'hands-on/when-a-container-fails', also: ['reference/glossary'] },
  { query: 'make my node image smaller', kind: 'task', expect: 'hands-on/dockerfile', also: ['hands-on/images-and-containers'] },
  { query: 'serve a static site with nginx', kind: 'task', expect: 'hands-on/data-and-networking', also: ['hands-on/first-container'] },
  { query: 'see the environment variables of a container', kind: 'task', expect: 'hands-on/when-a-container-fails' },

  // resource
  { query: 'docker cheat sheet pdf', kind: 'resource', expect: 'resources', also: ['reference/quick-reference'] },
  { query: 'docker tutorial for beginners video', kind: 'resource', expect: 'resources' },
  { query: 'good book to learn docker', kind: 'resource', expect: 'resources' },
  { query: 'play with docker online', kind: 'resource', expect: 'resources' },
  { query: 'official docker documentation', kind: 'resource', expect: 'resources', also: ['reference/index'] },
  { query: 'free docker course', kind: 'resource', expect: 'resources', also: ['index'] },
  { query: 'docker compose tutorial', kind: 'resource', expect: 'hands-on/compose', also: ['resources'] },
  { query: 'learn kubernetes after docker', kind: 'resource', expect: 'resources' },
  { query: 'dockerfile best practices article', kind: 'resource', expect: 'resources', also: ['hands-on/dockerfile'] },
  { query: 'interactive docker playground in the browser', kind: 'resource', expect: 'resources' },
  { query: 'docker youtube channel', kind: 'resource', expect: 'resources' },
  { query: 'list of docker commands', kind: 'resource', expect: 'reference/quick-reference', also: ['resources'] },
  { query: 'glossary of container terms', kind: 'resource', expect: 'reference/glossary' },
  { query: 'container security best practices guide', kind: 'resource', expect: 'resources', also: ['hands-on/security'] },
  { query: 'article on namespaces and cgroups', kind: 'resource', expect: 'resources', also: ['concepts/docker'] },
  { query: 'docker for node.js developers tutorial', kind: 'resource', expect: 'resources', also: ['hands-on/dockerfile'] },
];
