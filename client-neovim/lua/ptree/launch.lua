-- How ptree's Neovim client starts the server: the same JVM options as bin/ptree serve and the
-- VS Code extension (bin/ptree-serve.jvmopts, a java argument file) and the same start-up cache
-- beside the jar (Java 25+: an AOT cache; Java 17-24: a class-data archive).
local M = {}

local uv = vim.uv or vim.loop

local function this_dir()
  local source = debug.getinfo(1, 'S').source
  if source:sub(1, 1) == '@' then
    return vim.fn.fnamemodify(source:sub(2), ':p:h')
  end
  return nil
end

--- The checkout holding this file (client-neovim/lua/ptree/launch.lua), or nil.
local function checkout()
  local dir = this_dir()
  return dir and vim.fn.fnamemodify(dir .. '/../../..', ':p') or nil
end

--- server/target/ptree.jar of that checkout, if built.
local function default_jar()
  local root = checkout()
  if not root then
    return nil
  end
  local jar = vim.fn.fnamemodify(root .. '/server/target/ptree.jar', ':p')
  if uv.fs_stat(jar) then
    return jar
  end
  return nil
end

--- The runtime's feature release (17, 25, ...) from the `release` file of its home, without
--- starting a JVM; `java -version` when there is none. Cached per executable.
local java_majors = {}
function M.java_major(java)
  if java_majors[java] then
    return java_majors[java]
  end
  local major
  local exe = vim.fn.exepath(java)
  if exe ~= '' then
    local home = vim.fn.fnamemodify(vim.fn.resolve(exe), ':h:h')
    local ok, lines = pcall(vim.fn.readfile, home .. '/release')
    if ok then
      for _, line in ipairs(lines) do
        major = major or tonumber(line:match('^JAVA_VERSION="(%d+)'))
      end
    end
  end
  if not major and exe ~= '' then
    major = tonumber(vim.fn.system({ exe, '-version' }):match('version "(%d+)'))
  end
  java_majors[java] = major or 17
  return java_majors[java]
end

--- ptree-serve.jvmopts, the JVM options shared with bin/ptree serve and the VS Code extension:
--- beside the jar, else in the bin/ folder of the checkout holding this file.
function M.jvm_options_file(jar)
  local beside = vim.fn.fnamemodify(jar, ':p:h') .. '/ptree-serve.jvmopts'
  if uv.fs_stat(beside) then
    return beside
  end
  local root = checkout()
  if root then
    local shared = vim.fn.fnamemodify(root .. '/bin/ptree-serve.jvmopts', ':p')
    if uv.fs_stat(shared) then
      return shared
    end
  end
  return nil
end

local function mtime(path)
  local st = uv.fs_stat(path)
  return st and (st.mtime.sec + st.mtime.nsec / 1e9) or nil
end

--- The start-up cache beside the jar, as bin/ptree serve does it: Java 25+ an AOT cache
--- (jar.serve.aot), older ones a class-data archive (jar.serve.jsa); used when newer than the
--- jar, otherwise written at exit of this run if the jar's folder is writable.
function M.cache_args(jar, major)
  local aot = major >= 25
  local cache = jar .. (aot and '.serve.aot' or '.serve.jsa')
  local args = aot and { '-Xlog:aot*=off:stderr' } or {}
  local cache_time, jar_time = mtime(cache), mtime(jar)
  if cache_time and jar_time and cache_time > jar_time then
    table.insert(args, (aot and '-XX:AOTCache=' or '-XX:SharedArchiveFile=') .. cache)
  elseif vim.fn.filewritable(vim.fn.fnamemodify(jar, ':h')) == 2 then
    table.insert(args, (aot and '-XX:AOTCacheOutput=' or '-XX:ArchiveClassesAtExit=') .. cache)
  end
  return args
end

--- The JVM refuses two collectors ("Multiple garbage collectors selected"): when jvm_args choose
--- one, the options file's choice (its lines) is switched off first.
function M.collectors_to_turn_off(option_lines, jvm_args)
  local wanted = {}
  for _, a in ipairs(jvm_args) do
    if a:match('^%-XX:%+Use%w+GC$') then
      wanted[a] = true
    end
  end
  local off = {}
  if next(wanted) == nil then
    return off
  end
  for _, line in ipairs(option_lines) do
    line = vim.trim(line)
    if line:match('^%-XX:%+Use%w+GC$') and not wanted[line] then
      table.insert(off, (line:gsub('^%-XX:%+', '-XX:-')))
    end
  end
  return off
end

--- The command that starts the server for a setup() config, or nil and why not:
--- cfg.cmd if given, else
--- { java, '@ptree-serve.jvmopts', <start-up cache>, unpack(jvm_args), '-jar', jar, 'serve' }.
function M.command(cfg)
  if cfg.cmd then
    return cfg.cmd
  end
  local jar = cfg.jar or default_jar()
  if not jar then
    return nil, 'no server jar: pass setup({ jar = "/path/to/ptree.jar" }) or build it with "mvn -B package -DskipTests"'
  end
  jar = vim.fn.fnamemodify(vim.fn.expand(jar), ':p')
  if not uv.fs_stat(jar) then
    return nil, 'the server jar ' .. jar .. ' does not exist; build it with "mvn -B package -DskipTests"'
  end
  local java = cfg.java or 'java'
  local cmd = { java }
  local options = M.jvm_options_file(jar)
  if options then
    table.insert(cmd, '@' .. options)
  end
  if vim.fn.executable(java) == 1 then
    vim.list_extend(cmd, M.cache_args(jar, M.java_major(java)))
  end
  if options then
    vim.list_extend(cmd, M.collectors_to_turn_off(vim.fn.readfile(options), cfg.jvm_args or {}))
  end
  vim.list_extend(cmd, cfg.jvm_args or {})
  vim.list_extend(cmd, { '-jar', jar, 'serve' })
  return cmd
end

return M
