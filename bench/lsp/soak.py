#!/usr/bin/env python3
"""Soak test for a provider-config language server (ptree serve by default).

Opens one generated provider-config file (5,000 providers by default), streams
--edits random incremental didChange edits into it (value edits, inserted and
removed comment lines, errors switched on and off, the file mostly valid),
waits for diagnostics on every --every-th edit and at the end, and reports:

- server RSS (VmRSS, VmHWM from /proc) and Java heap used after a full GC
  (jcmd GC.run + GC.heap_info) before and after the edits;
- time taken and edit throughput;
- whether the final published diagnostics equal `ptree check --format json`
  on the final text (rule code + range + message).

PASS when the diagnostics match, every wait was answered, and
heap after <= --heap-factor x heap before + --heap-slack-mb.

Usage:
  python3 bench/lsp/soak.py [--providers 5000] [--edits 20000] [--every 1000] \
      [--seed 7] [--ptree bin/ptree] [-- CMD ARGS...]     (default CMD: bin/ptree serve)

Stdlib only; reuses lspbench.py's client, framing and generator.
"""

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import lspbench  # noqa: E402
from lspbench import LspClient, ServerGone, WaitTimeout  # noqa: E402

REPO = HERE.parent.parent
TOTAL_RE = re.compile(r"^(\s+total: )(\d+)\s*$")
BROKEN_RE = re.compile(r"^(\s+total: )oops(\d+)_(\d+)\s*$")


# ---------------------------------------------------------------------------
# The client's copy of the text, and the random edits


class Text:
    """The document as a list of lines (no newline kept; the text ends with one)."""

    def __init__(self, text):
        assert text.endswith("\n")
        self.lines = text[:-1].split("\n")
        self.version = 1
        self.broken = {}      # error id -> original total value
        self.comments = []    # markers of inserted comment lines
        self.serial = 0

    def text(self):
        return "\n".join(self.lines) + "\n"

    def _replace_line(self, i, new):
        old = self.lines[i]
        self.lines[i] = new
        return {"range": {"start": {"line": i, "character": 0},
                          "end": {"line": i, "character": len(old)}}, "text": new}

    def _find(self, rng, pattern):
        """A random line matching pattern: start anywhere, scan forward (wrapping)."""
        n = len(self.lines)
        start = rng.randrange(n)
        for k in range(n):
            i = (start + k) % n
            m = pattern.match(self.lines[i])
            if m:
                return i, m
        return None, None

    def value_edit(self, rng):
        i, m = self._find(rng, TOTAL_RE)
        if i is None:
            return None
        value = max(1, int(m.group(2)) + rng.choice((-2, -1, 1, 2, 3)))
        # only the digits change: a small edit inside the line
        c0 = len(m.group(1))
        c1 = c0 + len(m.group(2))
        self.lines[i] = self.lines[i][:c0] + str(value) + self.lines[i][c1:]
        return {"range": {"start": {"line": i, "character": c0},
                          "end": {"line": i, "character": c1}}, "text": str(value)}

    def insert_comment(self, rng):
        self.serial += 1
        marker = "# soak note %d" % self.serial
        i = rng.randrange(4, len(self.lines))  # after the meta header
        indent = len(self.lines[i]) - len(self.lines[i].lstrip(" "))
        line = " " * indent + marker
        self.lines.insert(i, line)
        self.comments.append(marker)
        return {"range": {"start": {"line": i, "character": 0},
                          "end": {"line": i, "character": 0}}, "text": line + "\n"}

    def remove_comment(self, rng):
        if not self.comments:
            return None
        marker = self.comments.pop(rng.randrange(len(self.comments)))
        for i, line in enumerate(self.lines):
            if line.endswith(marker) and line.strip() == marker:
                del self.lines[i]
                return {"range": {"start": {"line": i, "character": 0},
                                  "end": {"line": i + 1, "character": 0}}, "text": ""}
        return None

    def break_value(self, rng):
        i, m = self._find(rng, TOTAL_RE)
        if i is None:
            return None
        self.serial += 1
        self.broken[self.serial] = m.group(2)
        return self._replace_line(i, "%soops%s_%d" % (m.group(1), m.group(2), self.serial))

    def repair_value(self, rng):
        if not self.broken:
            return None
        ident = rng.choice(sorted(self.broken))
        original = self.broken.pop(ident)
        suffix = "_%d" % ident
        for i, line in enumerate(self.lines):
            if line.endswith(suffix):
                m = BROKEN_RE.match(line)
                if m and m.group(3) == str(ident):
                    return self._replace_line(i, m.group(1) + original)
        return None

    def random_edit(self, rng, max_broken):
        r = rng.random()
        if r < 0.55:
            change = self.value_edit(rng)
        elif r < 0.70:
            change = self.insert_comment(rng) if len(self.comments) < 200 else self.remove_comment(rng)
        elif r < 0.85:
            change = self.remove_comment(rng) or self.insert_comment(rng)
        else:
            change = (self.break_value(rng) if len(self.broken) < max_broken and rng.random() < 0.5
                      else self.repair_value(rng) or self.break_value(rng))
        if change is None:
            change = self.insert_comment(rng)
        self.version += 1
        return change


