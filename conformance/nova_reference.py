#!/usr/bin/python3
"""Reference oracle: what do the real Nova and Placement make of a config dir?

Run with Debian's interpreter (/usr/bin/python3), which has python3-nova and
python3-placement installed:

    /usr/bin/python3 conformance/nova_reference.py DIR [DIR...]

For every DIR (one Nova ``[compute] provider_config_location``) this prints
one JSON object per line:

    {"dir": ..., "nova": "loaded|config-error|crash", "detail": ...,
     "warnings": [...], "placement_rejects": [...],
     "placement_calls": [{"entry", "reachable", "calls", "unreachable"?}],
     "unreachable": [...], "expect_error": bool}

* ``nova`` is the outcome of nova's own
  ``nova.compute.provider_config.get_provider_configs(DIR)``:
  ``loaded`` (detail = the providers dict), ``config-error``
  (ProviderConfigException, detail = its message) or ``crash`` (any other
  exception, detail = "Type: message").
* ``placement_rejects`` (only when nova loaded the dir) lists what will
  certainly fail later, found by sending what nova's report client would
  send for each entry to a real Placement (python3-placement's WSGI app over
  in-memory SQLite, see real_placement.py): a stand-in provider for the one
  the entry identifies (POST /resource_providers at 1.20), then nova's own
  ``merged_inventory.update(item)`` (ResourceTracker._merge_provider_configs),
  PUT /resource_classes/{name} at 1.7, PUT .../inventories at 1.26,
  GET/PUT /traits at 1.6 and PUT .../traits. An entry no provider Placement
  can hold matches (Placement refuses to create it, or stores the uuid or
  name as another string) is listed in ``unreachable``: nova sends nothing
  for it. ``placement_calls`` lists every call per entry.
* ``expect_error`` = nova did not load the dir, or something was rejected.

Nothing of nova or placement is copied here: both are imported.

Options:
    --self-check   also verify that each case directory's name ends with the
                   outcome it claims (-loads, -config-error, -crash,
                   -placement-reject, -merge-error); exit 1 on a mismatch.
    --pretty       indent the JSON output.
"""

import argparse
import json
import locale
import logging
import os
import re
import sys


def _ensure_utf8_mode():
    # nova opens the files with open(path): the locale's encoding. A
    # nova-compute service runs under a UTF-8 locale (Python coerces the C
    # locale to C.UTF-8), so evaluate the fixtures the same way everywhere.
    enc = locale.getpreferredencoding(False).lower().replace("-", "")
    if enc != "utf8" and not sys.flags.utf8_mode:
        os.execv(sys.executable,
                 [sys.executable, "-X", "utf8"] + sys.argv)


_ensure_utf8_mode()

import webob.exc  # noqa: E402

from nova import exception as nova_exc  # noqa: E402
from nova.compute import provider_config  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import real_placement  # noqa: E402

_PLACEMENT = []


def _placement():
    if not _PLACEMENT:
        _PLACEMENT.append(real_placement.RealPlacement())
    return _PLACEMENT[0]


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        try:
            self.records.append(record.getMessage())
        except Exception as exc:  # pragma: no cover - defensive
            self.records.append("unformattable log record: %r" % exc)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _jsonable(obj, budget=None, stack=None):
    """Convert a PyYAML result to JSON safely (cycles, huge alias fan-out,
    non-string keys, NaN, dates, bytes, sets)."""
    if budget is None:
        budget = [5000]
    if stack is None:
        stack = set()
    budget[0] -= 1
    if budget[0] < 0:
        return "<truncated>"
    if obj is None or isinstance(obj, bool):
        return obj
    if isinstance(obj, str):
        # lone surrogates (from "\ud800" escapes) are not valid JSON text
        return _SURROGATE.sub(lambda m: "<U+%04X>" % ord(m.group()), obj)
    if isinstance(obj, int):
        return obj if abs(obj) < 2 ** 63 else repr(obj)
    if isinstance(obj, float):
        return obj if obj == obj and obj not in (float("inf"),
                                                 float("-inf")) \
            else repr(obj)
    if isinstance(obj, (dict, list, tuple, set)):
        if id(obj) in stack:
            return "<cycle>"
        stack.add(id(obj))
        try:
            if isinstance(obj, dict):
                out = {}
                for k, v in obj.items():
                    key = _jsonable(k, [1]) if isinstance(k, str) else \
                        "<%s %r>" % (type(k).__name__, k)
                    out[key] = _jsonable(v, budget, stack)
                    if budget[0] < 0:
                        break
                return out
            out = []
            for v in obj:
                out.append(_jsonable(v, budget, stack))
                if budget[0] < 0:
                    break
            return out
        finally:
            stack.discard(id(obj))
    return "<%s %r>" % (type(obj).__name__, obj)


