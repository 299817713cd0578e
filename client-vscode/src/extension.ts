// The VS Code side of ptree: finds Java, starts the bundled server jar over stdio and wires
// its diagnostics, hovers and code actions into the editor. The decisions (which Java, what
// command line, which settings go to the server) live in ./lib, which has no vscode import.
import * as vscode from 'vscode';
import * as fs from 'fs';
import { execFile } from 'child_process';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { checkJavaVersion, findJava, javaRunFailedMessage } from './lib/java';
import {
  jvmOptionsPath,
  missingJarMessage,
  parseRulesListing,
  RuleInfo,
  serverCommand,
  serverJarPath,
  startupCacheArgs,
} from './lib/launch';
import { checkExtraArgs, didChangeConfigurationParams, normaliseCode, serverSettings, ServerSettings } from './lib/settings';

type StatusState = 'starting' | 'ready' | 'analysing' | 'error';

/** Commands this extension registers itself; a server that advertises the same ids must not register them again. */
const OWN_COMMANDS = ['ptree.restartServer', 'ptree.fixAllSafe', 'ptree.showRuleDoc', 'ptree.showOutput'];

const DOC_SCHEME = 'ptree-doc';

class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  state: StatusState = 'starting';

  constructor() {
    this.item = vscode.window.createStatusBarItem('ptree.status', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'ptree';
    this.item.command = 'ptree.showOutput';
    this.set('starting');
    this.item.show();
  }

  set(state: StatusState, detail?: string): void {
    this.state = state;
    const icon = { starting: '$(sync~spin)', ready: '$(check)', analysing: '$(sync~spin)', error: '$(error)' }[state];
    this.item.text = `${icon} ptree: ${state}`;
    this.item.tooltip = detail ?? `ptree language server: ${state}. Click for the ptree output.`;
    this.item.backgroundColor = state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}

class RuleDocs implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  put(code: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DOC_SCHEME, path: `/${code}.md` });
    this.docs.set(uri.path, markdown);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.path) ?? `No documentation loaded for ${uri.path}.`;
  }
}

