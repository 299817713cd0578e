// The server's command line and the parsing of `ptree rules`. No `vscode` import.
import * as path from 'path';

export interface ServerCommand {
  command: string;
  args: string[];
}

/** Where the packaged extension keeps the server jar. */
export function serverJarPath(extensionPath: string): string {
  return path.join(extensionPath, 'server', 'ptree.jar');
}

/** `<java> <extraJvmArgs…> -jar <jar> serve`: the language server over stdio. */
export function serverCommand(java: string, jar: string, extraJvmArgs: readonly string[]): ServerCommand {
  return { command: java, args: [...extraJvmArgs, '-jar', jar, 'serve'] };
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