def _short(exc, limit=400):
    text = str(exc)
    if isinstance(exc, webob.exc.HTTPException):
        text = "%s %s: %s" % (exc.code, exc.title, exc.detail or text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


_COMPUTE_NODE = "$COMPUTE_NODE"


def _stand_in(index, key, provider):
    """The provider of a bound tree that this loaded entry could reach:
    (uuid, name, extra traits) to create in Placement. With no tree given,
    one is made up to stand in for the provider the entry identifies."""
    ident = provider.get("identification", {})
    if key == _COMPUTE_NODE:
        # a compute-node root (the virt driver's): generated uuid, a host
        # name, the COMPUTE_NODE trait
        return (real_placement.new_uuid(), "conformance-compute-node",
                ["COMPUTE_NODE"])
    if "uuid" in ident:
        return ident["uuid"], "conformance-provider-%d" % index, []
    return real_placement.new_uuid(), ident.get("name", key), []


def _call_text(call):
    return "%s %s @%s -> %d" % (call.method, call.path, call.microversion,
                                call.status)


def _reject_text(where, call):
    detail = call.body
    try:
        err = json.loads(call.body)["errors"][0]
        detail = "%s: %s" % (err.get("title"), err.get("detail"))
    except Exception:
        pass
    return "%s: %s %s -> %d %s" % (where, call.method, call.path,
                                   call.status, _short(detail, 300))


def placement_run(placement, index, key, provider):
    """What nova sends for one loaded provider entry, answered by a real
    Placement. Returns (summary dict, list of rejection reasons)."""
    where = "provider %r" % (key,)
    summary = {"entry": key}
    reasons = []

    uuid, name, extra_traits = _stand_in(index, key, provider)
    create = placement.create_provider(uuid, name)
    calls = [create]
    reach = None
    if create.status >= 400:
        reach = "Placement refuses to create such a provider (%d)" % (
            create.status)
    else:
        try:
            stored = json.loads(create.body)
        except ValueError:
            stored = {}
        if stored.get("uuid") != uuid:
            reach = "Placement stores the uuid as %r, never %r" % (
                stored.get("uuid"), uuid)
        elif stored.get("name") != name:
            reach = "Placement stores the name as %r, never %r" % (
                stored.get("name"), name)
    if reach is not None:
        if create.status < 400:
            # what Placement holds instead is no provider of this entry:
            # remove it so it does not take another entry's name or uuid
            calls.append(placement.request(
                "DELETE", "/resource_providers/%s" % stored.get("uuid"),
                real_placement.POST_RP_MICROVERSION))
        summary["reachable"] = False
        summary["unreachable"] = reach
        summary["calls"] = [_call_text(c) for c in calls]
        return summary, []
    summary["reachable"] = True

    # --- only a provider nova finds is merged into; inventories: nova's
    #     _merge_provider_configs does
    #     merged_inventory.update(item) for every additional item.
    merged = {}
    for item in provider.get("inventories", {}).get("additional", []):
        try:
            merged.update(item)
        except Exception as exc:
            reasons.append(
                "%s: nova _merge_provider_configs raises %s on "
                "merged_inventory.update(%r): %s" % (
                    where, type(exc).__name__, item, _short(exc)))
    if reasons:
        summary["calls"] = [_call_text(c) for c in calls]
        return summary, reasons
    traits = sorted(set(provider.get("traits", {}).get("additional", [])))

    try:
        real_placement._json_encode(merged)
    except Exception as exc:
        reasons.append("%s: nova cannot serialise the inventory: %s"
                       % (where, _short(exc)))
        summary["calls"] = [_call_text(c) for c in calls]
        return summary, reasons
    calls += placement.send_provider(
        uuid, name, inventories=merged,
        traits=sorted(set(extra_traits) | set(traits)) if traits else None,
        create=False, generation=json.loads(create.body)["generation"])
    summary["calls"] = [_call_text(c) for c in calls]
    bad = real_placement.failed(calls)
    if bad is not None:
        reasons.append(_reject_text(where, bad))
    return summary, reasons


def evaluate(path):
    capture = _Capture()
    log = logging.getLogger("nova")
    log.addHandler(capture)
    result = {"dir": path}
    try:
        try:
            configs = provider_config.get_provider_configs(path)
        except nova_exc.ProviderConfigException as exc:
            result["nova"] = "config-error"
            result["detail"] = exc.kwargs.get("error") or str(exc)
        except Exception as exc:  # RecursionError, TypeError, ...
            result["nova"] = "crash"
            result["detail"] = "%s: %s" % (type(exc).__name__, _short(exc))
        else:
            result["nova"] = "loaded"
            result["detail"] = _jsonable(configs)
            rejects = []
            runs = []
            placement = _placement()
            placement.reset()
            for index, (key, provider) in enumerate(configs.items()):
                run, reasons = placement_run(placement, index, key, provider)
                runs.append(run)
                rejects.extend(reasons)
            result["placement_rejects"] = rejects
            result["placement_calls"] = runs
            result["unreachable"] = [
                "%s: %s" % (r["entry"], r["unreachable"])
                for r in runs if r.get("reachable") is False]
    finally:
        log.removeHandler(capture)
    result.setdefault("placement_rejects", [])
    result.setdefault("placement_calls", [])
    result.setdefault("unreachable", [])
    result["warnings"] = capture.records
    result["expect_error"] = (result["nova"] != "loaded"
                              or bool(result["placement_rejects"]))
    return result


SUFFIXES = ("-loads", "-config-error", "-crash", "-placement-reject",
            "-merge-error")


def claimed_outcome(path):
    name = os.path.basename(os.path.normpath(path))
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix[1:]
    return None


def actual_outcome(result):
    if result["nova"] == "config-error":
        return "config-error"
    if result["nova"] == "crash":
        return "crash"
    if any("_merge_provider_configs" in r
           for r in result["placement_rejects"]):
        return "merge-error"
    if result["placement_rejects"]:
        return "placement-reject"
    return "loads"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--self-check", action="store_true")
    parser.add_argument("--pretty", action="store_true")
    args = parser.parse_args(argv)

    logging.getLogger("nova").setLevel(logging.INFO)
    logging.getLogger("nova").propagate = False

    bad = 0
    for path in args.dirs:
        result = evaluate(path)
        if args.self_check:
            claimed = claimed_outcome(path)
            actual = actual_outcome(result)
            result["self_check"] = "ok" if claimed == actual else (
                "MISMATCH: name says %s, outcome is %s" % (claimed, actual))
            if claimed != actual:
                bad += 1
        result = _jsonable(result, budget=[10 ** 6])
        print(json.dumps(result, indent=2 if args.pretty else None,
                         ensure_ascii=True, allow_nan=False,
                         default=lambda o: "<%s %r>" % (type(o).__name__,
                                                        o)))
        sys.stdout.flush()
    if bad:
        print("self-check: %d case name(s) do not match nova's outcome"
              % bad, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
