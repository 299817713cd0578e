import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  collectorsToTurnOff,
  jvmOptionsPath,
  missingJarMessage,
  parseRulesListing,
  serverCommand,
  serverJarPath,
  startupCacheArgs,
} from '../src/lib/launch';

test('the server runs as <java> @<shared options> <start-up cache> <extra JVM args> -jar <jar> serve', () => {
  const jar = serverJarPath('/home/u/.vscode/extensions/ptree.ptree-0.1.0');
  assert.equal(jar, path.join('/home/u/.vscode/extensions/ptree.ptree-0.1.0', 'server', 'ptree.jar'));
  const options = jvmOptionsPath(jar);
  assert.equal(options, path.join('/home/u/.vscode/extensions/ptree.ptree-0.1.0', 'server', 'ptree-serve.jvmopts'));
  assert.deepEqual(
    serverCommand('/usr/bin/java', jar, ['-Xmx512m', '-XX:+UseSerialGC'], {
      optionsFile: options,
      cacheArgs: ['-XX:SharedArchiveFile=' + jar + '.serve.jsa'],
    }),
    {
      command: '/usr/bin/java',
      args: ['@' + options, '-XX:SharedArchiveFile=' + jar + '.serve.jsa', '-Xmx512m', '-XX:+UseSerialGC', '-jar', jar, 'serve'],
    },
  );
  // no options file packaged: the JVM's defaults, and the user's arguments still apply
  assert.deepEqual(serverCommand('java', '/x/ptree.jar', []), { command: 'java', args: ['-jar', '/x/ptree.jar', 'serve'] });
});

test('the shared options file is the repository one, in java @file syntax', () => {
  const shared = path.join(__dirname, '..', '..', '..', 'bin', 'ptree-serve.jvmopts');
  const lines = fs
    .readFileSync(shared, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  assert.ok(lines.length > 0);
  for (const line of lines) {
    assert.match(line, /^-[A-Za-z]/, `one JVM option a line: ${line}`);
  }
  assert.ok(lines.some((l) => l.startsWith('-Xss')), 'deep YAML needs the thread stack option');
  assert.ok(lines.includes('-XX:+DisplayVMOutputToStderr'), 'stdout carries the protocol');
});

test("a collector chosen in the user's arguments replaces the shared one", () => {
  const shared = '# comment\n-XX:+UseSerialGC\n-Xss4m\n';
  assert.deepEqual(collectorsToTurnOff(shared, ['-XX:+UseG1GC', '-Xmx2g']), ['-XX:-UseSerialGC']);
  assert.deepEqual(collectorsToTurnOff(shared, ['-XX:+UseSerialGC']), []);
  assert.deepEqual(collectorsToTurnOff(shared, ['-Xmx2g']), []);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptree-launch-'));
  try {
    const options = path.join(dir, 'ptree-serve.jvmopts');
    fs.writeFileSync(options, shared);
    assert.deepEqual(serverCommand('java', '/x/ptree.jar', ['-XX:+UseParallelGC'], { optionsFile: options }).args, [
      '@' + options,
      '-XX:-UseSerialGC',
      '-XX:+UseParallelGC',
      '-jar',
      '/x/ptree.jar',
      'serve',
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the start-up cache: recorded on first use, used once newer than the jar; AOT on Java 25+', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptree-launch-'));
  try {
    const jar = path.join(dir, 'ptree.jar');
    fs.writeFileSync(jar, 'jar');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(jar, old, old);
    assert.deepEqual(startupCacheArgs(jar, 17), ['-XX:ArchiveClassesAtExit=' + jar + '.serve.jsa']);
    assert.deepEqual(startupCacheArgs(jar, 25), ['-Xlog:aot*=off:stderr', '-XX:AOTCacheOutput=' + jar + '.serve.aot']);
    fs.writeFileSync(jar + '.serve.jsa', 'archive');
    fs.writeFileSync(jar + '.serve.aot', 'cache');
    assert.deepEqual(startupCacheArgs(jar, 21), ['-XX:SharedArchiveFile=' + jar + '.serve.jsa']);
    assert.deepEqual(startupCacheArgs(jar, 26), ['-Xlog:aot*=off:stderr', '-XX:AOTCache=' + jar + '.serve.aot']);
    // a jar rebuilt after the cache: record again
    fs.utimesSync(jar, new Date(), new Date(Date.now() + 60_000));
    assert.deepEqual(startupCacheArgs(jar, 17), ['-XX:ArchiveClassesAtExit=' + jar + '.serve.jsa']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
