import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { missingJarMessage, parseRulesListing, serverCommand, serverJarPath } from '../src/lib/launch';

test('the server runs as <java> <extra JVM args> -jar <jar> serve', () => {
  const jar = serverJarPath('/home/u/.vscode/extensions/ptree.ptree-0.1.0');
  assert.equal(jar, path.join('/home/u/.vscode/extensions/ptree.ptree-0.1.0', 'server', 'ptree.jar'));
  assert.deepEqual(serverCommand('/usr/bin/java', jar, ['-Xmx512m', '-XX:+UseSerialGC']), {
    command: '/usr/bin/java',
    args: ['-Xmx512m', '-XX:+UseSerialGC', '-jar', jar, 'serve'],
  });
  assert.deepEqual(serverCommand('java', '/x/ptree.jar', []), { command: 'java', args: ['-jar', '/x/ptree.jar', 'serve'] });
});

test('a missing jar says how to build it', () => {
  assert.match(missingJarMessage('/ext/server/ptree.jar'), /mvn -B package -DskipTests/);
  assert.match(missingJarMessage('/ext/server/ptree.jar'), /npm run package/);
});

test('parseRulesListing reads `ptree rules`', () => {
  const out = [
    'PT100  yaml-syntax            syntax              error    YAML that PyYAML\'s safe_load refuses',
    'PT303  reserved-vs-total      comparison          error    reserved greater than or equal to total',
    '',
    'not a rule line',
  ].join('\n');
  assert.deepEqual(parseRulesListing(out), [
    { code: 'PT100', name: 'yaml-syntax', description: "YAML that PyYAML's safe_load refuses" },
    { code: 'PT303', name: 'reserved-vs-total', description: 'reserved greater than or equal to total' },
  ]);
});
