/**
 * Second blind evaluation set for the site search: 160 learner queries, each with the page a
 * learner should land on first (`expect`) and other pages that answer it well enough (`also`).
 *
 * Written 2026-12-07 by an engineer of the team working in the wt-blind2 worktree, against the
 * content at commit 2f947b3 (content/docs/ and content/links.yaml).
 *
 * Method: all 160 queries were written first, from the list of page titles and one-line
 * descriptions only, in the words learners type (lowercase, short, sloppy, pasted errors, commands
 * with flags, misspellings). Only then were the page bodies read and each query given its pages.
 * No query was dropped or reworded after reading, except one resource query replaced because it
 * duplicated another ("youtube docker crash course" -> "learn kubernetes next"). Entries marked
 * `// not answered at 2f947b3` are ones the course answers only partly or not at all; `expect`
 * names the page where the answer belongs most naturally.
 *
 * The writer never saw the ranking code, the earlier query sets or any search results, so this set
 * can serve as a held-out test for ranking changes.
 */
import type { BlindQuery } from './blind-queries.ts';

export const BLIND_QUERIES_2: BlindQuery[] = [
  // concept
  { query: 'what is a container', kind: 'concept', expect: 'concepts/containers', also: ['concepts/containers-and-vms', 'reference/glossary'] },
  { query: 'container vs virtual machine', kind: 'concept', expect: 'concepts/containers-and-vms', also: ['concepts/containers'] },
  { query: 'what does a hypervisor do', kind: 'concept', expect: 'concepts/virtual-machines', also: ['reference/glossary'] },
  { query: 'difference between image and container', kind: 'concept', expect: 'hands-on/images-and-containers' },
  { query: 'image layers explained', kind: 'concept', expect: 'hands-on/images-and-containers', also: ['concepts/docker'] },
  { query: 'linux namespaces', kind: 'concept', expect: 'concepts/docker', also: ['reference/glossary'] },
  { query: 'what are cgroups', kind: 'concept', expect: 'concepts/docker', also: ['hands-on/limits', 'reference/glossary'] },
  { query: 'what is docker compose', kind: 'concept', expect: 'hands-on/compose', also: ['concepts/docker', 'reference/glossary'] },
  { query: 'volume vs bind mount', kind: 'concept', expect: 'hands-on/data-and-networking' },
  { query: 'what is a docker registry', kind: 'concept', expect: 'hands-on/share-an-image', also: ['reference/glossary'] },
  { query: 'what is a dockerfile', kind: 'concept', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'tag vs digest', kind: 'concept', expect: 'hands-on/images-and-containers', also: ['reference/glossary'] },
  { query: 'build context', kind: 'concept', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'multi stage builds', kind: 'concept', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'port mapping', kind: 'concept', expect: 'hands-on/first-container', also: ['hands-on/data-and-networking', 'reference/glossary'] },
  { query: 'why are containers so lightweight', kind: 'concept', expect: 'concepts/containers', also: ['concepts/containers-and-vms'] },
  { query: 'layer caching', kind: 'concept', expect: 'hands-on/dockerfile' },
  { query: 'type 1 vs type 2 hypervisor', kind: 'concept', expect: 'concepts/virtual-machines', also: ['reference/glossary'] },
  { query: 'restart policy', kind: 'concept', expect: 'hands-on/when-a-container-fails', also: ['reference/glossary'] },
  { query: 'linux capabilities', kind: 'concept', expect: 'hands-on/security', also: ['concepts/docker', 'reference/glossary'] },
  { query: 'oom killer', kind: 'concept', expect: 'hands-on/limits', also: ['hands-on/when-a-container-fails', 'reference/glossary'] },
  { query: 'docker desktop vs docker engine', kind: 'concept', expect: 'hands-on/first-container', also: ['concepts/docker'] },
  { query: 'container dns service discovery', kind: 'concept', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'healthcheck', kind: 'concept', expect: 'hands-on/compose', also: ['reference/glossary'] },

  // command
  { query: 'docker run hello-world', kind: 'command', expect: 'hands-on/first-container' },
  { query: 'docker build -t myapp .', kind: 'command', expect: 'hands-on/dockerfile', also: ['reference/quick-reference'] },
  { query: 'docker images', kind: 'command', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'docker rm', kind: 'command', expect: 'hands-on/images-and-containers', also: ['hands-on/first-container', 'reference/quick-reference'] },
  { query: 'docker rmi', kind: 'command', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  {
    query: 'docker exec -it mycontainer sh',
    kind: 'command',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  {
    query: 'docker logs',
    kind: 'command',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'hands-on/first-container', 'reference/quick-reference'],
  },
  {
    query: 'docker inspect',
    kind: 'command',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  { query: 'docker compose up', kind: 'command', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'docker compose down -v', kind: 'command', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'docker push', kind: 'command', expect: 'hands-on/share-an-image', also: ['reference/quick-reference'] },
  { query: 'docker login', kind: 'command', expect: 'hands-on/share-an-image', also: ['reference/quick-reference'] },
  { query: 'docker tag', kind: 'command', expect: 'hands-on/share-an-image', also: ['hands-on/images-and-containers', 'reference/quick-reference'] },
  { query: 'docker pull nginx', kind: 'command', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'docker stats', kind: 'command', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  { query: 'docker volume create', kind: 'command', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  { query: 'docker network create mynet', kind: 'command', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  { query: 'docker system prune', kind: 'command', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'docker scout cves', kind: 'command', expect: 'hands-on/security', also: ['reference/quick-reference'] },
  { query: 'docker compose watch', kind: 'command', expect: 'hands-on/development-loop', also: ['reference/quick-reference', 'reference/glossary'] },
  {
    query: 'docker stop',
    kind: 'command',
    expect: 'hands-on/images-and-containers',
    also: ['hands-on/first-container', 'reference/quick-reference'],
  },
  { query: 'docker debug', kind: 'command', expect: 'hands-on/when-a-container-fails', also: ['reference/quick-reference'] },

  // flag
  { query: 'docker run -p 8080:80', kind: 'flag', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  { query: 'what does -d do', kind: 'flag', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  { query: '-it flag', kind: 'flag', expect: 'hands-on/first-container', also: ['hands-on/when-a-container-fails', 'reference/quick-reference'] },
  { query: '--rm', kind: 'flag', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  { query: '-v flag docker run', kind: 'flag', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  { query: '--memory 512m', kind: 'flag', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  { query: '--cpus', kind: 'flag', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  { query: '--read-only', kind: 'flag', expect: 'hands-on/security', also: ['reference/quick-reference', 'reference/glossary'] },
  { query: '--cap-drop ALL', kind: 'flag', expect: 'hands-on/security', also: ['reference/quick-reference', 'reference/glossary'] },
  {
    query: '--restart unless-stopped',
    kind: 'flag',
    expect: 'hands-on/when-a-container-fails',
    also: ['reference/quick-reference', 'hands-on/compose'],
  },
  { query: 'docker build -f', kind: 'flag', expect: 'hands-on/dockerfile' }, // not answered at 2f947b3
  { query: '--network', kind: 'flag', expect: 'hands-on/data-and-networking', also: ['reference/quick-reference'] },
  { query: '--name', kind: 'flag', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  { query: '-e flag environment', kind: 'flag', expect: 'reference/quick-reference', also: ['hands-on/compose'] },
  { query: '--user 1000', kind: 'flag', expect: 'hands-on/security', also: ['reference/quick-reference', 'hands-on/development-loop'] },
  { query: '--scale web=3', kind: 'flag', expect: 'hands-on/compose', also: ['reference/quick-reference'] },

  // question
  {
    query: 'why does my container exit immediately',
    kind: 'question',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/first-container'],
  },
  {
    query: 'does docker work on windows',
    kind: 'question',
    expect: 'hands-on/first-container',
    also: ['concepts/containers', 'concepts/containers-and-vms'],
  },
  { query: 'where are docker images stored', kind: 'question', expect: 'hands-on/images-and-containers', also: ['concepts/docker'] }, // not answered at 2f947b3
  {
    query: 'is it safe to add my user to the docker group',
    kind: 'question',
    expect: 'hands-on/security',
    also: ['hands-on/first-container', 'reference/glossary'],
  },
  { query: 'can two containers talk to each other', kind: 'question', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'why is my image so big', kind: 'question', expect: 'hands-on/dockerfile', also: ['hands-on/images-and-containers'] },
  {
    query: 'what happens to my data when i delete a container',
    kind: 'question',
    expect: 'hands-on/data-and-networking',
    also: ['hands-on/images-and-containers'],
  },
  {
    query: 'do i have to rebuild the image every time i change code',
    kind: 'question',
    expect: 'hands-on/development-loop',
    also: ['hands-on/data-and-networking'],
  },
  { query: 'how many containers can i run on one server', kind: 'question', expect: 'concepts/containers-and-vms', also: ['concepts/containers'] },
  { query: 'difference between cmd and entrypoint', kind: 'question', expect: 'hands-on/dockerfile', also: ['reference/quick-reference'] }, // not answered at 2f947b3
  { query: 'why use docker instead of just installing node', kind: 'question', expect: 'concepts/docker', also: ['concepts/containers-and-vms'] },
  { query: "dockerfile vs docker compose what's the difference", kind: 'question', expect: 'hands-on/compose', also: ['reference/glossary'] },
  { query: 'is docker hub free', kind: 'question', expect: 'hands-on/share-an-image', also: ['hands-on/index', 'resources'] },
  {
    query: 'what does exit code 137 mean',
    kind: 'question',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/limits', 'reference/glossary'],
  },
  { query: "why can't my app connect to localhost in another container", kind: 'question', expect: 'hands-on/data-and-networking' },
  { query: 'what is the difference between expose and -p', kind: 'question', expect: 'hands-on/dockerfile', also: ['hands-on/first-container'] },
  { query: 'why do i need sudo for docker', kind: 'question', expect: 'hands-on/first-container', also: ['hands-on/security'] },
  { query: 'how much memory is my container using', kind: 'question', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  { query: 'what came before docker', kind: 'question', expect: 'concepts/docker' },
  { query: 'is a container more or less secure than a vm', kind: 'question', expect: 'concepts/containers-and-vms', also: ['concepts/containers'] },
  {
    query: 'what does latest tag mean',
    kind: 'question',
    expect: 'hands-on/images-and-containers',
    also: ['reference/glossary', 'hands-on/first-container'],
  },
  {
    query: 'does a container have its own kernel',
    kind: 'question',
    expect: 'concepts/containers',
    also: ['concepts/containers-and-vms', 'concepts/docker'],
  },

  // typo
  { query: 'dokcer compose', kind: 'typo', expect: 'hands-on/compose', also: ['reference/glossary', 'reference/quick-reference'] },
  { query: 'contianer', kind: 'typo', expect: 'concepts/containers', also: ['reference/glossary'] },
  { query: 'dockerfiel', kind: 'typo', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },
  { query: 'volumne', kind: 'typo', expect: 'hands-on/data-and-networking', also: ['reference/glossary'] },
  { query: 'hypervisior', kind: 'typo', expect: 'concepts/virtual-machines', also: ['reference/glossary'] },
  { query: 'namepsaces', kind: 'typo', expect: 'concepts/docker', also: ['reference/glossary'] },
  { query: 'docker comopse up', kind: 'typo', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'docker biuld', kind: 'typo', expect: 'hands-on/dockerfile', also: ['reference/quick-reference'] },
  { query: 'imgae layers', kind: 'typo', expect: 'hands-on/images-and-containers', also: ['concepts/docker'] },
  { query: 'docekr run -p', kind: 'typo', expect: 'hands-on/first-container', also: ['reference/quick-reference'] },
  { query: 'virtaul machine', kind: 'typo', expect: 'concepts/virtual-machines', also: ['concepts/containers-and-vms', 'reference/glossary'] },
  { query: 'registy push', kind: 'typo', expect: 'hands-on/share-an-image' },
  { query: 'healtcheck', kind: 'typo', expect: 'hands-on/compose', also: ['reference/glossary'] },
  { query: 'cgruops', kind: 'typo', expect: 'concepts/docker', also: ['hands-on/limits', 'reference/glossary'] },
  { query: 'ngnix container', kind: 'typo', expect: 'hands-on/first-container', also: ['hands-on/images-and-containers'] },
  { query: 'mutli stage build', kind: 'typo', expect: 'hands-on/dockerfile', also: ['reference/glossary'] },

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
  {
    query: 'Conflict. The container name "/web" is already in use by container',
    kind: 'error',
    expect: 'hands-on/first-container',
    also: ['hands-on/images-and-containers'],
  }, // not answered at 2f947b3
  { query: "Unable to find image 'myapp:latest' locally", kind: 'error', expect: 'hands-on/first-container', also: ['hands-on/share-an-image'] },
  {
    query: "pull access denied for myapp, repository does not exist or may require 'docker login'",
    kind: 'error',
    expect: 'hands-on/share-an-image',
  }, // not answered at 2f947b3
  { query: 'denied: requested access to the resource is denied', kind: 'error', expect: 'hands-on/share-an-image' }, // not answered at 2f947b3
  { query: 'no space left on device', kind: 'error', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'exited with code 137', kind: 'error', expect: 'hands-on/when-a-container-fails', also: ['hands-on/limits'] },
  { query: '"OOMKilled": true', kind: 'error', expect: 'hands-on/limits', also: ['hands-on/when-a-container-fails', 'reference/glossary'] },
  { query: 'Error response from daemon: container is not running', kind: 'error', expect: 'hands-on/when-a-container-fails' }, // not answered at 2f947b3
  { query: 'exec: "bash": executable file not found in $PATH', kind: 'error', expect: 'hands-on/when-a-container-fails' },
  { query: 'failed to solve: failed to compute cache key: "/package.json": not found', kind: 'error', expect: 'hands-on/dockerfile' }, // not answered at 2f947b3
  { query: 'getaddrinfo ENOTFOUND db', kind: 'error', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'connect ECONNREFUSED 127.0.0.1:5432', kind: 'error', expect: 'hands-on/data-and-networking' },
  { query: 'dependency failed to start: container db is unhealthy', kind: 'error', expect: 'hands-on/compose' },
  {
    query: 'unable to remove repository reference "nginx" (must force) - container is using its referenced image',
    kind: 'error',
    expect: 'hands-on/images-and-containers',
  },
  { query: 'Read-only file system', kind: 'error', expect: 'hands-on/security' },
  { query: "EACCES: permission denied, mkdir '/app/uploads'", kind: 'error', expect: 'hands-on/dockerfile' },
  { query: 'http: server gave HTTP response to HTTPS client', kind: 'error', expect: 'hands-on/share-an-image' }, // not answered at 2f947b3
  { query: 'Restarting (1) 5 seconds ago', kind: 'error', expect: 'hands-on/when-a-container-fails' },
  { query: 'no configuration file provided: not found', kind: 'error', expect: 'hands-on/compose' }, // not answered at 2f947b3

  // task
  {
    query: 'ssh into container',
    kind: 'task',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/images-and-containers', 'reference/quick-reference'],
  },
  {
    query: 'delete all stopped containers',
    kind: 'task',
    expect: 'hands-on/images-and-containers',
    also: ['hands-on/first-container', 'reference/quick-reference'],
  },
  { query: 'docker disk full how to clean up', kind: 'task', expect: 'hands-on/images-and-containers', also: ['reference/quick-reference'] },
  { query: 'shrink image size', kind: 'task', expect: 'hands-on/dockerfile' },
  { query: 'pass env vars to a container', kind: 'task', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'keep database data after container restart', kind: 'task', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'share my image with a friend', kind: 'task', expect: 'hands-on/share-an-image' },
  { query: 'host my own private registry', kind: 'task', expect: 'hands-on/share-an-image', also: ['resources'] },
  { query: 'see why my container crashed', kind: 'task', expect: 'hands-on/when-a-container-fails' },
  { query: 'limit memory of a container', kind: 'task', expect: 'hands-on/limits', also: ['reference/quick-reference'] },
  {
    query: 'auto restart container when it crashes',
    kind: 'task',
    expect: 'hands-on/when-a-container-fails',
    also: ['hands-on/compose', 'reference/quick-reference'],
  },
  { query: 'connect my app container to postgres container', kind: 'task', expect: 'hands-on/data-and-networking', also: ['hands-on/compose'] },
  { query: 'live reload code changes without rebuilding', kind: 'task', expect: 'hands-on/development-loop', also: ['hands-on/data-and-networking'] },
  { query: 'run container as non root', kind: 'task', expect: 'hands-on/security', also: ['hands-on/dockerfile', 'reference/quick-reference'] },
  { query: 'install docker on ubuntu', kind: 'task', expect: 'hands-on/first-container', also: ['resources'] },
  { query: 'copy a file into a running container', kind: 'task', expect: 'reference/quick-reference' },
  { query: 'scan image for vulnerabilities', kind: 'task', expect: 'hands-on/security', also: ['reference/quick-reference'] },
  { query: 'update the web app without restarting the database', kind: 'task', expect: 'hands-on/compose' },
  { query: 'run three instances of a service', kind: 'task', expect: 'hands-on/compose', also: ['reference/quick-reference'] },
  { query: 'wait for postgres to be ready before starting app', kind: 'task', expect: 'hands-on/compose' },
  { query: 'stop all running containers', kind: 'task', expect: 'hands-on/images-and-containers' }, // not answered at 2f947b3
  { query: 'ignore node_modules when building', kind: 'task', expect: 'hands-on/dockerfile' },

  // resource
  { query: 'docker tutorial for beginners video', kind: 'resource', expect: 'resources' },
  { query: 'docker cheat sheet pdf', kind: 'resource', expect: 'resources', also: ['reference/quick-reference'] },
  { query: 'play with docker online', kind: 'resource', expect: 'resources' },
  { query: 'best book to learn docker', kind: 'resource', expect: 'resources' },
  { query: 'official docker docs', kind: 'resource', expect: 'resources', also: ['reference/index'] },
  { query: 'free docker course', kind: 'resource', expect: 'resources', also: ['index'] },
  { query: 'compose file reference', kind: 'resource', expect: 'resources', also: ['reference/index'] },
  { query: 'dockerfile best practices', kind: 'resource', expect: 'resources', also: ['hands-on/dockerfile'] },
  { query: 'learn kubernetes next', kind: 'resource', expect: 'resources' },
  { query: 'interactive docker labs in the browser', kind: 'resource', expect: 'resources' },
  { query: 'docker security best practices article', kind: 'resource', expect: 'resources', also: ['hands-on/security'] },
  { query: 'further reading namespaces cgroups', kind: 'resource', expect: 'resources' },
  { query: 'docker networking deep dive', kind: 'resource', expect: 'resources', also: ['hands-on/data-and-networking'] },
  { query: 'awesome docker list', kind: 'resource', expect: 'resources' },
  { query: 'where to go after this course', kind: 'resource', expect: 'resources', also: ['index'] },
  { query: 'docker podcast or blog to follow', kind: 'resource', expect: 'resources' }, // not answered at 2f947b3
];
