import path from 'node:path';

/**
 * Whether `target` lies inside the folder `folder` (both absolute, already resolved or real paths).
 * Confinement checks all ask this, and they used to disagree about the folder itself: say which
 * answer you need. `'folder-itself': 'inside'` suits "is this file under content/"; `'outside'`
 * suits "may this be imported", where the folder is not a file.
 */
export function isInside(folder: string, target: string, options: { folderItself: 'inside' | 'outside' } = { folderItself: 'inside' }): boolean {
  const relative = path.relative(folder, target);
  if (relative === '') return options.folderItself === 'inside';
  return !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}
