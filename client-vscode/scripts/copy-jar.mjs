// prepackage: puts the server jar built by Maven into the extension (server/ptree.jar), with the
// JVM options the server starts with (bin/ptree-serve.jvmopts, shared with bin/ptree serve).
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(here, '..', '..', 'server', 'target', 'ptree.jar');
const target = resolve(here, '..', 'server', 'ptree.jar');
const options = resolve(here, '..', '..', 'bin', 'ptree-serve.jvmopts');

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
copyFileSync(options, join(dirname(target), 'ptree-serve.jvmopts'));
const mb = (statSync(target).size / 1024 / 1024).toFixed(1);
console.log(`copied ${source} -> ${join('server', 'ptree.jar')} (${mb} MiB) and ${join('server', 'ptree-serve.jvmopts')}`);