# ---------------------------------------------------------------------------
# Measurements


def java_pid(pid):
    """The JVM in the server's process tree (the launcher may exec it or start it)."""
    for p in [pid] + lspbench.process_tree(pid):
        try:
            if Path("/proc/%d/comm" % p).read_text().strip() == "java":
                return p
        except OSError:
            continue
    return pid


def proc_memory_kb(pid):
    out = {}
    try:
        for line in Path("/proc/%d/status" % pid).read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
    except OSError:
        pass
    return out


def heap_used_kb(pid):
    """Java heap in use after a full collection (jcmd), or None if jcmd cannot attach."""
    jcmd = shutil.which("jcmd")
    if jcmd is None:
        return None
    try:
        subprocess.run([jcmd, str(pid), "GC.run"], capture_output=True, timeout=60, check=True)
        out = subprocess.run([jcmd, str(pid), "GC.heap_info"], capture_output=True, text=True,
                             timeout=60, check=True).stdout
    except (subprocess.SubprocessError, OSError):
        return None
    used = 0
    found = False
    for line in out.splitlines():
        # ParallelGC: "PSYoungGen total 262144K, used 1234K"; "ParOldGen total ..., used ...K"
        # G1/Serial: one "garbage-first heap total ..., used ...K" or per-generation lines
        m = re.search(r"^\s*(\S.*?)\s+total\s+\d+K,\s+used\s+(\d+)K", line)
        if m and "Metaspace" not in m.group(1) and "class space" not in m.group(1):
            used += int(m.group(2))
            found = True
    return used if found else None


def memory(pid):
    m = proc_memory_kb(pid)
    return {"rss_mb": m.get("VmRSS", 0) / 1024.0, "hwm_mb": m.get("VmHWM", 0) / 1024.0,
            "heap_mb": (lambda h: None if h is None else h / 1024.0)(heap_used_kb(pid))}


# ---------------------------------------------------------------------------
# Comparison with `ptree check`


def key_of(rule, rng, message):
    s, e = rng["start"], rng["end"]
    return (rule, s["line"], s["character"], e["line"], e["character"], message)


def check_diagnostics(ptree, text, tmp):
    folder = Path(tmp) / "check" / "provider_config"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "providers.yaml"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run(ptree + ["check", "--format", "json", str(path)], capture_output=True,
                          text=True, timeout=300)
    if proc.returncode not in (0, 1):
        raise SystemExit("soak: ptree check failed (%d): %s" % (proc.returncode, proc.stderr[-500:]))
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        raise SystemExit("soak: ptree check (exit %d) printed no JSON: %s"
                         % (proc.returncode, (proc.stderr or proc.stdout)[-500:]))
    out = []
    for f in report.get("files", []):
        for d in f.get("diagnostics", []):
            out.append(key_of(d["rule"], d["range"], d["message"]))
    return sorted(out)


def lsp_keys(diags):
    out = []
    for d in diags:
        code = d.get("code")
        if isinstance(code, dict):
            code = code.get("value")
        out.append(key_of(code, d["range"], d["message"]))
    return sorted(out)


