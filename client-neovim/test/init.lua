-- The minimal init of the end-to-end test: this checkout's client-neovim on the runtimepath and
-- its ptree.lua set up with the jar the test was given. Run by test/e2e.sh.
local test_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local plugin_dir = vim.fn.fnamemodify(test_dir, ':h')
vim.opt.runtimepath:prepend(plugin_dir)
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

vim.lsp.set_log_level('debug')

local jar = os.getenv('PTREE_JAR')
if not jar or jar == '' then
  io.stdout:write('e2e: FAIL: PTREE_JAR is not set\n')
  vim.cmd('cquit 1')
end

-- Collects what the module reports through vim.notify, so the test can print it.
_G.ptree_e2e_messages = {}
vim.notify = function(msg, level)
  table.insert(_G.ptree_e2e_messages, string.format('[%s] %s', tostring(level), msg))
end

require('ptree').setup({
  java = os.getenv('PTREE_JAVA') or 'java',
  jar = jar,
  init_options = { disabledRules = {}, severityOverrides = { PT303 = 'error' } },
  on_attach = function(client, bufnr)
    _G.ptree_e2e_attached = _G.ptree_e2e_attached or {}
    table.insert(_G.ptree_e2e_attached, { client = client.id, buf = bufnr })
  end,
})