class Controller implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private java: string | undefined;
  private rules: RuleInfo[] | undefined;
  private starting: Promise<void> | undefined;
  private readonly crashes: number[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    private readonly status: StatusItem,
    private readonly ruleDocs: RuleDocs,
  ) {}

  private log(message: string): void {
    this.output.appendLine(`[client ${new Date().toISOString()}] ${message}`);
  }

  private fail(message: string): void {
    this.log(message);
    this.status.set('error', message);
    void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output').then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'ptree.java');
      } else if (choice === 'Show Output') {
        this.output.show(true);
      }
    });
  }

  private currentServerSettings(): ServerSettings {
    const cfg = vscode.workspace.getConfiguration('ptree');
    const checked = serverSettings({
      severityOverrides: cfg.get<unknown>('severityOverrides'),
      disabledRules: cfg.get<unknown>('disabledRules'),
      inlayHints: cfg.get<unknown>('inlayHints'),
      codeLens: cfg.get<unknown>('codeLens'),
    });
    for (const w of checked.warnings) {
      this.log(`warning: ${w}`);
      void vscode.window.showWarningMessage(`ptree: ${w}`);
    }
    return checked.value;
  }

  start(): Promise<void> {
    if (!this.starting) {
      this.starting = this.doStart().finally(() => {
        this.starting = undefined;
      });
    }
    return this.starting;
  }

  private async doStart(): Promise<void> {
    this.status.set('starting');
    const cfg = vscode.workspace.getConfiguration('ptree');

    const found = findJava({
      javaPath: cfg.get<unknown>('java.path'),
      javaHome: cfg.get<unknown>('java.home'),
      env: process.env,
      platform: process.platform,
      isExecutable,
    });
    if (!found.ok) {
      this.fail(found.message);
      return;
    }
    const jar = serverJarPath(this.context.extensionPath);
    if (!fs.existsSync(jar)) {
      this.fail(missingJarMessage(jar));
      return;
    }
    let versionOutput: string;
    try {
      versionOutput = await run(found.java, ['-version'], 20_000);
    } catch (e) {
      this.fail(javaRunFailedMessage(found.java, found.source, errorText(e)));
      return;
    }
    const checked = checkJavaVersion(found.java, found.source, versionOutput);
    if (!checked.ok) {
      this.fail(checked.message);
      return;
    }
    this.java = found.java;
    this.log(`Java ${checked.major}: ${found.java} (from ${found.source})`);

    const extra = checkExtraArgs(cfg.get<unknown>('server.extraArgs'));
    for (const w of extra.warnings) {
      this.log(`warning: ${w}`);
      void vscode.window.showWarningMessage(`ptree: ${w}`);
    }
    const optionsFile = jvmOptionsPath(jar);
    const hasOptions = fs.existsSync(optionsFile);
    if (!hasOptions) {
      this.log(`warning: ${optionsFile} is missing; the server starts with the JVM's default settings`);
    }
    const cmd = serverCommand(found.java, jar, extra.value, {
      optionsFile: hasOptions ? optionsFile : undefined,
      cacheArgs: startupCacheArgs(jar, checked.major),
    });
    this.log(`starting: ${[cmd.command, ...cmd.args].join(' ')}`);

    // No `transport` on purpose: with TransportKind.stdio the client appends `--stdio` to the
    // arguments, and the server's command line is exactly `serve`. Stdio is the default.
    const serverOptions: ServerOptions = { command: cmd.command, args: cmd.args };
    let reachedRunning = false;
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { language: 'json', pattern: '**/*.ptree.json' },
        { language: 'ptree-tree' },
      ],
      initializationOptions: this.currentServerSettings(),
      outputChannel: this.output,
      middleware: {
        // The server's lenses name editor.action.showReferences with JSON arguments; the command
        // takes a Uri, a Position and Locations.
        provideCodeLenses: async (document, token, next) => {
          const lenses = await next(document, token);
          return lenses?.map((lens) => this.withShowReferences(lens));
        },
      },
      initializationFailedHandler: (error) => {
        this.log(`initialize failed: ${errorText(error)}`);
        return false;
      },
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: {
        error: (_error, _message, count) => ({
          action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
          handled: true,
        }),
        closed: () => {
          if (!reachedRunning) {
            // A server that dies before answering initialize will die again: no restart. The
            // failed start() below tells the user, once.
            this.log('the server exited while starting');
            this.status.set('error', 'ptree: the server exited while starting; see the "ptree" output for why.');
            return { action: CloseAction.DoNotRestart, handled: true };
          }
          const now = Date.now();
          this.crashes.push(now);
          while (this.crashes.length > 0 && now - this.crashes[0] > 3 * 60_000) {
            this.crashes.shift();
          }
          if (this.crashes.length > 4) {
            this.fail('ptree: the server stopped 5 times in 3 minutes and will not be restarted; see the "ptree" output, then run "ptree: Restart server".');
            return { action: CloseAction.DoNotRestart, handled: true };
          }
          this.status.set('error', 'ptree: the server stopped; restarting.');
          this.log('the server stopped; restarting it');
          return { action: CloseAction.Restart, handled: true };
        },
      },
    };

    const client = new LanguageClient('ptree', 'ptree', serverOptions, clientOptions);
    skipServerCommandsWeOwn(client);
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        reachedRunning = true;
        this.status.set('ready');
      } else if (e.newState === State.Stopped && this.client === client && this.status.state !== 'error') {
        this.status.set('error', 'ptree: the server is not running; see the "ptree" output.');
      }
    });
    client.onNotification('ptree/status', (params: unknown) => this.onServerStatus(params));
    this.client = client;
    let startError: unknown;
    try {
      await client.start();
    } catch (e) {
      startError = e;
    }
    // start() can also resolve when the server died during initialize (the close handler
    // resets the client first), so the state is what tells.
    if (this.client === client && !client.isRunning()) {
      this.fail('ptree: the server did not start; the "ptree" output shows what it printed.');
      if (startError !== undefined) {
        this.log(`start failed: ${errorText(startError)}`);
      }
    }
  }

  private onServerStatus(params: unknown): void {
    const p = (typeof params === 'object' && params !== null ? params : {}) as { state?: unknown; files?: unknown };
    const files = typeof p.files === 'number' ? p.files : undefined;
    const count = files === undefined ? '' : ` (${files} file${files === 1 ? '' : 's'})`;
    if (p.state === 'analysing') {
      this.status.set('analysing', `ptree: analysing${count}`);
    } else if (p.state === 'ready') {
      this.status.set('ready', `ptree: ready${count}. Click for the ptree output.`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      const wasRunning = client.isRunning();
      try {
        await client.dispose(5_000);
      } catch (e) {
        // A client whose start failed refuses to stop; there is nothing left to stop.
        if (wasRunning) {
          this.log(`stopping the server: ${errorText(e)}`);
        }
      }
    }
  }

  async restart(): Promise<void> {
    if (this.starting) {
      await this.starting;
    }
    this.log('restarting the server');
    await this.stop();
    this.crashes.length = 0;
    this.rules = undefined;
    await this.start();
  }

  /** A lens whose command is editor.action.showReferences, with its arguments as VS Code objects. */
  private withShowReferences(lens: vscode.CodeLens): vscode.CodeLens {
    const command = lens.command;
    const client = this.client;
    if (!client || !command || command.command !== 'editor.action.showReferences' || command.arguments?.length !== 3) {
      return lens;
    }
    const [uri, position, locations] = command.arguments as [string, unknown, unknown[]];
    const p2c = client.protocol2CodeConverter;
    lens.command = {
      ...command,
      arguments: [
        p2c.asUri(uri),
        p2c.asPosition(position as Parameters<typeof p2c.asPosition>[0]),
        (locations ?? []).map((l) => p2c.asLocation(l as Parameters<typeof p2c.asLocation>[0])),
      ],
    };
    return lens;
  }

  onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (
      e.affectsConfiguration('ptree.severityOverrides') ||
      e.affectsConfiguration('ptree.disabledRules') ||
      e.affectsConfiguration('ptree.inlayHints') ||
      e.affectsConfiguration('ptree.codeLens')
    ) {
      const client = this.client;
      if (client && client.isRunning()) {
        void client.sendNotification(DidChangeConfigurationNotification.type, didChangeConfigurationParams(this.currentServerSettings()));
      }
    }
    if (
      e.affectsConfiguration('ptree.java.path') ||
      e.affectsConfiguration('ptree.java.home') ||
      e.affectsConfiguration('ptree.server.extraArgs')
    ) {
      void vscode.window
        .showInformationMessage('ptree: the Java settings changed; restart the server to use them.', 'Restart')
        .then((choice) => {
          if (choice === 'Restart') {
            void this.restart();
          }
        });
    }
  }

  private runningClient(): LanguageClient | undefined {
    const client = this.client;
    if (!client || !client.isRunning()) {
      void vscode.window.showWarningMessage('ptree: the server is not running. See the "ptree" output, or run "ptree: Restart server".');
      return undefined;
    }
    return client;
  }

  async fixAllSafe(target?: unknown): Promise<void> {
    const uri =
      target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('ptree: open a provider config or provider tree file first.');
      return;
    }
    const client = this.runningClient();
    if (!client) {
      return;
    }
    // The server answers with workspace/applyEdit, which the client applies to the editor.
    await client.sendRequest(ExecuteCommandRequest.type, { command: 'ptree.fixAllSafe', arguments: [uri.toString()] });
  }

  async showRuleDoc(codeArg?: unknown): Promise<void> {
    const code = normaliseCode(codeArg) ?? (await this.pickRule());
    if (!code) {
      return;
    }
    let markdown: string | undefined;
    const client = this.client;
    if (client && client.isRunning()) {
      const answer: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command: 'ptree.explain', arguments: [code] });
      markdown = markdownOf(answer);
    } else if (this.java) {
      // Without a running server the CLI of the same jar explains the rule (as plain text).
      try {
        const text = await run(this.java, ['-jar', serverJarPath(this.context.extensionPath), 'explain', code], 30_000, true);
        markdown = '```text\n' + text.trimEnd() + '\n```\n';
      } catch (e) {
        this.log(`ptree explain ${code}: ${errorText(e)}`);
      }
    }
    if (!markdown) {
      void vscode.window.showWarningMessage(`ptree: no documentation for ${code}.`);
      return;
    }
    const uri = this.ruleDocs.put(code, markdown);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
      await vscode.window.showTextDocument(doc, { preview: true });
    }
  }

  private async pickRule(): Promise<string | undefined> {
    const rules = await this.ruleList();
    const atCursor = codesAtCursor();
    if (rules.length === 0) {
      const typed = await vscode.window.showInputBox({
        title: 'ptree: Show rule documentation',
        prompt: 'A rule code, e.g. PT303',
        value: atCursor[0] ?? '',
        validateInput: (v) => (normaliseCode(v) ? undefined : 'A rule code looks like PT303'),
      });
      return normaliseCode(typed);
    }
    const items: (vscode.QuickPickItem & { code: string })[] = rules.map((r) => ({
      label: r.code,
      description: r.name + (atCursor.includes(r.code) ? ' (at the cursor)' : ''),
      detail: r.description,
      code: r.code,
    }));
    items.sort((a, b) => Number(atCursor.includes(b.code)) - Number(atCursor.includes(a.code)));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'ptree: Show rule documentation',
      placeHolder: 'A rule code, e.g. PT303',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.code;
  }

  private async ruleList(): Promise<RuleInfo[]> {
    if (this.rules) {
      return this.rules;
    }
    if (!this.java) {
      return [];
    }
    try {
      const out = await run(this.java, ['-jar', serverJarPath(this.context.extensionPath), 'rules'], 30_000, true);
      this.rules = parseRulesListing(out);
    } catch (e) {
      this.log(`ptree rules: ${errorText(e)}`);
      return [];
    }
    return this.rules;
  }

  dispose(): void {
    void this.stop();
  }
}