# ---------------------------------------------------------------------------


async def wait_version(client, uri, version, timeout):
    """The latest publishDiagnostics for uri that carries a version >= version. Unlike
    lspbench's wait, a publish without a version does not count: the final check must
    see the diagnostics of the final text."""
    uri = lspbench._norm_uri(uri)
    deadline = time.perf_counter() + timeout
    while True:
        for p in reversed(client.publishes):
            if p[1] == uri and isinstance(p[2], int) and p[2] >= version:
                return p
        if client.closed:
            raise ServerGone(client.close_reason or "server gone")
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise WaitTimeout("no publishDiagnostics for version %d in %.0f s" % (version, timeout))
        ev = client._ev
        try:
            await asyncio.wait_for(ev.wait(), min(remaining, 1.0))
        except asyncio.TimeoutError:
            pass


def log(msg):
    print(msg, file=sys.stderr, flush=True)


async def soak(args):
    rng = random.Random(args.seed)
    text = lspbench.provider_config_text(args.providers)
    tmp = tempfile.mkdtemp(prefix="ptree-soak-")
    ws = Path(tmp) / "ws"
    (ws / "provider_config").mkdir(parents=True)
    path = ws / "provider_config" / "providers.yaml"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    folders = [{"uri": ws.as_uri(), "name": "ws"}]
    client = LspClient(args.cmd, str(REPO), {}, str(Path(tmp) / "server.stderr"), folders, log)
    doc = Text(text)
    result = {"providers": args.providers, "file_kb": round(len(text.encode()) / 1000.0, 1),
              "edits": args.edits, "every": args.every}
    ok = True
    try:
        await client.start()
        init = {"processId": os.getpid(), "rootUri": ws.as_uri(), "workspaceFolders": folders,
                "capabilities": lspbench.client_capabilities()}
        await client.request("initialize", init, args.timeout)
        await client.notify("initialized", {})
        await client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        await wait_version(client, uri, 1, args.timeout)
        await asyncio.sleep(1.0)
        pid = java_pid(client.proc.pid)
        before = memory(pid)
        log("soak: %d providers (%.0f KB) open; before: RSS %.0f MB, heap %s MB"
            % (args.providers, result["file_kb"], before["rss_mb"], fmt(before["heap_mb"])))

        t0 = time.perf_counter()
        waits = []
        unversioned = sum(1 for p in client.publishes if p[2] is None)
        publishes = 0
        for k in range(1, args.edits + 1):
            change = doc.random_edit(rng, args.max_errors)
            await client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": doc.version}, "contentChanges": [change]})
            if k % args.every == 0 or k == args.edits:
                tw = time.perf_counter()
                await wait_version(client, uri, doc.version, args.timeout)
                waits.append((time.perf_counter() - tw) * 1000.0)
                if k % (args.every * 5) == 0 or k == args.edits:
                    log("soak: %d/%d edits, %.1f s" % (k, args.edits, time.perf_counter() - t0))
            if len(client.publishes) > 1000:
                unversioned += sum(1 for p in client.publishes[:-10] if p[2] is None)
                publishes += len(client.publishes) - 10
                del client.publishes[:-10]  # keep the client's memory flat
        elapsed = time.perf_counter() - t0
        # the last publish is what the editor shows: it must be the final version's
        await asyncio.sleep(0.5)
        final = [p for p in client.publishes if p[1] == lspbench._norm_uri(uri)][-1]
        unversioned += sum(1 for p in client.publishes if p[2] is None)
        publishes += len(client.publishes)
        after = memory(pid)

        final_text = doc.text()
        expected = check_diagnostics(args.ptree, final_text, tmp)
        got = lsp_keys(final[3])
        same = got == expected
        result.update({
            "seconds": round(elapsed, 1), "edits_per_s": round(args.edits / elapsed, 1),
            "wait_ms_max": round(max(waits), 1) if waits else None,
            "publishes": publishes, "unversioned_publishes": unversioned,
            "final_version": doc.version, "published_version": final[2],
            "final_lines": len(doc.lines), "errors_left": len(doc.broken),
            "diagnostics": len(got), "check_diagnostics": len(expected), "same_as_check": same,
            "before": before, "after": after})
        if not same:
            ok = False
            missing = [d for d in expected if d not in got][:5]
            extra = [d for d in got if d not in expected][:5]
            result["missing"] = missing
            result["extra"] = extra
        if final[2] != doc.version:
            ok = False
        if before["heap_mb"] is not None and after["heap_mb"] is not None:
            bound = before["heap_mb"] * args.heap_factor + args.heap_slack_mb
            result["heap_bound_mb"] = round(bound, 1)
            if after["heap_mb"] > bound:
                ok = False
        else:
            result["heap_bound_mb"] = None
            log("soak: jcmd could not attach; the heap bound is not checked")
    except (ServerGone, WaitTimeout) as e:
        ok = False
        result["error"] = str(e)
    finally:
        await client.stop()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            result["tmp"] = tmp
    result["pass"] = ok
    return result


