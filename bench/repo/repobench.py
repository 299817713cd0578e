#!/usr/bin/env python3
"""Repository-scale benchmark (DESIGN §7, issue 12): a host_vars repository of H hosts.

Usage: repobench.py --servers @servers.json [--hosts 1000,10000] [--seed 12] [--edits 30]
                    [--runs 3] [--cache DIR] [--jar JAR] [--java JAVA] [--no-lsp] [--no-batch]

For each H it generates (once, cached by H, seed and generator version) the repository of
gen_repo.py, then, in the same run:

- batch: `bin/ptree check`, `java -jar ptree.jar check` and a bare SnakeYAML compose of the
  same files (BareCompose.java, run from the ptree jar's classpath, which holds the SnakeYAML
  ptree uses), --runs times each, interleaved; wall time and peak RSS. ptree's JSON report must
  name a problem on exactly the hosts the generator planted one on.
- lsp: each server of servers.json over stdio with the repository as its workspace folder:
  initialize; scan until ready; publishDiagnostics sent during the scan; --edits didChange
  edits of one small open config file (each waits for its publish); CPU and RSS after them.

Prints one Markdown table on stdout (progress on stderr). servers.json is a list of
{"name", "cmd": [...], "scans": bool, "init_options": {...}?, "settings": {...}?}; run.sh
writes it. Only the Python standard library is used; the LSP client is bench/lsp/lspbench.py's.
"""

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent / "lsp"))
sys.path.insert(0, str(HERE))
import lspbench as lb  # noqa: E402
import gen_repo  # noqa: E402


# ---------------------------------------------------------------------------
# Input


def repository(cache, hosts, seed, log):
    """The cached repository for (hosts, seed): (repo dir, manifest). The manifest is written
    last, so a directory without one is an interrupted generation and is redone."""
    dest = Path(cache) / ("repo-h%d-s%d-g%d" % (hosts, seed, gen_repo.GENERATOR_VERSION))
    manifest = dest / "manifest.json"
    if not manifest.is_file():
        shutil.rmtree(dest, ignore_errors=True)
        log("generating %d hosts in %s" % (hosts, dest))
        gen_repo.generate(hosts, str(dest), seed)
    return dest / "repo", json.loads(manifest.read_text())


# ---------------------------------------------------------------------------
# Batch


