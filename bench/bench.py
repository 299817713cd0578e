#!/usr/bin/python3
"""Benchmark driver behind bench/run.sh (see bench/README.md).

Times, in one run and on the same generated directories, nova's own
provider-config loader and `ptree check`, then prints a Markdown table on
stdout (progress goes to stderr). Exit status: 0 if every run that happened was
correct (nova loaded all N providers; ptree exited 0), 1 otherwise, 2 on bad
settings. A missing jar is not an error: the ptree columns read "n/a".

Settings (environment): PTREE_JAR, JAVA, NOVA_PYTHON, BENCH_SIZES,
BENCH_NOVA_RUNS, BENCH_PTREE_RUNS, BENCH_CACHE -- see bench/README.md.
"""

import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
GEN = os.path.join(BENCH, "gen_provider_configs.py")
NOVA_LOAD = os.path.join(BENCH, "nova_load.py")
TARGET_N = 50000
TARGET_S = 1.5
TARGET_RATIO = 50.0


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def env_int(name, default):
    v = os.environ.get(name, "").strip()
    if not v:
        return default
    try:
        n = int(v)
    except ValueError:
        n = 0
    if n < 1:
        log("bench: %s must be a positive integer, got %r" % (name, v))
        sys.exit(2)
    return n


def sizes_from_env():
    raw = os.environ.get("BENCH_SIZES", "").strip() or "1000 10000 50000"
    out = []
    for tok in re.split(r"[,\s]+", raw):
        if not tok:
            continue
        tok = tok.replace("_", "")
        if tok.lower().endswith("k") and tok[:-1].isdigit():
            tok = str(int(tok[:-1]) * 1000)
        if not tok.isdigit() or int(tok) < 1:
            log("bench: BENCH_SIZES must list positive integers, got %r" % raw)
            sys.exit(2)
        out.append(int(tok))
    return out


def ensure_dir(python, cache, n):
    """Generate (or reuse) the directory for n providers; return (path, bytes)."""
    d = os.path.join(cache, "n%d" % n)
    stamp = os.path.join(cache, "n%d.stamp" % n)
    with open(GEN, "rb") as f:
        want = "%s %d\n" % (hashlib.sha256(f.read()).hexdigest(), n)
    have = None
    if os.path.exists(stamp):
        with open(stamp) as f:
            have = f.read()
    if have != want or not os.path.isdir(d):
        log("bench: generating %d providers in %s" % (n, os.path.relpath(d, ROOT)))
        if os.path.isdir(d):
            shutil.rmtree(d)
        subprocess.run([python, GEN, str(n), d], check=True)
        with open(stamp, "w") as f:
            f.write(want)
    size = sum(os.path.getsize(os.path.join(d, f))
               for f in os.listdir(d) if f.endswith(".yaml"))
    return d, size


