-- End-to-end test of client-neovim/lua/ptree.lua against the real server, in a real Neovim.
-- Run by test/e2e.sh after test/init.lua has set the module up; PTREE_E2E_DIR is a scratch project
-- holding provider_config/example.yaml (test/fixtures/example.yaml). Prints "e2e: ok" and quits
-- with 0, or prints what failed and quits with 1.
local uv = vim.uv or vim.loop
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
local function stopped(c)
  if vim.fn.has('nvim-0.11') == 1 then
    return c:is_stopped()
  end
  return c.is_stopped()
end
local ptree = require('ptree')

local dir = assert(os.getenv('PTREE_E2E_DIR'), 'PTREE_E2E_DIR is not set')
local expect_hover = os.getenv('PTREE_NVIM_EXPECT_HOVER') ~= '0'
local WAIT_MS = tonumber(os.getenv('PTREE_NVIM_WAIT_MS') or '') or 30000
local t_start = uv.hrtime()
local failures = {}

local function log(fmt, ...)
  io.stdout:write(string.format(fmt, ...), '\n')
  io.stdout:flush()
end

local function elapsed()
  return (uv.hrtime() - t_start) / 1e6
end

local function check(ok, fmt, ...)
  local msg = string.format(fmt, ...)
  if ok then
    log('  ok    %s', msg)
  else
    log('  FAIL  %s', msg)
    table.insert(failures, msg)
  end
  return ok
end

-- A failure the rest of the test cannot go on from.
local Fatal = {}
local function fatal(fmt, ...)
  error(setmetatable({ msg = string.format(fmt, ...) }, Fatal), 0)
end

local function wait_for(what, pred, ms)
  local t0 = uv.hrtime()
  local ok = vim.wait(ms or WAIT_MS, pred, 20)
  log('  wait  %s: %s after %.0f ms', what, ok and 'done' or 'TIMED OUT', (uv.hrtime() - t0) / 1e6)
  return ok
end

local function describe(d)
  return string.format('%s %d:%d-%d:%d sev=%d', tostring(d.code), d.lnum, d.col, d.end_lnum, d.end_col, d.severity)
end

local function diagnostics(bufnr, client_id)
  local ds = vim.diagnostic.get(bufnr, { namespace = vim.lsp.diagnostic.get_namespace(client_id) })
  table.sort(ds, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    return a.col < b.col
  end)
  return ds
end

local function codes(ds)
  local out = {}
  for _, d in ipairs(ds) do
    table.insert(out, tostring(d.code))
  end
  return table.concat(out, ',')
end

local function find_code(ds, code)
  for _, d in ipairs(ds) do
    if d.code == code then
      return d
    end
  end
  return nil
end

local function write_file(path, text)
  vim.fn.mkdir(vim.fn.fnamemodify(path, ':h'), 'p')
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

local function line(bufnr, lnum)
  return vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1]
end

local function hover_text(result)
  if type(result) ~= 'table' then
    return ''
  end
  local c = result.contents
  if type(c) == 'string' then
    return c
  end
  if type(c) ~= 'table' then
    return ''
  end
  if c.value then
    return c.value
  end
  local parts = {}
  for _, x in ipairs(c) do
    table.insert(parts, type(x) == 'string' and x or (x.value or ''))
  end
  return table.concat(parts, '\n')
end

local function ptree_clients()
  local out = {}
  for _, c in ipairs(get_clients()) do
    if c.name == 'ptree' then
      table.insert(out, c)
    end
  end
  return out
end

local function lsp_diagnostic(d)
  return {
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = d.code,
  }
end

