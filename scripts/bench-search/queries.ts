/**
 * What learners type into search, each with the page that answers it. Pages are named by slug (the
 * path under content/docs without the extension), so rewording a lesson does not break the set;
 * `also` lists pages that answer the question well enough to count as a hit too.
 *
 * Kinds: a topic word or phrase, a command or flag as typed in a terminal, a question in plain
 * English, and a typo (the benchmark applies the first "Did you mean" suggestion, one keypress, as
 * a reader would; before suggestions existed it takes the results as shown).
 */
import type { BlindQueryKind } from './blind-queries.ts';

export type QueryKind = 'topic' | 'command' | 'question' | 'typo';
/** The kinds of the blind set (blind-queries.ts) as well: the benchmark scores both alike. */
export type AnyQueryKind = QueryKind | BlindQueryKind;

export interface LearnerQuery {
  query: string;
  kind: AnyQueryKind;
  expect: string;
  also?: string[];
}

const GLOSSARY = 'reference/glossary';
const QUICK_REF = 'reference/quick-reference';

export const LEARNER_QUERIES: LearnerQuery[] = [
  // Topics
  { kind: 'topic', query: 'volumes', expect: 'hands-on/data-and-networking', also: [GLOSSARY] },
  { kind: 'topic', query: 'bind mount', expect: 'hands-on/data-and-networking', also: [GLOSSARY] },
  { kind: 'topic', query: 'cgroups', expect: 'concepts/docker', also: [GLOSSARY] },
  { kind: 'topic', query: 'namespace', expect: 'concepts/docker', also: ['concepts/containers', GLOSSARY] },
  { kind: 'topic', query: 'OCI', expect: 'concepts/docker', also: [GLOSSARY] },
  { kind: 'topic', query: 'multi-stage build', expect: 'hands-on/dockerfile', also: [GLOSSARY] },
  { kind: 'topic', query: 'hypervisor', expect: 'concepts/virtual-machines', also: [GLOSSARY] },
  { kind: 'topic', query: 'bare-metal hypervisor', expect: 'concepts/virtual-machines', also: [GLOSSARY] },
  { kind: 'topic', query: 'layer caching', expect: 'hands-on/dockerfile', also: ['hands-on/images-and-containers'] },
  { kind: 'topic', query: 'image layers', expect: 'hands-on/images-and-containers', also: ['hands-on/dockerfile', GLOSSARY] },
  { kind: 'topic', query: 'dockerignore', expect: 'hands-on/dockerfile' },
  { kind: 'topic', query: 'docker compose', expect: 'hands-on/compose', also: [QUICK_REF] },
  { kind: 'topic', query: 'user-defined network', expect: 'hands-on/data-and-networking', also: [GLOSSARY] },
  { kind: 'topic', query: 'container DNS', expect: 'hands-on/data-and-networking' },
  { kind: 'topic', query: 'docker hub', expect: 'concepts/docker', also: ['hands-on/images-and-containers', GLOSSARY] },
  { kind: 'topic', query: 'registry', expect: 'hands-on/images-and-containers', also: ['concepts/docker', GLOSSARY] },
  { kind: 'topic', query: 'non-root user', expect: 'hands-on/dockerfile' },
  { kind: 'topic', query: 'image versus container', expect: 'hands-on/images-and-containers', also: ['concepts/containers'] },
  { kind: 'topic', query: 'install docker', expect: 'hands-on/first-container' },
  { kind: 'topic', query: 'docker desktop', expect: 'hands-on/first-container' },
  { kind: 'topic', query: 'shared kernel', expect: 'concepts/containers', also: ['concepts/containers-and-vms'] },
  { kind: 'topic', query: 'healthcheck', expect: 'hands-on/compose', also: [GLOSSARY, QUICK_REF] },
  { kind: 'topic', query: 'scale a service', expect: 'hands-on/compose' },
  { kind: 'topic', query: 'tags', expect: 'hands-on/images-and-containers', also: [GLOSSARY] },
  { kind: 'topic', query: 'digest', expect: 'hands-on/images-and-containers', also: [GLOSSARY] },
  { kind: 'topic', query: 'guest os', expect: 'concepts/virtual-machines', also: [GLOSSARY] },
  { kind: 'topic', query: 'cheat sheet', expect: QUICK_REF },
  // Commands and flags, as typed in a terminal
  { kind: 'command', query: '-v', expect: 'hands-on/data-and-networking', also: [QUICK_REF, 'hands-on/compose'] },
  { kind: 'command', query: '--rm', expect: 'hands-on/first-container', also: [QUICK_REF, 'concepts/containers'] },
  { kind: 'command', query: '-p 8080:80', expect: 'hands-on/first-container', also: [QUICK_REF, 'hands-on/data-and-networking'] },
  { kind: 'command', query: 'docker compose up -d', expect: 'hands-on/compose', also: [QUICK_REF] },
  { kind: 'command', query: '-it', expect: 'hands-on/first-container', also: [QUICK_REF] },
  { kind: 'command', query: '-d', expect: 'hands-on/first-container', also: [QUICK_REF] },
  { kind: 'command', query: 'docker system prune', expect: 'hands-on/images-and-containers', also: [QUICK_REF, 'hands-on/first-container'] },
  { kind: 'command', query: 'docker exec', expect: 'hands-on/images-and-containers', also: [QUICK_REF] },
  { kind: 'command', query: 'docker compose down -v', expect: 'hands-on/compose', also: [QUICK_REF] },
  { kind: 'command', query: 'docker build -t', expect: 'hands-on/dockerfile', also: [QUICK_REF] },
  { kind: 'command', query: 'docker logs -f', expect: 'hands-on/images-and-containers', also: [QUICK_REF, 'hands-on/first-container'] },
  // Questions
  { kind: 'question', query: 'how do containers talk to each other', expect: 'hands-on/data-and-networking' },
  { kind: 'question', query: 'what is a hypervisor', expect: 'concepts/virtual-machines', also: [GLOSSARY] },
  { kind: 'question', query: 'where does container data go', expect: 'hands-on/data-and-networking' },
  { kind: 'question', query: 'how do I make my image smaller', expect: 'hands-on/dockerfile', also: ['hands-on/images-and-containers'] },
  {
    kind: 'question',
    query: 'what is the difference between a container and a virtual machine',
    expect: 'concepts/containers-and-vms',
    also: ['concepts/containers'],
  },
  { kind: 'question', query: 'how can I keep my data when the container is deleted', expect: 'hands-on/data-and-networking' },
  { kind: 'question', query: 'why use docker', expect: 'concepts/docker' },
  // Typos
  { kind: 'typo', query: 'namspace', expect: 'concepts/docker', also: ['concepts/containers', GLOSSARY] },
  { kind: 'typo', query: 'netwrok', expect: 'hands-on/data-and-networking' },
  { kind: 'typo', query: 'hypervisr', expect: 'concepts/virtual-machines', also: [GLOSSARY] },
  { kind: 'typo', query: 'dockerfille', expect: 'hands-on/dockerfile' },
  { kind: 'typo', query: 'volumne', expect: 'hands-on/data-and-networking', also: [GLOSSARY] },
  { kind: 'typo', query: 'compse', expect: 'hands-on/compose' },
  { kind: 'typo', query: 'kernal', expect: 'concepts/containers', also: [GLOSSARY, 'concepts/containers-and-vms'] },
];
