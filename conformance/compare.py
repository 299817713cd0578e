#!/usr/bin/python3
"""Compare nova_reference.py's verdicts with `ptree check --format json`.

Used by run.sh:  compare.py WORKDIR
WORKDIR holds nova.jsonl (one nova_reference.py object per case, in order)
and, for case number i, i.out / i.err / i.rc from ptree.
Prints one line per case, `conformance: N/M agree` and, over the cases
nova loads (whose verdict comes from the real Placement run),
`placement conformance: N/M agree`; exit 1 on any disagreement.
"""

import json
import os
import re
import sys

# A JVM stack trace, or an uncaught exception report, on stderr; also a
# rule that failed inside ptree ("ptree: internal error in PT304: ...").
STACK_TRACE = re.compile(
    r"^\s+at [\w$.<>/]+\(.*\)\s*$|^Exception in thread |^Caused by: "
    r"|^ptree: internal error\b",
    re.M)


def nova_outcome(ref):
    if ref["nova"] != "loaded":
        return ref["nova"]
    if any("_merge_provider_configs" in r for r in ref["placement_rejects"]):
        return "loaded+merge-error"
    if ref["placement_rejects"]:
        return "loaded+placement-reject"
    return "loaded"


def short(text, limit=160):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "..."


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


def judge(ref, out, err, rc):
    """Return (agree, ptree_summary, problems)."""
    problems = []
    if rc not in (0, 1):
        problems.append("exit code %s%s" % (
            rc, " (timeout)" if rc == 124 else ""))
    if STACK_TRACE.search(err):
        problems.append("stack trace or internal error on stderr")
    try:
        report = json.loads(out)
        errors = int(report["summary"]["errors"])
        diags = [d for f in report.get("files", [])
                 for d in f.get("diagnostics", [])]
    except (ValueError, KeyError, TypeError) as exc:
        problems.append("no usable JSON on stdout (%s)" % short(exc, 60))
        return False, "?", problems, []
    err_codes = sorted({d.get("rule", "?") for d in diags
                        if d.get("severity") == "error"})
    other = sorted({d.get("rule", "?") for d in diags
                    if d.get("severity") != "error"})
    ptree_error = errors > 0
    if rc in (0, 1) and (rc == 1) != ptree_error:
        problems.append("note: exit %s but summary.errors=%s" % (rc, errors))
    summary = "errors=%s [%s]%s" % (
        errors, ",".join(err_codes),
        (" other=[%s]" % ",".join(other)) if other else "")
    if ptree_error != ref["expect_error"]:
        problems.insert(0, "ptree says %s, nova/placement say %s" % (
            "error" if ptree_error else "no error",
            "error" if ref["expect_error"] else "no error"))
    agree = (ptree_error == ref["expect_error"] and rc in (0, 1)
             and not STACK_TRACE.search(err))
    messages = [d for d in diags if d.get("severity") == "error"] \
        if not ref["expect_error"] else []
    return agree, summary, problems, messages


def main(argv):
    work = argv[1]
    with open(os.path.join(work, "nova.jsonl"), encoding="utf-8") as f:
        refs = [json.loads(line) for line in f if line.strip()]
    agree_n = 0
    loaded_n = loaded_agree_n = 0
    width = max([len(os.path.basename(os.path.normpath(r["dir"])))
                 for r in refs] + [10])
    for i, ref in enumerate(refs):
        name = os.path.basename(os.path.normpath(ref["dir"]))
        rc_text = read(os.path.join(work, "%d.rc" % i)).strip()
        rc = int(rc_text) if rc_text.lstrip("-").isdigit() else None
        out = read(os.path.join(work, "%d.out" % i))
        err = read(os.path.join(work, "%d.err" % i))
        agree, summary, problems, messages = judge(ref, out, err, rc)
        agree_n += agree
        if ref["nova"] == "loaded":
            loaded_n += 1
            loaded_agree_n += agree
        print("%-8s %-*s nova=%-23s expect_error=%-5s ptree: exit=%s %s" % (
            "AGREE" if agree else "DISAGREE", width, name, nova_outcome(ref),
            "true" if ref["expect_error"] else "false", rc, summary))
        if not agree or any(p.startswith("note:") for p in problems):
            for p in problems:
                print("         - %s" % p)
        if not agree:
            if ref["nova"] != "loaded":
                print("         - nova: %s" % short(ref["detail"]))
            for r in ref["placement_rejects"][:2]:
                print("         - placement: %s" % short(r))
            for r in ref.get("unreachable", [])[:2]:
                print("         - unreachable: %s" % short(r))
            for d in messages[:3]:
                print("         - ptree %s: %s" % (d.get("rule"),
                                                   short(d.get("message"))))
            if err.strip() and (rc not in (0, 1) or STACK_TRACE.search(err)):
                print("         - stderr: %s" % short(err, 300))
    print("conformance: %d passed, %d failed" % (agree_n, len(refs) - agree_n))
    print("conformance: %d/%d agree" % (agree_n, len(refs)))
    # the directories nova loads: judged by what a real Placement answers
    print("placement conformance: %d/%d agree" % (loaded_agree_n, loaded_n))
    return 0 if agree_n == len(refs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