local function main()
  local v = vim.version()
  log('e2e: Neovim %d.%d.%d, vim.lsp.start %s, scratch project %s', v.major, v.minor, v.patch,
    vim.lsp.start and 'present' or 'absent (0.7: start_client + buf_attach_client)', dir)

  -- which files the module attaches to (no server involved)
  log('matching')
  check(ptree.matches('/x/provider_config/a.yaml', {}), 'provider_config/*.yaml is attached')
  check(ptree.matches('/x/provider_config/a.yml', {}), 'provider_config/*.yml is attached')
  check(ptree.matches('/x/cn.ptree.json', {}), '*.ptree.json is attached')
  check(ptree.matches('/x/cn.ptree.yml', {}), '*.ptree.yml is attached')
  check(not ptree.matches('/x/deploy.yaml', { 'kind: Deployment', 'metadata:', '  name: x' }), 'other YAML is not')
  check(ptree.matches('/x/cfg.yaml', { '# nova', 'providers:', '  - identification: {}' }), 'YAML with top-level providers is')
  check(not ptree.matches('/x/cfg.yaml', { 'spec:', '  providers: []' }), 'YAML with a nested providers key is not')
  check(ptree.matches('/x/t.json', { '{', '  "provider_tree": "1.0",' }), 'JSON with provider_tree is')
  check(not ptree.matches('/x/package.json', { '{', '  "name": "x"' }), 'other JSON is not')
  check(ptree.root_for(dir .. '/provider_config/example.yaml') == dir .. '/provider_config',
    'root without .git is the file\'s folder')

  -- open the fixture: the module starts the server and attaches
  log('diagnostics')
  local file = dir .. '/provider_config/example.yaml'
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo[bufnr].filetype == 'yaml', 'filetype is yaml (got %q)', vim.bo[bufnr].filetype)
  if not wait_for('client attached', function() return ptree.client(bufnr) ~= nil end) then
    fatal('no ptree client attached to %s; messages: %s', file, vim.inspect(_G.ptree_e2e_messages))
  end
  local client = ptree.client(bufnr)
  check(client.config.root_dir == dir .. '/provider_config', 'root_dir is %s', tostring(client.config.root_dir))

  local got = wait_for('3 diagnostics', function() return #diagnostics(bufnr, client.id) >= 3 end)
  local ds = diagnostics(bufnr, client.id)
  local t_diag = elapsed()
  if not got then
    fatal('expected 3 diagnostics from ptree, got %d: %s', #ds, codes(ds))
  end
  log('  info  first diagnostics %.0f ms after start: %s', t_diag,
    table.concat(vim.tbl_map(describe, ds), '; '))
  local W, E, I = vim.diagnostic.severity.WARN, vim.diagnostic.severity.ERROR, vim.diagnostic.severity.INFO
  local expected = {
    -- name: $COMPUTE_NODE is the sentinel in nova; PT204 only notes the undocumented spelling
    { code = 'PT204', lnum = 4, col = 6, end_lnum = 4, end_col = 10, severity = I },
    { code = 'PT301', lnum = 8, col = 19, end_lnum = 8, end_col = 22, severity = W },
    -- a warning by default (reserved equals total); the init options make it an error
    { code = 'PT303', lnum = 9, col = 22, end_lnum = 9, end_col = 23, severity = E },
  }
  check(#ds == #expected, 'exactly %d diagnostics (got %d: %s)', #expected, #ds, codes(ds))
  for i, e in ipairs(expected) do
    local d = ds[i]
    check(d ~= nil and d.code == e.code and d.lnum == e.lnum and d.col == e.col and d.end_lnum == e.end_lnum
      and d.end_col == e.end_col and d.severity == e.severity and d.source == 'ptree',
      '%s at %d:%d-%d:%d severity %d source ptree (got %s, source %s)', e.code, e.lnum, e.col, e.end_lnum, e.end_col,
      e.severity, d and describe(d) or 'nothing', d and tostring(d.source) or '-')
  end

  -- ptree/status
  wait_for('status ready', function()
    return type(vim.g.ptree_status) == 'table' and vim.g.ptree_status.state == 'ready'
  end, 5000)
  local status = vim.g.ptree_status
  check(type(status) == 'table' and status.state == 'ready' and type(status.files) == 'number' and status.files >= 1,
    'vim.g.ptree_status is ready with files >= 1 (got %s)', vim.inspect(status))
  check(ptree.statusline(bufnr):match('^ptree: ready %(%d+ files?%)$') ~= nil,
    'statusline() reads "ptree: ready (N files)" (got %q)', ptree.statusline(bufnr))
  local line_str = vim.api.nvim_eval_statusline("%{v:lua.require'ptree'.statusline()}", {}).str
  check(line_str:match('^ptree: ready') ~= nil, 'a statusline of %%{v:lua.require\'ptree\'.statusline()} shows it (got %q)',
    line_str)

  -- hover on the total: key of the CUSTOM_FPGA record
  log('hover')
  local pos = { line = 8, character = 12 }
  check(line(bufnr, 8):sub(13, 18) == 'total:', 'line 8 col 12 is the total: key')
  local results, herr = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = pos }, 10000)
  local response = results and results[client.id]
  check(response ~= nil and response.err == nil, 'hover answered without error (%s)',
    tostring(herr or (response and response.err and vim.inspect(response.err)) or 'ok'))
  local text = hover_text(response and response.result)
  log('  info  hover: %s', text == '' and '(none)' or text:gsub('\n', ' | '))
  if expect_hover then
    check(text ~= '' and text:find('capacity', 1, true) ~= nil,
      'hover on total: is non-empty and shows "capacity" (set PTREE_NVIM_EXPECT_HOVER=0 to skip)')
  else
    log('  skip  hover content not checked (PTREE_NVIM_EXPECT_HOVER=0)')
  end

  -- the PT301 quick fix "Write 8"
  log('code actions')
  local pt301 = find_code(ds, 'PT301')
  if not pt301 then
    fatal('no PT301 diagnostic to ask code actions for')
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diagnostic(pt301).range,
    context = { diagnostics = { lsp_diagnostic(pt301) } },
  }
  results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  response = results and results[client.id]
  local actions = response and response.result or {}
  local titles = vim.tbl_map(function(a) return a.title end, actions)
  log('  info  actions: %s', table.concat(titles, ' | '))
  local write8
  for _, a in ipairs(actions) do
    if a.title == 'Write 8' then
      write8 = a
    end
  end
  check(vim.tbl_contains(titles, 'Disable PT301 for this line'), 'a "Disable PT301 for this line" action is offered')
  if not write8 then
    fatal('no "Write 8" code action at the PT301 diagnostic (got: %s)', table.concat(titles, ' | '))
  end
  check(write8.kind == 'quickfix' and write8.isPreferred == true and write8.edit ~= nil and write8.command == nil,
    '"Write 8" is a preferred quickfix carrying an edit (kind %s, preferred %s)', tostring(write8.kind),
    tostring(write8.isPreferred))
  vim.lsp.util.apply_workspace_edit(write8.edit, client.offset_encoding or 'utf-16')
  check(line(bufnr, 8) == '            total: 8', 'after "Write 8" the line reads "total: 8" (got %q)', line(bufnr, 8))
  check(line(bufnr, 9) == '            reserved: 8', 'the next line is untouched (got %q)', line(bufnr, 9))
  wait_for('PT301 gone after the edit', function()
    local now = diagnostics(bufnr, client.id)
    return find_code(now, 'PT301') == nil and find_code(now, 'PT303') ~= nil
  end)
  ds = diagnostics(bufnr, client.id)
  check(codes(ds) == 'PT204,PT303', 'after the edit: PT204 and PT303 remain (got %s)', codes(ds))

  -- undo, then :PtreeFixAll (the server answers with a workspace/applyEdit)
  log(':PtreeFixAll')
  vim.cmd('silent undo')
  check(line(bufnr, 8) == '            total: 010', 'undo brings back "total: 010" (got %q)', line(bufnr, 8))
  local back = wait_for('PT301 back after undo', function()
    return find_code(diagnostics(bufnr, client.id), 'PT301') ~= nil
  end)
  check(back, 'PT301 is reported again after undo (got %s)', codes(diagnostics(bufnr, client.id)))
  vim.cmd('PtreeFixAll')
  wait_for('fix-all edit applied', function() return line(bufnr, 8) == '            total: 8' end, 10000)
  check(line(bufnr, 8) == '            total: 8', ':PtreeFixAll writes "total: 8" (got %q)', line(bufnr, 8))
  -- PT204's fix is safe too (nova keys both spellings the same), so fix-all rewrites the key
  check(line(bufnr, 4) == '      uuid: $COMPUTE_NODE', ':PtreeFixAll writes "uuid: $COMPUTE_NODE" (got %q)', line(bufnr, 4))
  wait_for('PT301 and PT204 gone after fix-all', function()
    local now = diagnostics(bufnr, client.id)
    return find_code(now, 'PT301') == nil and find_code(now, 'PT204') == nil
  end)
  check(codes(diagnostics(bufnr, client.id)) == 'PT303', 'after fix-all: PT303 remains (got %s)',
    codes(diagnostics(bufnr, client.id)))

  -- pull diagnostics by a raw request (0.7 has no pull client; the server keeps pushing to it)
  log('pull diagnostics')
  local pull_params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  local pulled = vim.lsp.buf_request_sync(bufnr, 'textDocument/diagnostic', pull_params, 10000)
  local report = pulled and pulled[client.id] and pulled[client.id].result
  check(type(report) == 'table' and report.kind == 'full' and type(report.resultId) == 'string',
    'textDocument/diagnostic answers a full report with a result id (got %s)', vim.inspect(report))
  local pulled_codes = vim.tbl_map(function(d) return d.code end, report and report.items or {})
  check(table.concat(pulled_codes, ',') == 'PT303', 'the pulled report holds what was pushed: PT303 (got %s)',
    table.concat(pulled_codes, ','))
  pull_params.previousResultId = report and report.resultId
  pulled = vim.lsp.buf_request_sync(bufnr, 'textDocument/diagnostic', pull_params, 10000)
  report = pulled and pulled[client.id] and pulled[client.id].result
  check(type(report) == 'table' and report.kind == 'unchanged' and report.resultId == pull_params.previousResultId,
    'with that result id the answer is "unchanged" (got %s)', vim.inspect(report))

  -- :PtreeExplain
  log(':PtreeExplain')
  vim.cmd('PtreeExplain PT303')
  local name = 'ptree://explain/PT303'
  wait_for('explain buffer', function() return vim.fn.bufnr(name) ~= -1 end, 10000)
  local eb = vim.fn.bufnr(name)
  if check(eb ~= -1, ':PtreeExplain PT303 opens %s', name) then
    local text = table.concat(vim.api.nvim_buf_get_lines(eb, 0, -1, false), '\n')
    check(text:find('## PT303 reserved-vs-total', 1, true) ~= nil and text:find('capacity', 1, true) ~= nil,
      'it shows the rule page (starts %q)', text:sub(1, 40))
    check(vim.bo[eb].filetype == 'markdown' and vim.bo[eb].buftype == 'nofile' and not vim.bo[eb].modifiable,
      'a read-only markdown scratch buffer (ft %s, bt %s)', vim.bo[eb].filetype, vim.bo[eb].buftype)
    vim.api.nvim_win_close(vim.fn.bufwinid(eb), true)
  end
  vim.api.nvim_set_current_buf(bufnr)
  local before = #_G.ptree_e2e_messages
  vim.cmd('PtreeExplain pt999')
  wait_for('unknown-rule message', function() return #_G.ptree_e2e_messages > before end, 10000)
  check((_G.ptree_e2e_messages[before + 1] or ''):find('unknown rule', 1, true) ~= nil,
    ':PtreeExplain PT999 reports an unknown rule (got %q)', tostring(_G.ptree_e2e_messages[before + 1]))

  -- one server per root: a second config in the same folder reuses it, a file elsewhere gets its own
  log('clients')
  local second = dir .. '/provider_config/20-second.yaml'
  write_file(second, table.concat({
    "meta:",
    "  schema_version: '1.0'",
    "providers:",
    "  - identification:",
    "      uuid: 5f0c3b7e-8d2a-4a51-9a3c-1b2c3d4e5f60",
    "    traits:",
    "      additional:",
    "        - CUSTOM_SECOND",
    "",
  }, '\n'))
  vim.cmd('edit ' .. vim.fn.fnameescape(second))
  local b2 = vim.api.nvim_get_current_buf()
  wait_for('second buffer attached', function() return ptree.client(b2) ~= nil end)
  check(ptree.client(b2) ~= nil and ptree.client(b2).id == client.id, 'a second file of the root reuses the client')
  check(#ptree_clients() == 1, 'one ptree client running (got %d)', #ptree_clients())

  local notes = dir .. '/notes.yaml'
  write_file(notes, 'kind: Deployment\nspec:\n  replicas: 1\n')
  vim.cmd('edit ' .. vim.fn.fnameescape(notes))
  local b3 = vim.api.nvim_get_current_buf()
  vim.wait(300)
  check(ptree.client(b3) == nil, 'unrelated YAML is not attached')

  local sniffed = dir .. '/nova-extra.yaml'
  write_file(sniffed, "meta:\n  schema_version: '1.0'\nproviders: []\n")
  vim.cmd('edit ' .. vim.fn.fnameescape(sniffed))
  local b4 = vim.api.nvim_get_current_buf()
  -- ptree.client() finds a client as soon as it is attached; the client list holds it once initialized
  wait_for('sniffed buffer attached, its server initialized', function()
    return ptree.client(b4) ~= nil and #ptree_clients() == 2
  end)
  local c4 = ptree.client(b4)
  check(c4 ~= nil and c4.id ~= client.id and c4.config.root_dir == dir,
    'YAML with top-level meta/providers elsewhere gets a client of its own root (%s)', c4 and c4.config.root_dir or '-')
  check(#ptree_clients() == 2, 'two ptree clients running (got %d)', #ptree_clients())

  -- rename a provider with vim.lsp.buf.rename: the tree's declaration, its parent reference and
  -- the config entry that names it change; a duplicate name is refused with the server's message
  log('rename')
  -- a repository of its own (a .git folder): its server scans the config, which stays closed
  local repo = dir .. '/repo'
  vim.fn.mkdir(repo .. '/.git', 'p')
  local third = repo .. '/provider_config/30-third.yaml'
  write_file(third, table.concat({
    "meta:",
    "  schema_version: '1.0'",
    "providers:",
    "  - identification: {name: cn1}",
    "    traits: {additional: [CUSTOM_RACK]}",
    "",
  }, '\n'))
  local treefile = repo .. '/host.ptree.yaml'
  write_file(treefile, table.concat({
    "provider_tree: '1.0'",
    "provider_configs: provider_config",
    "providers:",
    "  - name: cn1",
    "  - name: nic",
    "    parent: cn1",
    "",
  }, '\n'))
  vim.cmd('edit ' .. vim.fn.fnameescape(treefile))
  local b6 = vim.api.nvim_get_current_buf()
  wait_for('tree attached, its server initialized', function()
    return ptree.client(b6) ~= nil and #ptree_clients() == 3
  end)
  local c6 = ptree.client(b6)
  check(c6 ~= nil and c6.config.root_dir == repo, 'the tree gets the client of its repository (%s)',
    c6 and c6.config.root_dir or '-')
  -- the scan has read the closed config once the entry's code lens shows on the tree
  wait_for('the scan binds the config to the tree', function()
    local r = vim.lsp.buf_request_sync(b6, 'textDocument/codeLens', { textDocument = { uri = vim.uri_from_bufnr(b6) } }, 5000)
    local lenses = r and c6 and r[c6.id] and r[c6.id].result or {}
    return lenses[1] ~= nil and lenses[1].command.title == 'changed by 1 config entry'
  end, 15000)
  vim.api.nvim_win_set_cursor(0, { 4, 10 }) -- on "cn1" of "  - name: cn1"
  vim.lsp.buf.rename('host-1')
  wait_for('rename applied', function() return line(b6, 3) == '  - name: host-1' end, 10000)
  check(line(b6, 3) == '  - name: host-1', 'vim.lsp.buf.rename renames the provider (got %q)', line(b6, 3))
  check(line(b6, 5) == '    parent: host-1', 'and its parent reference (got %q)', line(b6, 5))
  local b5 = vim.fn.bufnr(third)
  check(b5 ~= -1 and line(b5, 3) == '  - identification: {name: host-1}',
    'and the entry of the closed config that names it (got %q)', b5 ~= -1 and line(b5, 3) or 'no buffer')
  local before_refusal = #_G.ptree_e2e_messages
  vim.api.nvim_set_current_buf(b6)
  vim.api.nvim_win_set_cursor(0, { 4, 10 })
  vim.lsp.buf.rename('nic')
  wait_for('refusal reported', function() return #_G.ptree_e2e_messages > before_refusal end, 10000)
  local refusal = table.concat(vim.list_slice(_G.ptree_e2e_messages, before_refusal + 1), ' ')
  check(refusal:find('already exists', 1, true) ~= nil, 'a duplicate name is refused with the reason (got %q)', refusal)
  check(line(b6, 3) == '  - name: host-1', 'the refused rename changes nothing (got %q)', line(b6, 3))

  -- stop the servers; they must exit cleanly (the module reports a non-zero exit)
  log('shutdown')
  local ids = vim.tbl_map(function(c) return c.id end, ptree_clients())
  vim.lsp.stop_client(ids)
  wait_for('servers stopped', function()
    for _, id in ipairs(ids) do
      local c = vim.lsp.get_client_by_id(id)
      if c and not stopped(c) then
        return false
      end
    end
    return #ptree_clients() == 0
  end, 10000)
  vim.wait(200)
  check(#ptree_clients() == 0, 'all ptree clients stopped')
  local exits = vim.tbl_filter(function(m) return m:find('exited with code', 1, true) ~= nil end, _G.ptree_e2e_messages)
  check(#exits == 0, 'no server exited abnormally (%s)', table.concat(exits, '; '))
end

local ok, err = xpcall(main, function(e)
  if getmetatable(e) == Fatal then
    return e
  end
  return debug.traceback(tostring(e), 2)
end)
if not ok then
  table.insert(failures, type(err) == 'table' and err.msg or tostring(err))
  log('  FAIL  %s', failures[#failures])
end
log('e2e: %.1f s in Neovim', elapsed() / 1000)
if #failures > 0 then
  log('e2e: messages from the module: %s', vim.inspect(_G.ptree_e2e_messages))
  log('e2e: FAILED (%d): %s', #failures, table.concat(failures, '; '))
  vim.cmd('cquit 1')
else
  log('e2e: ok')
  vim.cmd('qall!')
end
