import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project's root (where package.json is), whether running from `dist/` or not. */
export const projectRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();

export const localesDir = join(projectRoot, 'locales');
