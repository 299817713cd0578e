// A stand-in for `ptree serve`, for PTREE_E2E_EXPECT=mock: checks the end-to-end test and
// the extension's wiring (diagnostics, hover, quick fix, inlay hints, a code lens through the
// showReferences middleware, ptree/status, executeCommand, applyEdit) in a real VS Code
// without the real server. It speaks just enough LSP over stdio and knows only
// e2e/workspace: two findings of provider_config/example.yaml, its octal `010` and the one
// root of host.ptree.yaml that its $COMPUTE_NODE entry reaches.
// Not part of the extension.
const docs = new Map();
let nextId = 1;

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}
const notify = (method, params) => send({ method, params });
const request = (method, params) => send({ id: `mock-${nextId++}`, method, params });

function findings(uri, text) {
  const diagnostics = [];
  const fixes = [];
  const lines = text.split('\n');
  let total;
  lines.forEach((line, i) => {
    let m = /^(\s*)(name)(:\s*)\$COMPUTE_NODE\s*$/.exec(line);
    if (m) {
      const range = { start: { line: i, character: m[1].length }, end: { line: i, character: m[1].length + 4 } };
      const d = {
        range,
        severity: 3,
        code: 'PT204',
        source: 'ptree',
        message: 'name: $COMPUTE_NODE works as the sentinel (nova keys entries by uuid or name), but the documented spelling is uuid: $COMPUTE_NODE',
      };
      diagnostics.push(d);
      fixes.push({ diagnostic: d, title: 'Use uuid: $COMPUTE_NODE', edit: { changes: { [uri]: [{ range, newText: 'uuid' }] } } });
    }
    m = /^(\s*)total:\s*(\d+)/.exec(line);
    if (m) {
      total = Number(m[2]);
    }
    m = /^(\s*reserved:\s*)(\d+)/.exec(line);
    if (m && total !== undefined && Number(m[2]) >= total) {
      diagnostics.push({
        range: { start: { line: i, character: m[1].length }, end: { line: i, character: m[1].length + m[2].length } },
        severity: 1,
        code: 'PT303',
        source: 'ptree',
        message: `reserved ${m[2]} ≥ total ${total}`,
      });
    }
  });
  return { diagnostics, fixes };
}

/** The fixture's inlay hints: octal totals and the $COMPUTE_NODE entry's one root. */
function inlayHints(text) {
  const hints = [];
  text.split('\n').forEach((line, i) => {
    let m = /^(\s*total:\s*)(0[0-7]+)\s*$/.exec(line);
    if (m) {
      const label = `= ${parseInt(m[2], 8)}`;
      hints.push({ position: { line: i, character: m[1].length + m[2].length }, label, kind: 1, paddingLeft: true });
    }
    m = /^(\s*(?:name|uuid):\s*)\$COMPUTE_NODE\s*$/.exec(line);
    if (m) {
      hints.push({ position: { line: i, character: m[1].length + '$COMPUTE_NODE'.length }, label: '→ 1 root', kind: 2, paddingLeft: true });
    }
  });
  return hints;
}

/** The lens over the $COMPUTE_NODE entry, with the server's editor.action.showReferences arguments. */
function codeLenses(uri, text) {
  const lenses = [];
  // host.ptree.yaml sits beside provider_config/; its root's name is `cn1` on line 6.
  const host = uri.replace(/provider_config\/[^/]*$/, 'host.ptree.yaml');
  const cn1 = { uri: host, range: { start: { line: 5, character: 10 }, end: { line: 5, character: 13 } } };
  text.split('\n').forEach((line, i) => {
    const m = /^(\s*(?:name|uuid):\s*)\$COMPUTE_NODE\s*$/.exec(line);
    if (m) {
      const range = { start: { line: i, character: m[1].length }, end: { line: i, character: m[1].length + '$COMPUTE_NODE'.length } };
      lenses.push({ range, command: { title: 'applies to 1 provider', command: 'editor.action.showReferences', arguments: [uri, range.start, [cn1]] } });
    }
  });
  return lenses;
}

