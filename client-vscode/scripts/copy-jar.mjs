// prepackage: puts the server jar built by Maven into the extension (server/ptree.jar).
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(here, '..', '..', 'server', 'target', 'ptree.jar');
const target = resolve(here, '..', 'server', 'ptree.jar');

if (!existsSync(source)) {
  console.error(
    `error: ${source} has not been built.\n` +
      `Build the server first, at the repository root:  mvn -B package -DskipTests\n` +
      `then run "npm run package" again.`,
  );
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
const mb = (statSync(target).size / 1024 / 1024).toFixed(1);
console.log(`copied ${source} -> ${join('server', 'ptree.jar')} (${mb} MiB)`);
