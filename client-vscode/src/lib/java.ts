// Finding a Java runtime for the server and checking its version. No `vscode` import: the
// extension passes in the settings, the environment and a file-existence check, so all of
// this runs under node's test runner.
import * as path from 'path';

/** The oldest Java the server runs on. */
export const MIN_JAVA = 17;

export const INSTALL_HINT =
  'Install Java 17 or newer (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless)';

export interface JavaLookup {
  /** The `ptree.java.path` setting (a java executable); may be anything the user typed. */
  javaPath?: unknown;
  /** The `ptree.java.home` setting (a Java home directory). */
  javaHome?: unknown;
  /** The process environment: JAVA_HOME and PATH are read. */
  env: { [name: string]: string | undefined };
  /** `process.platform`; decides `java` or `java.exe` and the PATH separator. */
  platform?: string;
  /** Whether a path names an executable file. */
  isExecutable: (file: string) => boolean;
}

export type JavaFound = { ok: true; java: string; source: string };
export type JavaMissing = { ok: false; message: string };

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function javaExe(platform: string | undefined): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

function pathModule(platform: string | undefined): typeof path.posix {
  return platform === 'win32' ? path.win32 : path.posix;
}

/**
 * Picks the java executable: the `ptree.java.path` setting, else `ptree.java.home`/bin/java,
 * else `$JAVA_HOME/bin/java`, else `java` on PATH. A setting that names nothing usable is an
 * error (the user asked for that Java), not a reason to fall back silently.
 */
export function findJava(lookup: JavaLookup): JavaFound | JavaMissing {
  const p = pathModule(lookup.platform);
  const exe = javaExe(lookup.platform);

  const javaPath = nonEmptyString(lookup.javaPath);
  if (javaPath !== undefined) {
    if (lookup.isExecutable(javaPath)) {
      return { ok: true, java: javaPath, source: 'the ptree.java.path setting' };
    }
    return {
      ok: false,
      message:
        `ptree: the "ptree.java.path" setting names ${javaPath}, which is not an executable file. ` +
        `Set "ptree.java.path" to a java executable (Java ${MIN_JAVA}+), or clear it to use JAVA_HOME or java on PATH. ` +
        `${INSTALL_HINT}.`,
    };
  }

  const javaHome = nonEmptyString(lookup.javaHome);
  if (javaHome !== undefined) {
    const candidate = p.join(javaHome, 'bin', exe);
    if (lookup.isExecutable(candidate)) {
      return { ok: true, java: candidate, source: 'the ptree.java.home setting' };
    }
    return {
      ok: false,
      message:
        `ptree: the "ptree.java.home" setting names ${javaHome}, which has no ${p.join('bin', exe)}. ` +
        `Set "ptree.java.home" to a Java ${MIN_JAVA}+ home directory (or "ptree.java.path" to a java executable). ` +
        `${INSTALL_HINT}.`,
    };
  }

  const envHome = nonEmptyString(lookup.env.JAVA_HOME);
  if (envHome !== undefined) {
    const candidate = p.join(envHome, 'bin', exe);
    if (lookup.isExecutable(candidate)) {
      return { ok: true, java: candidate, source: 'JAVA_HOME' };
    }
  }

  const sep = lookup.platform === 'win32' ? ';' : ':';
  for (const dir of (lookup.env.PATH ?? lookup.env.Path ?? '').split(sep)) {
    if (dir === '') {
      continue;
    }
    const candidate = p.join(dir, exe);
    if (lookup.isExecutable(candidate)) {
      return { ok: true, java: candidate, source: 'PATH' };
    }
  }

  const looked = envHome !== undefined ? `JAVA_HOME (${envHome}) and PATH` : 'PATH (JAVA_HOME is not set)';
  return {
    ok: false,
    message:
      `ptree: no Java found: looked in ${looked}. The ptree server needs Java ${MIN_JAVA} or newer. ` +
      `${INSTALL_HINT}, or set "ptree.java.path" to a java executable.`,
  };
}

/**
 * The feature release named in `java -version` output (which goes to stderr): 8 for
 * `"1.8.0_292"`, 17 for `"17.0.9"`, 21 for `"21"` or `"21-ea"`. Undefined when the output
 * names no version.
 */
export function parseJavaVersion(output: string): number | undefined {
  const quoted = /\bversion\s+"([^"]+)"/.exec(output);
  const text = quoted ? quoted[1] : /^\S+\s+(\d[^\s]*)/m.exec(output)?.[1];
  if (text === undefined) {
    return undefined;
  }
  const m = /^(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) {
    return undefined;
  }
  const first = Number(m[1]);
  if (first === 1 && m[2] !== undefined) {
    return Number(m[2]);
  }
  return first;
}

export type JavaChecked = { ok: true; major: number } | { ok: false; message: string };

/** Judges the output of `<java> -version` run from `java` (found through `source`). */
export function checkJavaVersion(java: string, source: string, output: string): JavaChecked {
  const major = parseJavaVersion(output);
  if (major === undefined) {
    const firstLine = output.trim().split(/\r?\n/)[0] ?? '';
    return {
      ok: false,
      message:
        `ptree: could not tell the Java version of ${java} (from ${source}); "java -version" said: ${firstLine || '(nothing)'}. ` +
        `Set "ptree.java.path" to a Java ${MIN_JAVA}+ executable. ${INSTALL_HINT}.`,
    };
  }
  if (major < MIN_JAVA) {
    return {
      ok: false,
      message:
        `ptree: ${java} (from ${source}) is Java ${major}; the ptree server needs Java ${MIN_JAVA} or newer. ` +
        `Set "ptree.java.path" (or "ptree.java.home") to a newer Java. ${INSTALL_HINT}.`,
    };
  }
  return { ok: true, major };
}

/** The message for a java that could not be run at all (spawn error, timeout). */
export function javaRunFailedMessage(java: string, source: string, reason: string): string {
  return (
    `ptree: could not run ${java} (from ${source}): ${reason}. ` +
    `Set "ptree.java.path" to a working Java ${MIN_JAVA}+ executable. ${INSTALL_HINT}.`
  );
}
