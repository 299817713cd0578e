import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkJavaVersion, findJava, parseJavaVersion } from '../src/lib/java';

const OPENJDK_11 = `openjdk version "11.0.22" 2024-01-16
OpenJDK Runtime Environment (build 11.0.22+7-post-Debian-1deb11u1)
OpenJDK 64-Bit Server VM (build 11.0.22+7-post-Debian-1deb11u1, mixed mode, sharing)
`;
const OPENJDK_17 = `openjdk version "17.0.21.1" 2026-11-17
OpenJDK Runtime Environment (build 17.0.21.1+2-1-deb12u1-Debian)
OpenJDK 64-Bit Server VM (build 17.0.21.1+2-1-deb12u1-Debian, mixed mode, sharing)
`;
const TEMURIN_21 = `openjdk version "21" 2023-09-19 LTS
OpenJDK Runtime Environment Temurin-21+35 (build 21+35-LTS)
OpenJDK 64-Bit Server VM Temurin-21+35 (build 21+35-LTS, mixed mode, sharing)
`;
const ORACLE_8 = `java version "1.8.0_391"
Java(TM) SE Runtime Environment (build 1.8.0_391-b13)
Java HotSpot(TM) 64-Bit Server VM (build 25.391-b13, mixed mode)
`;

test('parseJavaVersion reads the feature release of every vendor format', () => {
  assert.equal(parseJavaVersion(OPENJDK_11), 11);
  assert.equal(parseJavaVersion(OPENJDK_17), 17);
  assert.equal(parseJavaVersion(TEMURIN_21), 21);
  assert.equal(parseJavaVersion(ORACLE_8), 8);
  assert.equal(parseJavaVersion('openjdk version "22-ea" 2024-03-19\n'), 22);
  assert.equal(parseJavaVersion('Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "17.0.2" 2022-01-18\n'), 17);
  assert.equal(parseJavaVersion('openjdk 21.0.1 2023-10-17\n'), 21, 'the `java --version` form');
  assert.equal(parseJavaVersion(''), undefined);
  assert.equal(parseJavaVersion('bash: java: command not found'), undefined);
});

test('Java 11 is rejected with the setting to fix and how to install Java', () => {
  const r = checkJavaVersion('/usr/lib/jvm/java-11/bin/java', 'PATH', OPENJDK_11);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /Java 11/);
    assert.match(r.message, /17 or newer/);
    assert.match(r.message, /ptree\.java\.path/);
    assert.match(r.message, /apt-get install openjdk-17-jre-headless/);
  }
});

test('Java 17 and 21 are accepted', () => {
  assert.deepEqual(checkJavaVersion('java', 'PATH', OPENJDK_17), { ok: true, major: 17 });
  assert.deepEqual(checkJavaVersion('java', 'PATH', TEMURIN_21), { ok: true, major: 21 });
});

test('output without a version is an error that quotes it', () => {
  const r = checkJavaVersion('/opt/odd/java', 'the ptree.java.path setting', 'Error: could not open `lib/jvm.cfg`\n');
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /could not tell the Java version/);
    assert.match(r.message, /jvm\.cfg/);
  }
});

function lookup(executables: string[], settings: { javaPath?: unknown; javaHome?: unknown } = {}, env: { [k: string]: string } = {}) {
  return findJava({ ...settings, env, platform: 'linux', isExecutable: (f) => executables.includes(f) });
}

test('ptree.java.path wins over everything', () => {
  const r = lookup(['/opt/jdk21/bin/java', '/usr/bin/java'], { javaPath: '/opt/jdk21/bin/java' }, { PATH: '/usr/bin' });
  assert.deepEqual(r, { ok: true, java: '/opt/jdk21/bin/java', source: 'the ptree.java.path setting' });
});

test('ptree.java.home is used through its bin/java', () => {
  const r = lookup(['/opt/jdk17/bin/java'], { javaHome: '/opt/jdk17/' });
  assert.deepEqual(r, { ok: true, java: '/opt/jdk17/bin/java', source: 'the ptree.java.home setting' });
});

test('a java.path setting that names nothing is an error naming the setting, not a silent fallback', () => {
  const r = lookup(['/usr/bin/java'], { javaPath: '/nope/java' }, { PATH: '/usr/bin' });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /"ptree\.java\.path" setting names \/nope\/java/);
    assert.match(r.message, /apt-get install openjdk-17-jre-headless/);
  }
});

test('a java.home without bin/java is an error naming that setting', () => {
  const r = lookup([], { javaHome: '/opt/empty' });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /"ptree\.java\.home" setting names \/opt\/empty/);
  }
});

test('JAVA_HOME comes before PATH', () => {
  const r = lookup(['/jh/bin/java', '/usr/bin/java'], {}, { JAVA_HOME: '/jh', PATH: '/usr/local/bin:/usr/bin' });
  assert.deepEqual(r, { ok: true, java: '/jh/bin/java', source: 'JAVA_HOME' });
});

test('a JAVA_HOME without java falls back to PATH', () => {
  const r = lookup(['/usr/bin/java'], {}, { JAVA_HOME: '/gone', PATH: '/usr/local/bin::/usr/bin' });
  assert.deepEqual(r, { ok: true, java: '/usr/bin/java', source: 'PATH' });
});

test('ill-typed or blank settings are treated as unset', () => {
  const r = lookup(['/usr/bin/java'], { javaPath: 42, javaHome: '   ' }, { PATH: '/usr/bin' });
  assert.deepEqual(r, { ok: true, java: '/usr/bin/java', source: 'PATH' });
});

test('a missing Java gives a clear message with the fix', () => {
  const r = lookup([], {}, { PATH: '/usr/bin:/bin' });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /no Java found/);
    assert.match(r.message, /JAVA_HOME is not set/);
    assert.match(r.message, /sudo apt-get install openjdk-17-jre-headless/);
    assert.match(r.message, /"ptree\.java\.path"/);
  }
});

test('on Windows java.exe is looked for along a ;-separated Path', () => {
  const r = findJava({
    env: { Path: 'C:\\Windows;C:\\jdk\\bin' },
    platform: 'win32',
    isExecutable: (f) => f === 'C:\\jdk\\bin\\java.exe',
  });
  assert.deepEqual(r, { ok: true, java: 'C:\\jdk\\bin\\java.exe', source: 'PATH' });
});
