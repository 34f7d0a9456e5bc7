import { z } from 'zod';

/**
 * What a lesson step may need from the engine that runs it (`needs=` in an annotation,
 * `lesson.needs` in frontmatter). The course declares its requirements in its settings
 * (`lessonRequirements`: name → what it means), since only the course knows what its engine can
 * lack; an engine lists the ones it meets, and a step needing one it lacks is skipped with that
 * reason, never passed. The list is closed so that a misspelled requirement is a content error, not
 * a step that silently never runs.
 */

/** How a requirement is named: lower-case letters, digits and dashes, as in `needs=cgroup-v2`. */
export const REQUIREMENT_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The `lessonRequirements` setting: each requirement's name and, in a few words, what it means. */
export const lessonRequirementsSchema = z
  .record(z.string(), z.string().trim().min(1, 'say in a few words what the requirement means, such as "the steps can reach the internet"'))
  .superRefine((requirements, context) => {
    // Checked here rather than as the record's key schema, whose message zod does not pass on.
    for (const name of Object.keys(requirements))
      if (!REQUIREMENT_NAME.test(name))
        context.addIssue({
          code: 'custom',
          message: `"${name}" is not a requirement name: use lower-case letters, digits and dashes, such as internet`,
        });
  });

/**
 * Why `name` cannot be used, or undefined when the course declares it. `known` undefined means the
 * caller has no settings to judge by (the external link checker), so nothing is judged.
 */
export function unknownRequirementProblem(name: string, known: readonly string[] | undefined): string | undefined {
  if (!known || known.includes(name)) return undefined;
  const choice = known.length > 0 ? `Use one of: ${known.join(', ')}; or declare` : 'This course declares none yet: declare';
  return `${name} is not a requirement this course declares. ${choice} it in lessonRequirements in the site settings (src/site.config.ts, or the file DOCS_SITE_CONFIG names).`;
}
