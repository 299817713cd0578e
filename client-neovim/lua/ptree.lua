-- ptree for Neovim 0.7+: starts the ptree language server (one per project root) for provider
-- configs and provider tree files, keeps its ptree/status for a statusline, and adds
-- :PtreeFixAll and :PtreeExplain.
--
--   require('ptree').setup({ jar = '/path/to/ptree.jar' })
--
-- Neovim 0.8+ starts and reuses clients with vim.lsp.start; 0.7 with vim.lsp.start_client and
-- vim.lsp.buf_attach_client, reusing them from a root -> client table kept here.
local M = {}

local uv = vim.uv or vim.loop
local launch = require('ptree.launch')

--- The last ptree/status notification of each client: { state = 'analysing'|'ready', files = N }.
M.status = {}

local defaults = {
  name = 'ptree',
  -- The full server command. When nil it is { java, '@ptree-serve.jvmopts', <start-up cache>,
  -- unpack(jvm_args), '-jar', jar, 'serve' } (see M.command).
  cmd = nil,
  java = 'java',
  jvm_args = {},
  -- The server jar. When nil, server/target/ptree.jar of the checkout this file lives in.
  jar = nil,
  -- initializationOptions: { disabledRules = {...}, severityOverrides = { PT303 = 'error' }, fileGlobs = {...} }
  init_options = {},
  on_attach = nil, -- function(client, bufnr)
  on_exit = nil, -- function(code, signal, client_id)
  capabilities = nil,
  handlers = nil,
  flags = nil,
  -- 'detect': provider_config/*.yaml|yml, *.ptree.yaml|yml|json, and YAML (JSON) buffers whose top
  -- level has meta, providers or provider_tree ("provider_tree"). 'all': every yaml buffer too.
  attach = 'detect',
  -- function(path, bufnr) -> directory; by default the nearest ancestor with .git, else the file's folder.
  root_dir = nil,
  -- Lines read from the top of a buffer when looking for its top-level keys.
  sniff_lines = 200,
}

local config = nil
local clients_by_root = {} -- 0.7 only: root -> client id
local augroup = nil

local function notify(msg, level)
  vim.notify('ptree: ' .. msg, level or vim.log.levels.INFO)
end

--- The command that starts the server, or nil and why not (see lua/ptree/launch.lua).
function M.command(cfg)
  return launch.command(cfg or config or defaults)
end

-- ---- which buffers ----

local function has_top_level_key(lines, json)
  for _, line in ipairs(lines) do
    if json then
      if line:find('"provider_tree"%s*:') then
        return true
      end
    else
      local key = line:match('^["\']?([%w_]+)["\']?%s*:')
      if key == 'meta' or key == 'providers' or key == 'provider_tree' then
        return true
      end
    end
  end
  return false
end

--- Whether ptree wants a file: by its path, else (YAML, and JSON for provider_tree) by its first lines.
--- path: an absolute file path; lines: the buffer's first lines (may be nil).
function M.matches(path, lines, attach)
  attach = attach or (config and config.attach) or defaults.attach
  if not path or path == '' then
    return false
  end
  local name = vim.fn.fnamemodify(path, ':t')
  local parent = vim.fn.fnamemodify(path, ':h:t')
  local yaml = name:match('%.ya?ml$') ~= nil
  local json = name:match('%.json$') ~= nil
  if name:match('%.ptree%.ya?ml$') or name:match('%.ptree%.json$') then
    return true
  end
  if yaml and parent == 'provider_config' then
    return true
  end
  if yaml and attach == 'all' then
    return true
  end
  if (yaml or json) and lines then
    return has_top_level_key(lines, json)
  end
  return false
end

local function buf_path(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or name:match('^%a[%w+.-]*://') then
    return nil -- unnamed, or not a file (fugitive://, term://, ...)
  end
  return vim.fn.fnamemodify(name, ':p')
end

local function buf_wanted(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= '' then
    return false
  end
  local ft = vim.bo[bufnr].filetype
  if ft ~= 'yaml' and ft ~= 'json' then
    return false
  end
  local path = buf_path(bufnr)
  if not path then
    return false
  end
  local n = math.min(vim.api.nvim_buf_line_count(bufnr), config.sniff_lines)
  return M.matches(path, vim.api.nvim_buf_get_lines(bufnr, 0, n, false))
end

--- The nearest ancestor of path's folder holding .git (a folder, or a file in a worktree), else the folder.
function M.root_for(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local cur = dir
  while cur and cur ~= '' do
    if uv.fs_stat(cur .. '/.git') then
      return cur
    end
    local up = vim.fn.fnamemodify(cur, ':h')
    if up == cur then
      break
    end
    cur = up
  end
  return dir
end

-- ---- clients ----

local function get_clients()
  if vim.lsp.get_clients then
    return vim.lsp.get_clients()
  end
  return vim.lsp.get_active_clients()
end

--- The ptree client attached to a buffer (0: the current one), or nil.
function M.client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local name = (config and config.name) or defaults.name
  for _, c in ipairs(get_clients()) do
    if c.name == name and vim.lsp.buf_is_attached(bufnr, c.id) then
      return c
    end
  end
  -- 0.7 lists a client only once it is initialized; get_client_by_id finds it while it starts
  for _, id in pairs(clients_by_root) do
    if vim.lsp.buf_is_attached(bufnr, id) then
      return vim.lsp.get_client_by_id(id)
    end
  end
  return nil
end

local function any_client()
  local name = (config and config.name) or defaults.name
  for _, c in ipairs(get_clients()) do
    if c.name == name then
      return c
    end
  end
  return nil
end

-- client.request(...) before 0.11, client:request(...) from 0.11 on.
local method_calls = vim.fn.has('nvim-0.11') == 1
local function request(client, method, params, handler, bufnr)
  if method_calls then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

--- The handler of ptree/status; set it in a config of your own (lspconfig, vim.lsp.config) to keep the statusline.
function M.status_handler(_, result, ctx)
  if type(result) ~= 'table' then
    return
  end
  M.status[ctx.client_id] = result
  vim.g.ptree_status = result
  pcall(vim.api.nvim_exec_autocmds, 'User', { pattern = 'PtreeStatus', modeline = false })
  pcall(vim.cmd, 'redrawstatus')
end

--- A statusline part for a buffer: "ptree: ready (3 files)", "ptree: analysing", "ptree: starting", or ''.
function M.statusline(bufnr)
  local client = M.client(bufnr or 0)
  if not client then
    return ''
  end
  local s = M.status[client.id]
  if not s then
    return 'ptree: starting'
  end
  if s.state == 'ready' and s.files then
    return string.format('ptree: ready (%d file%s)', s.files, s.files == 1 and '' or 's')
  end
  return 'ptree: ' .. tostring(s.state)
end

-- vim.json encodes an empty table as [], and the server wants objects for these.
local function init_options(opts)
  local out = vim.deepcopy(opts or {})
  if type(out.severityOverrides) == 'table' and next(out.severityOverrides) == nil then
    out.severityOverrides = vim.empty_dict()
  end
  if type(out.disabledRules) == 'table' and next(out.disabledRules) == nil then
    out.disabledRules = nil -- [] and absent mean the same
  end
  return out
end

local function lsp_config(root)
  local cmd, why = M.command(config)
  if not cmd then
    return nil, why
  end
  local handlers = vim.tbl_extend('force', { ['ptree/status'] = M.status_handler }, config.handlers or {})
  local user_exit = config.on_exit
  return {
    name = config.name,
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = init_options(config.init_options),
    capabilities = config.capabilities,
    handlers = handlers,
    flags = config.flags,
    on_attach = config.on_attach,
    on_exit = function(code, signal, client_id)
      vim.schedule(function()
        M.status[client_id] = nil
        for r, id in pairs(clients_by_root) do
          if id == client_id then
            clients_by_root[r] = nil
          end
        end
        if code ~= 0 and signal ~= 15 then
          notify(string.format('the server exited with code %d (signal %d); its stderr is in %s', code, signal or 0,
          vim.lsp.get_log_path()), vim.log.levels.WARN)
        end
      end)
      if user_exit then
        user_exit(code, signal, client_id)
      end
    end,
  }
end

local warned = {}

local function warn_once(msg)
  if not warned[msg] then
    warned[msg] = true
    notify(msg, vim.log.levels.ERROR)
  end
end

--- Starts (or reuses) the server for a buffer's root and attaches the buffer; returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not config then
    M.setup({})
  end
  local path = buf_path(bufnr)
  if not path then
    return nil
  end
  local root = (config.root_dir and config.root_dir(path, bufnr)) or M.root_for(path)
  local cfg, why = lsp_config(root)
  if not cfg then
    warn_once(why)
    return nil
  end
  if vim.fn.executable(cfg.cmd[1]) == 0 then
    warn_once(string.format('cannot run %q: set setup({ java = "/path/to/java" }) (Java 17 or later) or setup({ cmd = {...} })',
      cfg.cmd[1]))
    return nil
  end
  if vim.lsp.start then
    -- 0.8.0 attaches the current buffer whatever opts.bufnr says: make bufnr current
    local id
    vim.api.nvim_buf_call(bufnr, function()
      id = vim.lsp.start(cfg, { bufnr = bufnr })
    end)
    return id
  end
  -- 0.7: one client per root, kept here
  local id = clients_by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    local ok, started = pcall(vim.lsp.start_client, cfg)
    if not ok or not started then
      warn_once('the server could not be started: ' .. tostring(started) .. ' (cmd: ' .. table.concat(cfg.cmd, ' ') .. ')')
      return nil
    end
    id = started
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

local function maybe_attach(bufnr)
  if M.client(bufnr) == nil and buf_wanted(bufnr) then
    M.attach(bufnr)
  end
end

-- ---- commands ----

--- Applies every safe fix of a buffer (the server sends them back as a workspace/applyEdit).
function M.fix_all(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.client(bufnr)
  if not client then
    notify('no ptree server is attached to this buffer', vim.log.levels.WARN)
    return
  end
  local params = { command = 'ptree.fixAllSafe', arguments = { vim.uri_from_bufnr(bufnr) } }
  request(client, 'workspace/executeCommand', params, function(err, result)
    if err then
      notify('fix all failed: ' .. tostring(err.message or err), vim.log.levels.ERROR)
    elseif result == false then
      notify('nothing to fix safely in this file')
    end
  end, bufnr)
end

--- Shows text in a read-only scratch window (ptree://explain/CODE); filetype markdown unless given.
function M.show_markdown(name, markdown, filetype)
  local buf = vim.fn.bufnr(name)
  if buf == -1 then
    buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, name)
  end
  vim.bo[buf].modifiable = true
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(markdown, '\n', { plain = true }))
  vim.bo[buf].modifiable = false
  vim.bo[buf].modified = false
  vim.bo[buf].bufhidden = 'wipe'
  vim.bo[buf].filetype = filetype or 'markdown'
  local win = vim.fn.bufwinid(buf)
  if win == -1 then
    vim.cmd('split')
    vim.api.nvim_win_set_buf(0, buf)
  else
    vim.api.nvim_set_current_win(win)
  end
  return buf
end

local function code_under_cursor()
  local lnum = vim.api.nvim_win_get_cursor(0)[1] - 1
  for _, d in ipairs(vim.diagnostic.get(0, { lnum = lnum })) do
    if d.source == 'ptree' and type(d.code) == 'string' then
      return d.code
    end
  end
  return nil
end

--- Shows a rule's documentation (ptree.explain): the given code, else a ptree diagnostic's on the cursor line.
function M.explain(code)
  code = (code and code ~= '') and code:upper() or code_under_cursor()
  if not code then
    notify('give a rule code, as in :PtreeExplain PT303', vim.log.levels.WARN)
    return
  end
  local client = M.client(0) or any_client()
  if client then
    request(client, 'workspace/executeCommand', { command = 'ptree.explain', arguments = { code } }, function(err, result)
      if err then
        notify(tostring(err.message or err), vim.log.levels.ERROR)
      elseif type(result) == 'string' then
        M.show_markdown('ptree://explain/' .. code, result)
      end
    end)
    return
  end
  -- no server running: ask the CLI
  local cmd = M.command(config)
  if not cmd or cmd[#cmd] ~= 'serve' then
    notify('no ptree server is running; open a provider config first', vim.log.levels.WARN)
    return
  end
  -- the same JVM, minus the recording of a start-up cache: that belongs to a server run
  local once = {}
  for i = 1, #cmd - 1 do
    if not (cmd[i]:match('^%-XX:AOTCacheOutput=') or cmd[i]:match('^%-XX:ArchiveClassesAtExit=')) then
      table.insert(once, cmd[i])
    end
  end
  cmd = once
  vim.list_extend(cmd, { 'explain', code })
  local out = vim.fn.system(cmd)
  if vim.v.shell_error ~= 0 then
    notify(vim.trim(out), vim.log.levels.ERROR)
    return
  end
  M.show_markdown('ptree://explain/' .. code, out, 'text')
end

-- ---- setup ----

--- :PtreeFixAll and :PtreeExplain (setup() creates them; call this when the client is started elsewhere).
function M.create_commands()
  vim.api.nvim_create_user_command('PtreeFixAll', function()
    M.fix_all(0)
  end, { desc = 'ptree: apply every safe fix in this file' })
  vim.api.nvim_create_user_command('PtreeExplain', function(args)
    M.explain(args.args)
  end, { nargs = '?', desc = 'ptree: show a rule\'s documentation (PT303, or the diagnostic on this line)' })
end

function M.setup(opts)
  config = vim.tbl_extend('force', defaults, opts or {})
  if vim.fn.has('nvim-0.7') == 0 then
    notify('needs Neovim 0.7 or later', vim.log.levels.ERROR)
    return
  end
  augroup = vim.api.nvim_create_augroup('ptree', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = augroup,
    pattern = { 'yaml', 'json' },
    callback = function(args)
      maybe_attach(args.buf)
    end,
  })
  -- a new file that gains its top-level keys later
  vim.api.nvim_create_autocmd('BufWritePost', {
    group = augroup,
    pattern = { '*.yaml', '*.yml', '*.json' },
    callback = function(args)
      maybe_attach(args.buf)
    end,
  })
  M.create_commands()
  -- buffers already open
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      maybe_attach(bufnr)
    end
  end
end

return M
