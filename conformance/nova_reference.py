#!/usr/bin/python3
"""Reference oracle: what do the real Nova and Placement make of a config dir?

Run with Debian's interpreter (/usr/bin/python3), which has python3-nova and
python3-placement installed:

    /usr/bin/python3 conformance/nova_reference.py DIR [DIR...]

For every DIR (one Nova ``[compute] provider_config_location``) this prints
one JSON object per line:

    {"dir": ..., "nova": "loaded|config-error|crash", "detail": ...,
     "warnings": [...], "placement_rejects": [...], "expect_error": bool}

* ``nova`` is the outcome of nova's own
  ``nova.compute.provider_config.get_provider_configs(DIR)``:
  ``loaded`` (detail = the providers dict), ``config-error``
  (ProviderConfigException, detail = its message) or ``crash`` (any other
  exception, detail = "Type: message").
* ``placement_rejects`` (only when nova loaded the dir) lists what will
  certainly fail later, found by running what nova would send through
  Placement's own code from python3-placement: the resource-class check of
  ``PUT /resource_classes/{name}``, the trait check of ``PUT /traits/{name}``
  and ``PUT /resource_providers/{uuid}/traits``, the body schema, defaults and
  capacity check of ``PUT /resource_providers/{uuid}/inventories`` at
  microversion 1.26 (the one nova uses), and nova's own
  ``merged_inventory.update(item)`` in ResourceTracker._merge_provider_configs.
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

import jsonschema  # noqa: E402
import microversion_parse  # noqa: E402
import webob.exc  # noqa: E402
from oslo_serialization import jsonutils  # noqa: E402

from nova import exception as nova_exc  # noqa: E402
from nova.compute import provider_config  # noqa: E402

from placement import exception as pl_exc  # noqa: E402
from placement import microversion as pl_microversion  # noqa: E402
from placement import util as pl_util  # noqa: E402
from placement.handlers import inventory as pl_inventory  # noqa: E402
from placement.schemas import inventory as pl_inv_schema  # noqa: E402
from placement.schemas import resource_class as pl_rc_schema  # noqa: E402
from placement.schemas import trait as pl_trait_schema  # noqa: E402

# nova: scheduler/client/report.py ALLOW_RESERVED_EQUAL_TOTAL_INVENTORY_VERSION
NOVA_INVENTORY_MICROVERSION = "1.26"


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


def _placement_version():
    ver = microversion_parse.parse_version_string(NOVA_INVENTORY_MICROVERSION)
    ver.max_version = microversion_parse.parse_version_string(
        pl_microversion.max_version_string())
    ver.min_version = microversion_parse.parse_version_string(
        pl_microversion.min_version_string())
    return ver


class _FakeProvider(object):
    def __init__(self, uuid):
        self.uuid = uuid
        self.generation = 0


def placement_rejects(key, provider):
    """What nova does with one loaded provider entry, run through
    Placement's code. Returns a list of reasons (empty = accepted)."""
    reasons = []
    where = "provider %r" % (key,)

    # --- inventories: nova's _merge_provider_configs does
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
    if merged:
        # report.py _ensure_resource_classes: PUT /resource_classes/{name}
        # for every CUSTOM_* class; handlers/resource_class.py validates
        # with util.extract_json('{"name": "%s"}' % name, PUT_RC_SCHEMA).
        for rc in merged:
            if isinstance(rc, str) and rc.startswith("CUSTOM_"):
                try:
                    pl_util.extract_json('{"name": "%s"}' % rc,
                                         pl_rc_schema.PUT_RC_SCHEMA_V1_2)
                except webob.exc.HTTPException as exc:
                    reasons.append(
                        "%s: PUT /resource_classes/%r -> %s" % (
                            where, rc, _short(exc)))
        # set_inventory_for_provider: PUT .../inventories at 1.26
        body = {"resource_provider_generation": 0, "inventories": merged}
        try:
            raw = jsonutils.dumps(body)
        except Exception as exc:
            reasons.append("%s: nova cannot serialise the inventory: %s"
                           % (where, _short(exc)))
            raw = None
        if raw is not None:
            rp = _FakeProvider("00000000-0000-0000-0000-000000000000")
            try:
                data = pl_inventory._extract_inventories(
                    raw, pl_inv_schema.PUT_INVENTORY_SCHEMA)
                invs = [pl_inventory.make_inventory_object(rp, rc, **rec)
                        for rc, rec in data["inventories"].items()]
                pl_inventory._validate_inventory_capacity(
                    _placement_version(), invs)
            except webob.exc.HTTPException as exc:
                reasons.append("%s: PUT inventories -> %s"
                               % (where, _short(exc)))
            except pl_exc.InvalidInventoryCapacity as exc:
                reasons.append("%s: PUT inventories -> 400 Bad Request: %s"
                               % (where, _short(exc)))
            except Exception as exc:
                reasons.append(
                    "%s: PUT inventories -> 500 (placement raises %s: %s)"
                    % (where, type(exc).__name__, _short(exc)))

    # --- traits: report.py _ensure_traits -> PUT /traits/{name}
    #     (handlers/trait.py: jsonschema.validate(name, CUSTOM_TRAIT)), then
    #     PUT /resource_providers/{uuid}/traits (SET_TRAITS_FOR_RP_SCHEMA).
    traits = sorted(set(provider.get("traits", {}).get("additional", [])))
    for name in traits:
        try:
            jsonschema.validate(name, pl_trait_schema.CUSTOM_TRAIT)
        except jsonschema.ValidationError as exc:
            reasons.append("%s: PUT /traits/%r -> 400: %s"
                           % (where, name, _short(exc.message)))
    if traits:
        try:
            pl_util.extract_json(
                jsonutils.dumps({"traits": traits,
                                 "resource_provider_generation": 0}),
                pl_trait_schema.SET_TRAITS_FOR_RP_SCHEMA)
        except webob.exc.HTTPException as exc:
            reasons.append("%s: PUT resource_providers/{uuid}/traits -> %s"
                           % (where, _short(exc)))
    return reasons


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
            for key, provider in configs.items():
                rejects.extend(placement_rejects(key, provider))
            result["placement_rejects"] = rejects
    finally:
        log.removeHandler(capture)
    result.setdefault("placement_rejects", [])
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
