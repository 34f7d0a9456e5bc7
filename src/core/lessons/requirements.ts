/**
 * What a lesson step may need from the engine that runs it, by the names annotations and
 * frontmatter use. An engine lists the ones it meets (EngineInfo.provides); a step needing one it
 * lacks is skipped with the reason below, never passed. The list is closed so that a misspelled
 * requirement is a content error, not a step that silently never runs.
 */
export const REQUIREMENTS = {
  'cgroup-v2': 'the engine runs on cgroup v2',
  'docker-hub-login': 'a Docker Hub account is signed in (docker login, docker push)',
  'desktop-only': 'Docker Desktop (docker debug, the Desktop app)',
  'multi-platform': 'builds and runs images for a second CPU architecture',
  registry: 'images can be pulled from or pushed to an outside registry',
  internet: 'containers can reach the internet',
} as const;

export type Requirement = keyof typeof REQUIREMENTS;

export const REQUIREMENT_NAMES = Object.keys(REQUIREMENTS) as Requirement[];

export function isRequirement(name: string): name is Requirement {
  return Object.hasOwn(REQUIREMENTS, name);
}