def timed(cmd, out_path):
    """Runs cmd with stdout to out_path: (wall seconds, peak RSS MB, exit status)."""
    with open(out_path, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        err = p.stderr.read().decode("utf-8", "replace")
        p.stderr.close()
    return wall, usage.ru_maxrss / 1024.0, p.returncode, err


def hosts_with_findings(report_path, repo):
    """Host folders (relative to the repo) that ptree's JSON report names a finding in."""
    report = json.loads(Path(report_path).read_text())
    hosts = set()
    for f in report.get("files", []):
        if f.get("diagnostics"):
            rel = os.path.relpath(os.path.abspath(f["path"]), str(repo))
            parts = rel.split(os.sep)
            hosts.add(os.sep.join(parts[:3]))   # inventory/host_vars/<host>
    return hosts, report.get("summary", {})


def compile_bare(cache, jar, javac, log):
    classes = Path(cache) / "bare-compose-classes"
    src = HERE / "BareCompose.java"
    stamp = classes / "BareCompose.class"
    if not stamp.is_file() or stamp.stat().st_mtime < max(src.stat().st_mtime, Path(jar).stat().st_mtime):
        classes.mkdir(parents=True, exist_ok=True)
        log("compiling BareCompose.java against %s" % jar)
        subprocess.run([javac, "--release", "17", "-cp", jar, "-d", str(classes), str(src)], check=True)
    return classes


def batch(args, repo, manifest, classes, log):
    scratch = Path(tempfile.mkdtemp(prefix="repobench-"))
    expected = set(manifest["problems"])
    files = manifest["config_files"] + manifest["tree_files"]
    runners = [
        ("bare SnakeYAML compose", [args.java, "-cp", "%s:%s" % (args.jar, classes), "BareCompose", str(repo)]),
        ("ptree check (bin/ptree)", [str(ROOT / "bin" / "ptree"), "check", "--format", "json", str(repo)]),
        ("ptree check (java -jar)", [args.java, "-jar", args.jar, "check", "--format", "json", str(repo)]),
    ]
    results = {name: {"wall": [], "rss": []} for name, _ in runners}
    notes = []
    try:
        for run in range(args.runs + 1):           # run 0 warms the page cache and the CDS/AOT archives
            for name, cmd in runners:
                out = scratch / "out.txt"
                wall, rss, rc, err = timed(cmd, out)
                if name.startswith("bare"):
                    text = out.read_text()
                    if rc != 0 or ("files %d " % files) not in text:
                        raise SystemExit("bare compose failed (rc %d): %s %s" % (rc, text, err))
                else:
                    if rc not in (0, 1):
                        raise SystemExit("%s failed (rc %d): %s" % (name, rc, err[-800:]))
                    found, summary = hosts_with_findings(out, repo)
                    if found != expected:
                        raise SystemExit("%s: findings on %d hosts, expected exactly the %d planted "
                                         "(missing %s, unexpected %s)" % (
                                             name, len(found), len(expected), sorted(expected - found)[:3],
                                             sorted(found - expected)[:3]))
                    if run == 0:
                        notes.append("%s: %s, a finding on each of the %d hosts with a planted problem and "
                                     "on no other" % (name, json.dumps(summary), len(expected)))
                if run > 0:
                    results[name]["wall"].append(wall)
                    results[name]["rss"].append(rss)
                log("  %-26s run %d: %.2f s, peak RSS %.0f MB" % (name, run, wall, rss))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results, notes


# ---------------------------------------------------------------------------
# Language servers


class RepoClient(lb.LspClient):
    """lspbench's client, also keeping the notifications that signal the end of a scan:
    ptree/status and $/progress."""

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.statuses = []      # (time, params)
        self.progress = []      # (time, token, value)

    async def _dispatch(self, msg, t):
        if isinstance(msg, dict) and "id" not in msg:
            method = msg.get("method")
            if method == "ptree/status":
                self.statuses.append((t, msg.get("params") or {}))
                self._wake()
                return
            if method == "$/progress":
                p = msg.get("params") or {}
                self.progress.append((t, p.get("token"), p.get("value") or {}))
                self._wake()
                return
        await super()._dispatch(msg, t)

    def ready_at(self, files):
        """When the scan ended: a $/progress `end`, or ptree/status `ready` counting every file."""
        for t, _, v in self.progress:
            if v.get("kind") == "end":
                return t, "$/progress end"
        for t, p in self.statuses:
            if p.get("state") == "ready" and isinstance(p.get("files"), int) and p["files"] >= files:
                return t, "ptree/status ready"
        return None, None

    async def wait_ready(self, files, timeout):
        deadline = time.perf_counter() + timeout
        while True:
            t, how = self.ready_at(files)
            if t is not None:
                return t, how
            if self.closed:
                raise lb.ServerGone(self.close_reason or "server gone")
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise lb.WaitTimeout("no end of the scan in %.0f s" % timeout)
            try:
                await asyncio.wait_for(self._ev.wait(), remaining)
            except asyncio.TimeoutError:
                pass


def edit_line(doc):
    """The inventory line of the edited file and the column after its `total` digits."""
    for i, s in enumerate(doc.lines):
        k = s.find("{total: ")
        if k >= 0:
            c = k + len("{total: ")
            e = c
            while e < len(s) and s[e].isdigit():
                e += 1
            return i, c, e
    raise SystemExit("the edited file has no `{total: N` line")


async def lsp_one(spec, repo, manifest, args, log):
    row = {"server": spec["name"], "initialize_ms": None, "scan_ms": None, "ready_signal": None,
           "scan_publishes": None, "open_ms": None, "p50": None, "p90": None, "min": None,
           "cpu_ms_per_edit": None, "rss_mb": None, "edits_ok": 0, "edits_done": 0, "error": None}
    files = manifest["config_files"] + manifest["tree_files"]
    root_uri = Path(repo).as_uri()
    folders = [{"uri": root_uri, "name": Path(repo).name}]
    stderr = Path(tempfile.mkstemp(prefix="repobench-", suffix=".stderr")[1])
    # ${WORKSPACE} in settings: the repository (the peer's schema glob is anchored there, because a
    # `**` does not enter the dot-folder bench/.cache lives in)
    settings = json.loads(json.dumps(spec.get("settings") or {}).replace("${WORKSPACE}", str(repo)))
    client = RepoClient(spec["cmd"], str(repo), settings, str(stderr), folders, log)
    path = Path(repo) / manifest["edit_file"]
    text = path.read_text()
    doc = lb.Doc(text)
    uri = path.as_uri()
    try:
        await client.start()
        init = {"processId": os.getpid(), "clientInfo": {"name": "repobench", "version": "1"},
                "rootUri": root_uri, "rootPath": str(repo), "workspaceFolders": folders,
                "capabilities": lb.client_capabilities(), "trace": "off", "locale": "en"}
        if spec.get("init_options") is not None:
            init["initializationOptions"] = spec["init_options"]
        resp, ms = await client.request("initialize", init, args.init_timeout)
        if "error" in resp:
            row["error"] = "initialize failed: %s" % json.dumps(resp["error"])[:200]
            return row
        row["initialize_ms"] = ms
        t_init = time.perf_counter()
        await client.notify("initialized", {})
        if settings:
            await client.notify("workspace/didChangeConfiguration", {"settings": settings})
        if spec.get("scans", True):
            t_ready, how = await client.wait_ready(files, args.timeout)
            row["scan_ms"] = (t_ready - t_init) * 1000.0
            row["ready_signal"] = how
            row["scan_publishes"] = sum(1 for p in client.publishes if p[0] <= t_ready)
            row["scan_cpu_s"] = lb.tree_cpu_seconds(client.proc.pid)   # start-up + scan
            log("  scan until ready %.0f ms (%s), %d publishes" % (row["scan_ms"], how, row["scan_publishes"]))
        await asyncio.sleep(args.settle)
        if not spec.get("scans", True):
            row["scan_publishes"] = len(client.publishes)
        row["late_publishes"] = len(client.publishes) - (row["scan_publishes"] or 0)

        mark = len(client.publishes)
        t0 = time.perf_counter()
        await client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": doc.version, "text": text}})
        try:
            _, t1, _, _ = await client.wait_publish(uri, mark, doc.version, args.open_wait)
            row["open_ms"] = (t1 - t0) * 1000.0
        except lb.WaitTimeout:
            row["open_ms"] = "none"      # a server may skip publishing a clean file it published before
        await asyncio.sleep(args.settle)

        line, c0, c1 = edit_line(doc)
        digits = doc.lines[line][c0:c1]
        cpu0 = lb.tree_cpu_seconds(client.proc.pid)
        lat = []
        editor_lat = []
        for k in range(args.edits):
            # odd edits make `total` a string (an error on this line), even ones restore it
            if k % 2 == 0:
                change = doc.edit(line, c1, c1, "x")
            else:
                change = doc.edit(line, c1, c1 + 1, "")
            mark = len(client.publishes)
            t0 = time.perf_counter()
            await client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": doc.version}, "contentChanges": [change]})
            try:
                _, t1, _, diags = await client.wait_publish(uri, mark, doc.version, args.timeout)
            except lb.WaitTimeout:
                row["error"] = "edit %d: no publishDiagnostics in %g s" % (k + 1, args.timeout)
                break
            lat.append((t1 - t0) * 1000.0)
            if args.editor_requests:
                # what an editor asks for after each change: the visible inlay hints and the lenses
                end = {"line": len(doc.lines), "character": 0}
                hints = client.request("textDocument/inlayHint", {"textDocument": {"uri": uri},
                                       "range": {"start": {"line": 0, "character": 0}, "end": end}}, args.timeout)
                lenses = client.request("textDocument/codeLens", {"textDocument": {"uri": uri}}, args.timeout)
                answers = await asyncio.gather(hints, lenses)
                t2 = time.perf_counter()
                if any("error" in resp for resp, _ in answers):
                    row["editor_errors"] = row.get("editor_errors", 0) + 1
                editor_lat.append((t2 - t0) * 1000.0)
            on_line = any(lb.touches_line(d, line) for d in diags)
            row["edits_ok"] += int(on_line == (k % 2 == 0))
        row["edits_done"] = len(lat)
        assert doc.lines[line][c0:c1] == digits or len(lat) < args.edits
        cpu1 = lb.tree_cpu_seconds(client.proc.pid)
        if lat:
            row["p50"], row["p90"], row["min"] = lb.percentile(lat, 50), lb.percentile(lat, 90), min(lat)
            if cpu0 is not None and cpu1 is not None:
                row["cpu_ms_per_edit"] = (cpu1 - cpu0) * 1000.0 / len(lat)
            if editor_lat:
                row["editor_p50"], row["editor_p90"] = lb.percentile(editor_lat, 50), lb.percentile(editor_lat, 90)
            log("  edits: p50 %.1f ms, p90 %.1f ms (%d/%d as expected)" % (
                row["p50"], row["p90"], row["edits_ok"], len(lat)))
        rss, _ = lb.tree_memory_kb(client.proc.pid)
        if rss is not None:
            row["rss_mb"] = rss / 1024.0
    except lb.WaitTimeout as e:
        row["error"] = str(e)
    except lb.ServerGone as e:
        row["error"] = "server gone: %s" % e
    finally:
        await client.stop(grace=args.exit_grace, polite=isinstance(row["initialize_ms"], float))
        if row["error"]:
            row["stderr_tail"] = lb._tail(stderr)
        if not os.environ.get("REPOBENCH_KEEP_STDERR"):
            stderr.unlink()
        else:
            log("  server stderr kept: %s" % stderr)
    return row


# ---------------------------------------------------------------------------
# Output


def spread_s(xs):
    if not xs:
        return "–"
    return "%.2f s (%.2f–%.2f)" % (statistics.median(xs), min(xs), max(xs))


def fmt(v, unit_ms=True):
    if v is None:
        return "–"
    if isinstance(v, str):
        return v
    return lb.fmt_ms(v) if unit_ms else "%.0f" % v


COLUMNS = ["H", "config + tree files", "command", "batch wall, median (min–max)", "batch peak RSS MB",
           "initialize ms", "scan until ready ms", "publishes during scan", "didChange→diags p50 / p90 ms",
           "server CPU ms/edit", "RSS after edits MB", "edits as expected"]


def print_tables(results):
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "|".join("---" if c == "command" else "---:" for c in COLUMNS) + "|")
    for r in results:
        h, m = format(r["hosts"], ","), r["manifest"]
        files = "%s + %s" % (format(m["config_files"], ","), m["tree_files"])
        for name, b in r.get("batch", {}).items():
            print("| %s | %s | %s | %s | %s | | | | | | | |" % (
                h, files, name, spread_s(b["wall"]), "%.0f" % max(b["rss"]) if b["rss"] else "–"))
        for row in r.get("lsp", []):
            scan = fmt(row["scan_ms"]) if row["scan_ms"] is not None else "– (no scan)"
            edits = "%s / %s" % (fmt(row["p50"]), fmt(row["p90"])) if row["p50"] is not None else "–"
            print("| %s | %s | %s | | | %s | %s | %s | %s | %s | %s | %s |" % (
                h, files, row["server"], fmt(row["initialize_ms"]), scan,
                "–" if row["scan_publishes"] is None else format(row["scan_publishes"], ","),
                edits, fmt(row["cpu_ms_per_edit"]), fmt(row["rss_mb"], False),
                "%d/%d" % (row["edits_ok"], row["edits_done"]) if row["edits_done"] else "–"))
    print()
    for r in results:
        h = format(r["hosts"], ",")
        batch = r.get("batch", {})
        bare = batch.get("bare SnakeYAML compose")
        for name, b in batch.items():
            if b is not bare and bare and b["wall"] and bare["wall"]:
                print("- H=%s %s / bare compose (medians): %.2f" % (
                    h, name, statistics.median(b["wall"]) / statistics.median(bare["wall"])))
        for note in r.get("notes", []):
            print("- H=%s %s" % (h, note))
        for row in r.get("lsp", []):
            extra = []
            if row.get("ready_signal"):
                extra.append("ready signal: %s" % row["ready_signal"])
            if row.get("scan_cpu_s") is not None:
                extra.append("server CPU from start to ready %.1f s" % row["scan_cpu_s"])
            if row.get("late_publishes"):
                extra.append("%d publishes in the %.1f s after ready" % (row["late_publishes"], r["settle"]))
            if row.get("open_ms") is not None:
                extra.append("didOpen→diags %s" % (fmt(row["open_ms"]) + " ms" if row["open_ms"] != "none"
                                                    else "none within %g s" % r["open_wait"]))
            if row.get("min") is not None:
                extra.append("fastest edit %s ms" % fmt(row["min"]))
            if row.get("editor_p50") is not None:
                extra.append("didChange→diags, then inlay hints and code lenses answered: p50 %s / p90 %s ms%s" % (
                    fmt(row["editor_p50"]), fmt(row["editor_p90"]),
                    " (%d edits had an error answer)" % row["editor_errors"] if row.get("editor_errors") else ""))
            if row.get("error"):
                extra.append("ERROR %s %s" % (row["error"], (row.get("stderr_tail") or "")[-300:]))
            print("- H=%s %s: %s" % (h, row["server"], "; ".join(extra)))


