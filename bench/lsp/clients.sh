# The server command each editor client starts, computed by the clients' own launch code.
# Sourced from the repository root by bench/lsp/run.sh and bench/repo/run.sh:
#   client_command neovim JAR JAVA   lua/ptree/launch.lua in a headless Neovim (needs nvim)
#   client_command vscode JAR JAVA   client-vscode/src/lib/launch.ts bundled by the extension's
#                                    esbuild (needs client-vscode/node_modules), with the options
#                                    file packaged beside JAR as scripts/copy-jar.mjs does
# Each prints the command as a JSON list on stdout, or fails with a reason on stderr.
client_command() {
    local client=$1 jar=$2 java=$3
    case $client in
    neovim)
        command -v nvim >/dev/null || { echo "nvim is not on PATH" >&2; return 1; }
        nvim --headless --clean --cmd "set rtp+=$PWD/client-neovim" \
            -c "lua local c, why = require('ptree').command({ jar = [[$jar]], java = [[$java]] });
                io.stdout:write((c and vim.json.encode(c) or ('null ' .. why)) .. '\n')" -c 'qall!' </dev/null 2>/dev/null \
            | grep '^\[' || { echo "the Neovim client gave no command" >&2; return 1; }
        ;;
    vscode)
        local esbuild=client-vscode/node_modules/.bin/esbuild out
        [[ -x $esbuild ]] || { echo "client-vscode/node_modules is missing (cd client-vscode && npm ci)" >&2; return 1; }
        out=$(mktemp -d "${TMPDIR:-/tmp}/clientcmd.XXXXXX")
        "$esbuild" client-vscode/src/lib/launch.ts client-vscode/src/lib/java.ts --bundle --platform=node \
            --format=cjs --outdir="$out" --log-level=error >&2 || { rm -rf "$out"; return 1; }
        # what extension.ts does once it has found Java and read its version
        node -e '
const fs = require("fs");
const launch = require(process.argv[1] + "/launch.js"), javaLib = require(process.argv[1] + "/java.js");
const [jar, java] = process.argv.slice(2);
const r = require("child_process").spawnSync(java, ["-version"], { encoding: "utf8" });
if (r.error) { console.error(String(r.error)); process.exit(1); }
const checked = javaLib.checkJavaVersion(java, "PATH", (r.stderr || "") + (r.stdout || ""));
if (!checked.ok) { console.error(checked.message); process.exit(1); }
const options = launch.jvmOptionsPath(jar);
const cmd = launch.serverCommand(java, jar, [], {
  optionsFile: fs.existsSync(options) ? options : undefined,
  cacheArgs: launch.startupCacheArgs(jar, checked.major),
});
console.log(JSON.stringify([cmd.command, ...cmd.args]));
' "$out" "$jar" "$java"
        local rc=$?
        rm -rf "$out"
        return $rc
        ;;
    *) echo "unknown client $client" >&2; return 2 ;;
    esac
}