/**
 * vscode-languageclient registers a VS Code command for every command the server lists in
 * executeCommandProvider; registering an id this extension already owns would throw and
 * break the start. Our own commands send those requests themselves.
 */
function skipServerCommandsWeOwn(client: LanguageClient): void {
  const feature = client.getFeature(ExecuteCommandRequest.method) as unknown as {
    register?: (data: { id: string; registerOptions: { commands?: string[] } }) => void;
  };
  const register = feature?.register?.bind(feature);
  if (!register) {
    return;
  }
  feature.register = (data) =>
    register({
      ...data,
      registerOptions: {
        ...data.registerOptions,
        commands: (data.registerOptions.commands ?? []).filter((c) => !OWN_COMMANDS.includes(c)),
      },
    });
}

function markdownOf(answer: unknown): string | undefined {
  if (typeof answer === 'string') {
    return answer;
  }
  if (typeof answer === 'object' && answer !== null) {
    const a = answer as { markdown?: unknown; value?: unknown; contents?: unknown };
    for (const v of [a.markdown, a.value, a.contents]) {
      if (typeof v === 'string') {
        return v;
      }
    }
  }
  return undefined;
}

function codesAtCursor(): string[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return [];
  }
  const pos = editor.selection.active;
  const codes: string[] = [];
  for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
    const raw = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
    const code = normaliseCode(typeof raw === 'number' ? String(raw) : raw);
    if (code && d.range.contains(pos) && !codes.includes(code)) {
      codes.push(code);
    }
  }
  return codes;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Runs a program; resolves with stdout (or stderr+stdout for `java -version`, which prints to stderr). */