# ---------------------------------------------------------------------------


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", default="1000,10000", type=lb.parse_sizes)
    ap.add_argument("--seed", type=int, default=gen_repo.DEFAULT_SEED)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3, help="timed batch runs of each command (after one warm-up)")
    ap.add_argument("--cache", default=os.environ.get("BENCH_CACHE", str(ROOT / "bench" / ".cache")))
    ap.add_argument("--jar", default=os.environ.get("PTREE_JAR", str(ROOT / "server" / "target" / "ptree.jar")))
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"))
    ap.add_argument("--javac", default=os.environ.get("JAVAC", "javac"))
    ap.add_argument("--servers", default=None, help="@file or JSON list of servers to drive")
    ap.add_argument("--no-lsp", action="store_true")
    ap.add_argument("--no-batch", action="store_true")
    ap.add_argument("--editor-requests", action="store_true",
                    help="after each edit's diagnostics, also request inlay hints and code lenses and time them")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--init-timeout", type=float, default=30.0)
    ap.add_argument("--open-wait", type=float, default=3.0)
    ap.add_argument("--settle", type=float, default=1.0)
    ap.add_argument("--exit-grace", type=float, default=10.0, help="seconds a server may take to exit")
    ap.add_argument("--warmup-only", action="store_true",
                    help="start each scanning server once on the smallest H (a short session, so that it "
                         "writes its start-up cache at exit) and print nothing")
    ap.add_argument("--json", action="store_true", help="also print the raw results as JSON on stderr")
    a = ap.parse_args(argv)
    a.jar = os.path.abspath(a.jar)
    a.server_specs = [] if a.no_lsp or a.servers is None else lb.parse_json_arg(a.servers, "--servers")
    return a