def fmt(v):
    return "n/a" if v is None else "%.1f" % v


def report(r):
    print("soak: %d providers, %.0f KB, %d edits (diagnostics awaited every %d)"
          % (r["providers"], r["file_kb"], r["edits"], r["every"]))
    if "error" in r:
        print("  error: %s" % r["error"])
    if "seconds" in r:
        b, a = r["before"], r["after"]
        print("  time: %.1f s, %.0f edits/s; longest wait for diagnostics %.0f ms"
              % (r["seconds"], r["edits_per_s"], r["wait_ms_max"]))
        print("  RSS  before %.0f MB (peak %.0f), after %.0f MB (peak %.0f)"
              % (b["rss_mb"], b["hwm_mb"], a["rss_mb"], a["hwm_mb"]))
        print("  heap after full GC: before %s MB, after %s MB; bound %s MB (= %.2f x before + %d MB)"
              % (fmt(b["heap_mb"]), fmt(a["heap_mb"]), fmt(r["heap_bound_mb"]), ARGS.heap_factor,
                 ARGS.heap_slack_mb))
        print("  final text: version %d, %d lines, %d deliberate errors left; published version %s"
              % (r["final_version"], r["final_lines"], r["errors_left"], r["published_version"]))
        print("  publishDiagnostics received: %d (%d without a version)"
              % (r["publishes"], r["unversioned_publishes"]))
        print("  diagnostics: server %d, ptree check %d, equal: %s"
              % (r["diagnostics"], r["check_diagnostics"], "yes" if r["same_as_check"] else "NO"))
        for k in ("missing", "extra"):
            for d in r.get(k, []):
                print("    %s: %s" % (k, d))
    print("PASS" if r["pass"] else "FAIL")


def parse_args(argv):
    cmd = []
    if "--" in argv:
        i = argv.index("--")
        argv, cmd = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description="Soak a provider-config language server with edits.")
    ap.add_argument("--providers", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=20000)
    ap.add_argument("--every", type=int, default=1000, help="wait for diagnostics every k edits (default 1000)")
    ap.add_argument("--max-errors", type=int, default=5, help="deliberate errors open at once (default 5)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds for any one wait")
    ap.add_argument("--heap-factor", type=float, default=1.5)
    ap.add_argument("--heap-slack-mb", type=int, default=50)
    ap.add_argument("--ptree", default=str(REPO / "bin" / "ptree"), help="the ptree CLI for `check`")
    ap.add_argument("--keep", action="store_true", help="keep the temporary workspace")
    ap.add_argument("--json", action="store_true", help="print the result as JSON too")
    args = ap.parse_args(argv)
    args.cmd = cmd or [str(REPO / "bin" / "ptree"), "serve"]
    args.ptree = args.ptree.split()
    if args.every < 1 or args.edits < 1:
        ap.error("--edits and --every must be positive")
    return args


ARGS = None


def main(argv):
    global ARGS
    ARGS = parse_args(argv)
    r = asyncio.run(soak(ARGS))
    report(r)
    if ARGS.json:
        print(json.dumps(r))
    return 0 if r["pass"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