function run(program: string, args: string[], timeoutMs: number, stdoutOnly = false): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const detail = String(stderr || '').trim().split(/\r?\n/)[0];
        reject(new Error(detail ? `${error.message.split(/\r?\n/)[0]} (${detail})` : error.message));
        return;
      }
      resolve(stdoutOnly ? String(stdout) : `${stderr}${stdout}`);
    });
  });
}

function errorText(e: unknown): string {
  if (e instanceof Error) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e.message;
  }
  return String(e);
}

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('ptree');
  const status = new StatusItem();
  const ruleDocs = new RuleDocs();
  controller = new Controller(context, output, status, ruleDocs);
  const c = controller;
  context.subscriptions.push(
    output,
    status,
    c,
    vscode.workspace.registerTextDocumentContentProvider(DOC_SCHEME, ruleDocs),
    vscode.commands.registerCommand('ptree.restartServer', () => c.restart()),
    vscode.commands.registerCommand('ptree.fixAllSafe', (target?: unknown) => c.fixAllSafe(target)),
    vscode.commands.registerCommand('ptree.showRuleDoc', (code?: unknown) => c.showRuleDoc(code)),
    vscode.commands.registerCommand('ptree.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => c.onConfigurationChanged(e)),
  );
  output.appendLine(`[client ${new Date().toISOString()}] ptree extension ${context.extension.packageJSON.version} activated`);
  // Not awaited: activation finishes at once; the status bar item tells how the start went.
  void c.start();
}

export async function deactivate(): Promise<void> {
  const c = controller;
  controller = undefined;
  if (c) {
    await c.stop();
  }
}