def main(argv):
    args = parse_args(argv)

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    if not os.path.isfile(args.jar):
        log("repobench: %s not found; build it with: mvn -B -q package -DskipTests" % args.jar)
        return 2
    if args.warmup_only:
        repo, manifest = repository(args.cache, min(args.hosts), args.seed, log)
        args.edits = 4
        args.exit_grace = max(args.exit_grace, 120.0)   # writing an AOT cache takes seconds
        for spec in args.server_specs:
            if spec.get("scans", True):
                log("first start: %s" % spec["name"])
                row = asyncio.run(lsp_one(spec, repo, manifest, args, log))
                if row["error"]:
                    log("  %s" % row["error"])
        return 0
    results = []
    for hosts in args.hosts:
        repo, manifest = repository(args.cache, hosts, args.seed, log)
        r = {"hosts": hosts, "manifest": manifest, "settle": args.settle, "open_wait": args.open_wait}
        log("H=%d: %d config files, %d tree files, %d hosts with a problem" % (
            hosts, manifest["config_files"], manifest["tree_files"], len(manifest["problems"])))
        if not args.no_batch:
            classes = compile_bare(args.cache, args.jar, args.javac, log)
            r["batch"], r["notes"] = batch(args, repo, manifest, classes, log)
        r["lsp"] = []
        for spec in args.server_specs:
            log("%s (H=%d): %s" % (spec["name"], hosts, " ".join(spec["cmd"])))
            r["lsp"].append(asyncio.run(lsp_one(spec, repo, manifest, args, log)))
        results.append(r)
    print_tables(results)
    if args.json:
        print(json.dumps(results, indent=1, default=str), file=sys.stderr)
    return 1 if any(row.get("error") for r in results for row in r["lsp"]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