def time_nova(python, d, n, runs):
    """Returns (best process s, best loader s, error or None)."""
    procs, loaders = [], []
    for r in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run([python, NOVA_LOAD, d], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t0
        if p.returncode != 0:
            return None, None, "nova failed (exit %d): %s" % (
                p.returncode, p.stderr.strip()[-2000:])
        try:
            res = json.loads(p.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            return None, None, "nova_load.py printed no result: %r" % p.stdout[-500:]
        if res["providers"] != n:
            return None, None, "nova loaded %d providers, expected %d" % (
                res["providers"], n)
        procs.append(wall)
        loaders.append(res["loader_s"])
        log("bench:   nova  N=%d run %d/%d: process %.3f s, loader %.3f s" % (
            n, r + 1, runs, wall, res["loader_s"]))
    return min(procs), min(loaders), None


def time_ptree(java, jar, d, n, runs, out_path, launcher=None):
    """Returns (list of wall seconds, summary dict or None, error or None)."""
    walls, summary = [], None
    cmd = ([launcher] if launcher else [java, "-jar", jar]) + ["check", "--format", "json", d]
    for r in range(runs):
        with open(out_path, "wb") as out:
            t0 = time.perf_counter()
            p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE)
            wall = time.perf_counter() - t0
        if p.returncode != 0:
            tail = ""
            try:
                with open(out_path, "rb") as f:
                    tail = f.read(1500).decode("utf-8", "replace")
            except OSError:
                pass
            return walls, None, "ptree exited %d on a valid directory: %s %s" % (
                p.returncode, p.stderr.decode("utf-8", "replace").strip()[-1500:],
                tail)
        walls.append(wall)
        log("bench:   ptree N=%d run %d/%d: %.3f s" % (n, r + 1, runs, wall))
    # Exit 0 alone is not enough (a stub jar exits 0 too): the last run's stdout
    # must be the JSON report of DESIGN.md section 5 with summary.errors == 0.
    try:
        with open(out_path, "rb") as f:
            raw = f.read()
        summary = json.loads(raw)["summary"]
        errors = summary["errors"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        return walls, None, ("ptree exited 0 but its stdout is not the JSON report "
                             "({\"files\": [...], \"summary\": {\"errors\": N, ...}}): "
                             "%s; first bytes: %r" % (e, raw[:200] if "raw" in locals() else b""))
    if errors != 0:
        return walls, summary, "ptree exited 0 but reported %r errors" % errors
    return walls, summary, None


def machine_line(java):
    nproc = os.cpu_count()
    try:
        jv = subprocess.run([java, "-version"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True).stderr
        jv = jv.strip().splitlines()
        jv = "; ".join(jv[:2]) if jv else "unknown"
    except OSError:
        jv = "java not found"
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "nproc %s (%s), %s, Python %s, java: %s" % (
        nproc, cpu or platform.machine(), platform.platform(terse=True),
        platform.python_version(), jv)


LAUNCHER = os.environ.get("PTREE_LAUNCHER") or "bin/ptree"


def fmt(x, nd=2):
    return "n/a" if x is None else "%.*f" % (nd, x)


def main():
    os.chdir(ROOT)
    jar = os.environ.get("PTREE_JAR") or "server/target/ptree.jar"
    java = os.environ.get("JAVA") or "java"
    python = os.environ.get("NOVA_PYTHON") or "/usr/bin/python3"
    cache = os.path.abspath(os.environ.get("BENCH_CACHE") or os.path.join(BENCH, ".cache"))
    sizes = sizes_from_env()
    nova_runs_env = env_int("BENCH_NOVA_RUNS", None)
    ptree_runs = env_int("BENCH_PTREE_RUNS", 3)
    os.makedirs(cache, exist_ok=True)

    have_jar = os.path.isfile(jar)
    have_java = shutil.which(java) is not None
    if not have_jar:
        log("bench: *** ptree jar not found at %s (relative to %s). Build it first "
            "(mvn -q -DskipTests package) or set PTREE_JAR=/path/to/ptree.jar. "
            "Timing nova only; ptree columns will read n/a. ***" % (jar, ROOT))
    elif not have_java:
        log("bench: *** '%s' not found on PATH (set JAVA=...). Timing nova only. ***" % java)
    run_ptree = have_jar and have_java

    rows, notes, failed = [], [], False
    for n in sizes:
        d, size = ensure_dir(python, cache, n)
        nova_runs = nova_runs_env or (3 if n <= 10000 else 1)
        log("bench: N=%d (%.1f MB in %s)" % (n, size / 1e6, os.path.relpath(d, ROOT)))
        nova_p, nova_l, err = time_nova(python, d, n, nova_runs)
        if err:
            failed = True
            notes.append("N=%d: %s" % (n, err))
            log("bench: ERROR " + err)
        p_med = p_best = l_med = l_best = None
        if run_ptree and os.path.isfile(LAUNCHER):
            walls, summary, perr = time_ptree(java, jar, d, n, ptree_runs,
                                              os.path.join(cache, "ptree-out.json"), LAUNCHER)
            if perr:
                failed = True
                notes.append("N=%d (bin/ptree): %s" % (n, perr))
                log("bench: ERROR " + perr)
            else:
                l_med, l_best = statistics.median(walls), min(walls)
        if run_ptree:
            walls, summary, perr = time_ptree(java, jar, d, n, ptree_runs,
                                              os.path.join(cache, "ptree-out.json"))
            if perr:
                failed = True
                notes.append("N=%d: %s" % (n, perr))
                log("bench: ERROR " + perr)
            else:
                p_med, p_best = statistics.median(walls), min(walls)
                if summary:
                    notes.append("N=%d: ptree summary %s" % (
                        n, json.dumps(summary, sort_keys=True)))
        ratio = nova_p / p_med if (nova_p and p_med) else None
        l_ratio = nova_p / l_med if (nova_p and l_med) else None
        best_med = min(x for x in (p_med, l_med, float("inf")) if x is not None)
        if n == TARGET_N and p_med is not None:
            target = "yes" if best_med <= TARGET_S else "no"
        elif n == TARGET_N:
            target = "n/a"
        else:
            target = "—"
        rows.append((n, size, nova_p, nova_l, p_med, p_best, ratio, target,
                     nova_runs, ptree_runs if run_ptree else 0, l_med, l_ratio))

    def fmt_ratio(r):
        return "n/a" if r is None else ("%.0f×" if r >= 10 else "%.1f×") % r
    print("| N | size MB | nova s (process) | nova s (loader only) | ptree `java -jar` s (median) "
          "| ptree `java -jar` s (best) | ratio | ptree `bin/ptree` s (median) | ratio "
          "| target met (≤ %.1f s at 50k) |" % TARGET_S)
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|")
    for n, size, nova_p, nova_l, p_med, p_best, ratio, target, nr, pr, l_med, l_ratio in rows:
        print("| %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            format(n, ","), size / 1e6, fmt(nova_p), fmt(nova_l), fmt(p_med, 3),
            fmt(p_best, 3), fmt_ratio(ratio), fmt(l_med, 3), fmt_ratio(l_ratio), target))
    print()
    print("nova: best of fresh `%s` processes (runs: %s) (process = whole process wall time "
          "incl. interpreter start and imports; loader = inside get_provider_configs). "
          "ptree: `java -jar %s check --format json DIR`, wall incl. JVM start, %s runs. "
          "Ratio = nova process best / ptree median. Design target at 50k: ≤ %.1f s and "
          "≥ %.0f× nova." % (
              python, ", ".join("%d for N=%s" % (r[8], format(r[0], ",")) for r in rows), jar,
              ptree_runs if run_ptree else "0 (no jar)", TARGET_S, TARGET_RATIO))
    print()
    print("Machine: " + machine_line(java))
    for note in notes:
        print("- " + note)
    if not run_ptree:
        print("- ptree not timed: %s" % ("jar %s missing" % jar if not have_jar
                                          else "java not found"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