function analyse(uri) {
  notify('ptree/status', { state: 'analysing', files: docs.size });
  const { diagnostics } = findings(uri, docs.get(uri));
  notify('textDocument/publishDiagnostics', { uri, diagnostics });
  notify('ptree/status', { state: 'ready', files: docs.size });
}

function handle(msg) {
  const { id, method, params } = msg;
  const reply = (result) => send({ id, result });
  switch (method) {
    case 'initialize':
      return reply({
        capabilities: {
          textDocumentSync: { openClose: true, change: 1, save: { includeText: false } },
          hoverProvider: true,
          codeActionProvider: { codeActionKinds: ['quickfix'] },
          inlayHintProvider: true,
          codeLensProvider: { resolveProvider: false },
          // Lists ptree.fixAllSafe, which the extension also registers as a VS Code command.
          executeCommandProvider: { commands: ['ptree.fixAllSafe', 'ptree.explain'] },
        },
        serverInfo: { name: 'ptree e2e mock' },
      });
    case 'initialized':
      return undefined;
    case 'shutdown':
      return reply(null);
    case 'exit':
      return process.exit(0);
    case 'textDocument/didOpen':
      docs.set(params.textDocument.uri, params.textDocument.text);
      return analyse(params.textDocument.uri);
    case 'textDocument/didChange':
      docs.set(params.textDocument.uri, params.contentChanges.at(-1).text);
      return analyse(params.textDocument.uri);
    case 'textDocument/didClose':
      docs.delete(params.textDocument.uri);
      return notify('textDocument/publishDiagnostics', { uri: params.textDocument.uri, diagnostics: [] });
    case 'textDocument/hover': {
      const line = (docs.get(params.textDocument.uri) ?? '').split('\n')[params.position.line] ?? '';
      if (!/^\s*(total|reserved|min_unit|max_unit|step_size|allocation_ratio):/.test(line)) {
        return reply(null);
      }
      return reply({
        contents: {
          kind: 'markdown',
          value: '**CUSTOM_FPGA** (effective inventory)\n\n| total | reserved | allocation_ratio | capacity |\n|---|---|---|---|\n| 4 | 4 | 1.0 | 0 |',
        },
      });
    }
    case 'textDocument/codeAction': {
      const { fixes } = findings(params.textDocument.uri, docs.get(params.textDocument.uri) ?? '');
      const wanted = new Set((params.context.diagnostics ?? []).map((d) => d.code));
      return reply(
        fixes
          .filter((f) => wanted.has(f.diagnostic.code))
          .map((f) => ({ title: f.title, kind: 'quickfix', isPreferred: true, diagnostics: [f.diagnostic], edit: f.edit })),
      );
    }
    case 'textDocument/inlayHint':
      return reply(inlayHints(docs.get(params.textDocument.uri) ?? ''));
    case 'textDocument/codeLens':
      return reply(codeLenses(params.textDocument.uri, docs.get(params.textDocument.uri) ?? ''));
    case 'workspace/executeCommand':
      if (params.command === 'ptree.explain') {
        return reply(`# ${params.arguments[0]}\n\nreserved greater than or equal to total (mock documentation)\n`);
      }
      if (params.command === 'ptree.fixAllSafe') {
        // The fixture's findings have no safe fix; a marker comment shows the edit arrived.
        const uri = params.arguments[0];
        const edit = { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# mock: safe fixes applied\n' }] } };
        request('workspace/applyEdit', { label: 'ptree: fix all safe problems', edit });
        return reply(null);
      }
      return send({ id, error: { code: -32601, message: `unknown command ${params.command}` } });
    default:
      if (id !== undefined && method !== undefined) {
        return send({ id, error: { code: -32601, message: `not implemented: ${method}` } });
      }
      return undefined; // responses to our requests, $/ notifications
  }
}

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) {
      return;
    }
    const length = Number(/Content-Length:\s*(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
    if (buffer.length < headerEnd + 4 + length) {
      return;
    }
    const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    buffer = buffer.subarray(headerEnd + 4 + length);
    handle(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(0));
process.stderr.write('ptree e2e mock server started\n');
