import { describe, expect, it } from 'vitest';
import { checkProvides, UsageError } from '../../scripts/lessons/cli-options.ts';
import { planPage } from '../../scripts/lessons/plan.ts';

// The runner judges requirement names by the course's settings (lessonRequirements), as the build does.
const page = [
  '---',
  'title: Cluster basics',
  'lesson:',
  '  needs: [cluster-admin]',
  '---',
  '',
  '<!-- lesson: needs=registry -->',
  '```sh',
  'kubectl get pods',
  '```',
  '',
].join('\n');

describe("the runner's plan of a page", () => {
  it("takes the requirements another course declares, and none of the Docker course's unless declared", () => {
    expect(planPage('docs/basics.md', page, ['cluster-admin', 'registry']).problems).toEqual([]);
    const plan = planPage('docs/basics.md', page, ['cluster-admin', 'gpu']);
    expect(plan.problems).toEqual([
      {
        line: 7,
        message:
          'lesson annotation: needs=registry is not a requirement this course declares. Use one of: cluster-admin, gpu; or declare it in lessonRequirements in the site settings (src/site.config.ts, or the file DOCS_SITE_CONFIG names).',
      },
    ]);
    expect(planPage('docs/basics.md', page, ['registry']).problems).toEqual([
      {
        line: 1,
        message: expect.stringMatching(/^frontmatter lesson\.needs: cluster-admin is not a requirement this course declares\. Use one of: registry;/),
      },
    ]);
  });

  it('refuses --provides names the course does not declare, naming the ones it does', () => {
    expect(() => checkProvides(['registry'], ['registry', 'gpu'])).not.toThrow();
    expect(() => checkProvides(['docker-hub-login'], ['registry', 'gpu'])).toThrow(UsageError);
    expect(() => checkProvides(['docker-hub-login'], ['registry', 'gpu'])).toThrow(
      '--provides: docker-hub-login is not a requirement of this course; use registry, gpu.',
    );
    expect(() => checkProvides(['gpu'], [])).toThrow('the site settings declare none (lessonRequirements)');
  });
});
