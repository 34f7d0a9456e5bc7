import { describe, expect, it } from 'vitest';
import { frontmatter, validate } from './helpers.ts';

const page = (extra: string) => `${frontmatter('A lesson', extra)}\nBody.\n`;

describe('content check: lesson time and goals in the frontmatter', () => {
  it('accepts duration, objectives and prerequisites that link to existing pages', () => {
    const problems = validate({
      'concepts/containers.md': `${frontmatter('Containers')}\n## Namespaces\n`,
      'concepts/index.md': frontmatter('Concepts'),
      'hands-on/run.md': page(
        'duration: 20\nobjectives:\n  - Run a container\n  - Stop it again\nprerequisites:\n  - ../concepts/containers.md#namespaces\n  - ../../concepts/\n  - /concepts/containers/\n',
      ),
    });
    expect(problems).toEqual([]);
  });

  it('fails a prerequisite that is not a page, at its own line, the way a broken link fails', () => {
    const problems = validate({
      'concepts/containers.md': `${frontmatter('Containers')}\n## Namespaces\n`,
      'hands-on/run.md': page(
        'prerequisites:\n  - ../concepts/containers.md\n  - ../concepts/vms.md\n  - ../concepts/containers.md#cgroups\n  - https://docs.docker.com/\n',
      ),
    });
    expect(problems).toEqual([
      {
        file: 'content/docs/hands-on/run.md',
        line: 6,
        message: expect.stringMatching(
          /^prerequisites: link "\.\.\/concepts\/vms\.md" points to content\/docs\/concepts\/vms\.md, which does not exist\./,
        ),
      },
      {
        file: 'content/docs/hands-on/run.md',
        line: 7,
        message: expect.stringMatching(
          /^prerequisites: link "\.\.\/concepts\/containers\.md#cgroups" points to #cgroups, which is not a heading or id/,
        ),
      },
      {
        file: 'content/docs/hands-on/run.md',
        line: 8,
        message:
          'prerequisites: "https://docs.docker.com/" is not a page of this site. A prerequisite is the path of another page\'s .md file, such as ../concepts/containers.md.',
      },
    ]);
  });

  it('fails a prerequisite that is a draft in a production build', () => {
    const problems = validate(
      { 'draft.md': `${frontmatter('Draft', 'draft: true\n')}`, 'lesson.md': page('prerequisites:\n  - ./draft.md\n') },
      { production: true },
    );
    expect(problems).toEqual([
      {
        file: 'content/docs/lesson.md',
        line: 5,
        message: expect.stringContaining('prerequisites: link "./draft.md" points to content/docs/draft.md, a draft'),
      },
    ]);
  });

  it('fails bad values with the field and line, and says what is expected', () => {
    const problems = validate({
      'a.md': page('duration: 12.5\nobjectives: Learn Docker\n'),
      'b.md': page('duration: 0\nobjectives: []\nprerequisites:\n  - ""\n'),
    });
    expect(problems).toEqual([
      {
        file: 'content/docs/a.md',
        line: 4,
        message: 'invalid frontmatter field duration: duration is whole minutes, such as 20 (got number 12.5); fix the value in the frontmatter.',
      },
      {
        file: 'content/docs/a.md',
        line: 5,
        message: 'invalid frontmatter field objectives: expected array (got "Learn Docker"); fix the value in the frontmatter.',
      },
      {
        file: 'content/docs/b.md',
        line: 4,
        message: 'invalid frontmatter field duration: duration is a number of minutes above 0 (got number 0); fix the value in the frontmatter.',
      },
      {
        file: 'content/docs/b.md',
        line: 5,
        message:
          'invalid frontmatter field objectives: objectives needs at least one entry, or leave the field out (got a list); fix the value in the frontmatter.',
      },
      {
        file: 'content/docs/b.md',
        line: 7,
        message:
          'invalid frontmatter field prerequisites.0: a prerequisite cannot be empty; write a link such as ../concepts/containers.md (got ""); fix the value in the frontmatter.',
      },
    ]);
  });
});

describe('content check: prerequisites that lead back', () => {
  it('refuses a page that lists itself, however the link is written', () => {
    for (const href of ['./lesson.md', 'lesson.md#intro', '/lesson/']) {
      expect(validate({ 'lesson.md': `${page(`prerequisites:\n  - ${href}\n`)}\n## Intro\n` }), href).toEqual([
        {
          file: 'content/docs/lesson.md',
          line: 5,
          message: `prerequisites: "${href}" is this page itself, so a reader could never start it. Remove it.`,
        },
      ]);
    }
  });

  it('refuses a loop of two or three pages at each link in it, naming the loop', () => {
    const problems = validate({
      'a.md': page('prerequisites:\n  - ./b.md\n'),
      // A URL link, resolved from b's URL /b/ (a file link would be ./c/index.md).
      'b.md': page('prerequisites:\n  - ../c/\n'),
      'c/index.md': page('prerequisites:\n  - ../a.md\n'),
      'd.md': page('prerequisites:\n  - ./a.md\n'),
    });
    expect(problems).toEqual([
      {
        file: 'content/docs/a.md',
        line: 5,
        message: expect.stringContaining(
          'prerequisites: "./b.md" makes a loop (content/docs/a.md → content/docs/b.md → content/docs/c/index.md → content/docs/a.md)',
        ),
      },
      {
        file: 'content/docs/b.md',
        line: 5,
        message: expect.stringContaining(
          '"../c/" makes a loop (content/docs/b.md → content/docs/c/index.md → content/docs/a.md → content/docs/b.md)',
        ),
      },
      {
        file: 'content/docs/c/index.md',
        line: 5,
        message: expect.stringContaining(
          '"../a.md" makes a loop (content/docs/c/index.md → content/docs/a.md → content/docs/b.md → content/docs/c/index.md)',
        ),
      },
    ]);
    expect(problems[0]!.message).toContain('Remove the prerequisite from one of these pages.');
  });

  it('accepts a chain and a diamond that never lead back', () => {
    expect(
      validate({
        'a.md': page('prerequisites:\n  - ./b.md\n  - ./c.md\n'),
        'b.md': page('prerequisites:\n  - ./d.md\n'),
        'c.md': page('prerequisites:\n  - ./d.md\n'),
        'd.md': page(''),
      }),
    ).toEqual([]);
  });
});
