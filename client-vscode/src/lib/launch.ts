// The server's command line and the parsing of `ptree rules`. No `vscode` import.
import * as fs from 'fs';
import * as path from 'path';

export interface ServerCommand {
  command: string;
  args: string[];
}

/** Where the packaged extension keeps the server jar. */
export function serverJarPath(extensionPath: string): string {
  return path.join(extensionPath, 'server', 'ptree.jar');
}

/**
 * The server's JVM options, packaged beside the jar: bin/ptree-serve.jvmopts of the repository,
 * the one list bin/ptree serve and the Neovim client start the server with (a java @file).
 */
export function jvmOptionsPath(jar: string): string {
  return path.join(path.dirname(jar), 'ptree-serve.jvmopts');
}

function mtimeMs(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The start-up cache beside the jar, as bin/ptree serve keeps it: on Java 25+ an AOT cache
 * (`ptree.jar.serve.aot`), on 17-24 a class-data archive (`ptree.jar.serve.jsa`). Used when it is
 * newer than the jar; otherwise this run writes it at exit, if the jar's folder is writable.
 */
export function startupCacheArgs(jar: string, javaMajor: number): string[] {
  const aot = javaMajor >= 25;
  const cache = jar + (aot ? '.serve.aot' : '.serve.jsa');
  const args = aot ? ['-Xlog:aot*=off:stderr'] : [];
  const cacheTime = mtimeMs(cache);
  const jarTime = mtimeMs(jar);
  if (cacheTime !== undefined && jarTime !== undefined && cacheTime > jarTime) {
    args.push((aot ? '-XX:AOTCache=' : '-XX:SharedArchiveFile=') + cache);
  } else if (writable(path.dirname(jar))) {
    args.push((aot ? '-XX:AOTCacheOutput=' : '-XX:ArchiveClassesAtExit=') + cache);
  }
  return args;
}

/**
 * `<java> @ptree-serve.jvmopts <start-up cache> <extraJvmArgs…> -jar <jar> serve`: the language
 * server over stdio. The user's extra arguments come last, so they win over the shared options.
 * Without an options file (a jar that was not packaged by copy-jar) the JVM's defaults apply.
 */
export function serverCommand(
  java: string,
  jar: string,
  extraJvmArgs: readonly string[],
  shared: { optionsFile?: string; cacheArgs?: readonly string[] } = {},
): ServerCommand {
  const options = shared.optionsFile ? ['@' + shared.optionsFile] : [];
  const collectorOff = shared.optionsFile ? collectorsToTurnOff(readOptions(shared.optionsFile), extraJvmArgs) : [];
  return {
    command: java,
    args: [...options, ...(shared.cacheArgs ?? []), ...collectorOff, ...extraJvmArgs, '-jar', jar, 'serve'],
  };
}

function readOptions(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const COLLECTOR = /^-XX:\+Use(\w+)GC$/;

/**
 * The JVM refuses two collectors ("Multiple garbage collectors selected"): when the user's
 * arguments choose one, the options file's choice is switched off first.
 */
export function collectorsToTurnOff(optionsText: string, extraJvmArgs: readonly string[]): string[] {
  const wanted = extraJvmArgs.filter((a) => COLLECTOR.test(a));
  if (wanted.length === 0) {
    return [];
  }
  return optionsText
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => COLLECTOR.test(l) && !wanted.includes(l))
    .map((l) => l.replace('-XX:+', '-XX:-'));
}

/** The message for a jar missing from the extension (a build without the prepackage step). */
export function missingJarMessage(jar: string): string {
  return (
    `ptree: the server jar ${jar} is missing from the extension. ` +
    `Build it with "mvn -B package -DskipTests" at the repository root and package the extension with "npm run package".`
  );
}

export interface RuleInfo {
  code: string;
  name: string;
  description: string;
}

/** Reads `ptree rules` output: one rule a line, `PT303  reserved-vs-total  comparison  error  what it reports`. */
export function parseRulesListing(output: string): RuleInfo[] {
  const rules: RuleInfo[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^([A-Z]+[0-9]+)\s+(\S+)\s+\S+\s+\S+\s+(.*)$/.exec(line.trim());
    if (m) {
      rules.push({ code: m[1], name: m[2], description: m[3].trim() });
    }
  }
  return rules;
}
