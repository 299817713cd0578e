// The extension's settings as the server and the launcher need them. No `vscode` import:
// values come in as `unknown` (settings.json can hold anything) and ill-typed ones are
// dropped with a warning instead of breaking the server start.

export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Files the client hands to the server; the server still decides by content which YAML is a provider config. */
export const FILE_GLOBS: readonly string[] = [
  '**/provider_config/*.yaml',
  '**/provider_config/*.yml',
  '**/*.ptree.yaml',
  '**/*.ptree.yml',
  '**/*.ptree.json',
];

/** What the server reads, as `initializationOptions` and as `settings.ptree` in `workspace/didChangeConfiguration`. */
export interface ServerSettings {
  severityOverrides: { [code: string]: Severity };
  disabledRules: string[];
  fileGlobs: string[];
  inlayHints: InlayHintSettings;
  codeLens: boolean;
}

/** Which inlay hints the server gives: what nova reads, capacities, what a config entry reaches. */
export interface InlayHintSettings {
  values: boolean;
  capacity: boolean;
  reach: boolean;
}

/** The raw values of the `ptree.*` settings that matter to the server. */
export interface RawServerSettings {
  severityOverrides?: unknown;
  disabledRules?: unknown;
  /** `ptree.inlayHints.*` as VS Code nests them: `{values, capacity, reach}`. */
  inlayHints?: unknown;
  codeLens?: unknown;
}

export interface Checked<T> {
  value: T;
  warnings: string[];
}

const SEVERITY_ALIASES: { [k: string]: Severity } = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
  off: 'off',
  none: 'off',
};

function isPlainObject(value: unknown): value is { [k: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  const t = typeof value;
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/** A rule code as the server spells it (`pt303` → `PT303`), or undefined for anything that is no code. */
export function normaliseCode(code: unknown): string | undefined {
  if (typeof code !== 'string') {
    return undefined;
  }
  const c = code.trim().toUpperCase();
  return /^[A-Z]+[0-9]+$/.test(c) ? c : undefined;
}

export function checkSeverityOverrides(raw: unknown): Checked<{ [code: string]: Severity }> {
  const value: { [code: string]: Severity } = {};
  const warnings: string[] = [];
  if (raw === undefined || raw === null) {
    return { value, warnings };
  }
  if (!isPlainObject(raw)) {
    warnings.push(`"ptree.severityOverrides" should be an object like {"PT204": "error"}, not ${describe(raw)}; ignored.`);
    return { value, warnings };
  }
  for (const [key, sev] of Object.entries(raw)) {
    const code = normaliseCode(key);
    if (code === undefined) {
      warnings.push(`"ptree.severityOverrides": ${JSON.stringify(key)} is not a rule code like PT303; ignored.`);
      continue;
    }
    const severity = typeof sev === 'string' ? SEVERITY_ALIASES[sev.trim().toLowerCase()] : undefined;
    if (severity === undefined) {
      warnings.push(
        `"ptree.severityOverrides": ${code} has ${describe(sev)}; use one of ${SEVERITIES.join(', ')}. Ignored.`,
      );
      continue;
    }
    value[code] = severity;
  }
  return { value, warnings };
}

export function checkDisabledRules(raw: unknown): Checked<string[]> {
  const warnings: string[] = [];
  if (raw === undefined || raw === null) {
    return { value: [], warnings };
  }
  let items: unknown[];
  if (Array.isArray(raw)) {
    items = raw;
  } else if (typeof raw === 'string') {
    // "PT202, PT103" is what people type into a string field: accept it, but say so.
    items = raw.split(/[\s,]+/).filter((s) => s !== '');
    warnings.push(`"ptree.disabledRules" should be an array like ["PT202"], not a string; read it as ${JSON.stringify(items)}.`);
  } else {
    warnings.push(`"ptree.disabledRules" should be an array like ["PT202"], not ${describe(raw)}; ignored.`);
    return { value: [], warnings };
  }
  const value: string[] = [];
  for (const item of items) {
    const code = normaliseCode(item);
    if (code === undefined) {
      warnings.push(`"ptree.disabledRules": ${describe(item)} is not a rule code like PT303; ignored.`);
    } else if (!value.includes(code)) {
      value.push(code);
    }
  }
  return { value, warnings };
}

/** A boolean setting; anything else keeps the default, with a warning. */
export function checkBoolean(raw: unknown, name: string, fallback: boolean): Checked<boolean> {
  if (raw === undefined || raw === null) {
    return { value: fallback, warnings: [] };
  }
  if (typeof raw === 'boolean') {
    return { value: raw, warnings: [] };
  }
  return { value: fallback, warnings: [`"${name}" should be true or false, not ${describe(raw)}; using ${fallback}.`] };
}

export function checkInlayHints(raw: unknown): Checked<InlayHintSettings> {
  const value: InlayHintSettings = { values: true, capacity: true, reach: true };
  const warnings: string[] = [];
  if (raw === undefined || raw === null) {
    return { value, warnings };
  }
  if (!isPlainObject(raw)) {
    warnings.push(`"ptree.inlayHints" should hold "values", "capacity" and "reach" (true or false), not ${describe(raw)}; all on.`);
    return { value, warnings };
  }
  for (const kind of ['values', 'capacity', 'reach'] as const) {
    const b = checkBoolean(raw[kind], `ptree.inlayHints.${kind}`, true);
    value[kind] = b.value;
    warnings.push(...b.warnings);
  }
  return { value, warnings };
}

/** The object sent as `initializationOptions` and, on change, as `{"settings": {"ptree": …}}`. */
export function serverSettings(raw: RawServerSettings): Checked<ServerSettings> {
  const sev = checkSeverityOverrides(raw.severityOverrides);
  const dis = checkDisabledRules(raw.disabledRules);
  const hints = checkInlayHints(raw.inlayHints);
  const lens = checkBoolean(raw.codeLens, 'ptree.codeLens', true);
  return {
    value: {
      severityOverrides: sev.value,
      disabledRules: dis.value,
      fileGlobs: [...FILE_GLOBS],
      inlayHints: hints.value,
      codeLens: lens.value,
    },
    warnings: [...sev.warnings, ...dis.warnings, ...hints.warnings, ...lens.warnings],
  };
}

/** The `workspace/didChangeConfiguration` params for changed settings. */
export function didChangeConfigurationParams(settings: ServerSettings): { settings: { ptree: ServerSettings } } {
  return { settings: { ptree: settings } };
}

export function checkExtraArgs(raw: unknown): Checked<string[]> {
  if (raw === undefined || raw === null) {
    return { value: [], warnings: [] };
  }
  if (!Array.isArray(raw)) {
    return {
      value: [],
      warnings: [`"ptree.server.extraArgs" should be an array of strings like ["-Xmx512m"], not ${describe(raw)}; ignored.`],
    };
  }
  const value: string[] = [];
  const warnings: string[] = [];
  for (const item of raw) {
    if (typeof item === 'string' && item.trim() !== '') {
      value.push(item);
    } else if (typeof item === 'number' || typeof item === 'boolean') {
      value.push(String(item));
      warnings.push(`"ptree.server.extraArgs": ${describe(item)} is not a string; passed as ${JSON.stringify(String(item))}.`);
    } else {
      warnings.push(`"ptree.server.extraArgs": ${describe(item)} is not a string; ignored.`);
    }
  }
  return { value, warnings };
}
