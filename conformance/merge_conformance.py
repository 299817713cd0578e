#!/usr/bin/python3
"""Merge conformance: ptree's prediction of nova's merge against nova's real code.

Run with Debian's interpreter (/usr/bin/python3, which has python3-nova):

    /usr/bin/python3 conformance/merge_conformance.py [--seed S] [--n N] [--keep DIR] [CASE_DIR...]

Every scenario is a directory holding ``host.ptree.yaml`` (a provider tree, bound to
``provider_config``) and ``provider_config/*.yaml`` (a nova config set). Scenarios come from a
seeded generator (``--seed``, ``--n``; scenario *i* of seed *S* is always the same bytes) and from
the fixed cases under ``test-fixtures/merge/`` (every disagreement ever found, kept), or from the
directories named on the command line.

For each scenario, nova's side is run for real, nothing of nova is copied:

1. a real ``nova.compute.provider_tree.ProviderTree`` is built from the tree file (``new_root`` /
   ``new_child`` in document order, inventories and traits set on each provider as a virt driver
   reports them);
2. the config set is loaded by nova's own ``provider_config.get_provider_configs``;
3. nova's own ``ResourceTracker._merge_provider_configs`` merges it into the tree, its log
   warnings captured.

ptree's side is one ``ptree check --format json`` and one ``ptree show --format json`` over all
scenarios at once. A scenario agrees when:

* nova's loader refuses the set  <=> ptree reports an error in it;
* nova's merge raises ValueError <=> ptree reports PT503 (owned inventory) or PT504 (one provider
  reached twice), the rule matching nova's message;
* nova's "does not exist in the ProviderTree" warning for a key <=> PT203 on that entry;
  ``$COMPUTE_NODE`` reaching no root <=> PT505 on that entry;
* when nova does not raise: ``ptree show``'s traits and inventories (Placement's defaults filled
  in) equal nova's tree after the merge, provider by provider; and ptree reports an error exactly
  when a real, empty, in-process Placement (``real_placement.py``) refuses one of the calls
  nova's report client makes for the merged tree (create the provider, its custom resource
  classes, its inventories at 1.26, its traits), parents first.

The closing line is ``merge conformance: N/M agree``; exit 1 on any disagreement, 2 on a setup
problem. Environment: PTREE_JAR, JAVA (as for run.sh).
"""

import argparse
import concurrent.futures
import json
import logging
import os
import random
import shutil
import subprocess
import sys
import tempfile
import uuid as uuidlib

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXED_CASES = os.path.join(ROOT, "test-fixtures", "merge")
DEFAULTS = {"reserved": 0, "min_unit": 1, "max_unit": 2147483647, "step_size": 1, "allocation_ratio": 1.0}
FIELDS = ("total", "reserved", "min_unit", "max_unit", "step_size", "allocation_ratio")


# ----------------------------------------------------------------------------- generation

class Generator:
    """One scenario from one seed: a tree of 1-3 roots and a config set of 1-2 files."""

    def __init__(self, seed, index, attempt=0):
        self.rng = random.Random(f"{seed}:{index}:{attempt}")
        self.prefix = f"s{index:04d}"
        self.providers = []  # dicts in document order: name, uuid, parent (dict or None), ...

    def uuid(self):
        return str(uuidlib.UUID(int=self.rng.getrandbits(128), version=4))

    def provider(self, name, parent, depth):
        rng = self.rng
        p = {"name": f"{self.prefix}-{name}", "uuid": self.uuid() if rng.random() < 0.9 else None,
             "parent": parent, "traits": [], "inventory": {}, "nested": False, "ref": None}
        if parent is None and rng.random() < 0.75:
            p["traits"].append("COMPUTE_NODE")
        if rng.random() < 0.3:
            p["traits"].append("HW_CPU_X86_AVX2")
        if rng.random() < 0.2:
            p["traits"].append("CUSTOM_EXISTING")
        if parent is None:
            p["inventory"]["VCPU"] = {"total": rng.choice([8, 16, 64])}
            if rng.random() < 0.5:
                p["inventory"]["MEMORY_MB"] = {"total": 65536, "reserved": 512}
        if rng.random() < 0.3:
            p["inventory"]["CUSTOM_FPGA"] = {"total": rng.randint(1, 4)}
        if parent is not None:
            # nested under `children`, or a top-level item with a reference to its parent
            p["nested"] = rng.random() < 0.6
            if not p["nested"]:
                by_uuid = parent["uuid"] is not None and rng.random() < 0.5
                p["ref"] = (rng.choice(["parent", "parent_provider_uuid"]), parent["uuid"]) if by_uuid \
                    else ("parent", parent["name"])
        self.providers.append(p)
        if depth < 3:
            for i in range(rng.choice([0, 0, 1, 1, 2])):
                self.provider(f"{name}_c{i}", p, depth + 1)
        return p

    def tree(self):
        rng = self.rng
        roots = [self.provider(f"cn{i}", None, 0) for i in range(rng.choice([1, 1, 2, 3]))]
        # name/uuid collisions: a root named with another provider's uuid
        others = [p for p in self.providers if p["uuid"]]
        if rng.random() < 0.15 and others:
            victim = rng.choice(others)
            extra = {"name": victim["uuid"], "uuid": self.uuid(), "parent": None, "traits": [],
                     "inventory": {"CUSTOM_OTHER": {"total": 1}} if rng.random() < 0.5 else {},
                     "nested": False, "ref": None}
            if rng.random() < 0.5:
                extra["traits"].append("COMPUTE_NODE")
            self.providers.append(extra)
            roots.append(extra)
        # two providers with one name: nova holds them, Placement refuses the second (409)
        if rng.random() < 0.04:
            twin = rng.choice(self.providers)
            self.providers.append({"name": twin["name"], "uuid": self.uuid(), "parent": None, "traits": [],
                                   "inventory": {}, "nested": False, "ref": None})
        # a child named with a root's uuid (created after that root, so nova can build it)
        if rng.random() < 0.1 and len(roots) > 1 and roots[0]["uuid"] \
                and all(p["name"] != roots[0]["uuid"] for p in self.providers):
            extra = {"name": roots[0]["uuid"], "uuid": self.uuid(), "parent": roots[-1], "traits": [],
                     "inventory": {}, "nested": True, "ref": None}
            self.providers.append(extra)
        return roots

    def identification(self):
        rng = self.rng
        roots = [p for p in self.providers if p["parent"] is None]
        children = [p for p in self.providers if p["parent"] is not None]
        kind = rng.choice(["cn-uuid", "cn-uuid", "cn-name", "uuid-root", "uuid-child", "uuid-unknown",
                           "name-root", "name-root", "name-child", "name-unknown"])
        if kind == "cn-uuid":
            return {"uuid": "$COMPUTE_NODE"}
        if kind == "cn-name":
            return {"name": "$COMPUTE_NODE"}
        pool = roots if kind.endswith("root") else children
        if kind.startswith("uuid"):
            # a uuid, or now and then a name that is written as a uuid
            values = [p["uuid"] for p in pool if p["uuid"]]
            if rng.random() < 0.2:
                values += [p["name"] for p in self.providers if is_uuid(p["name"])]
            return {"uuid": rng.choice(values) if values and kind != "uuid-unknown" else self.uuid()}
        if kind == "name-unknown" or not pool:
            return {"name": f"{self.prefix}-nowhere{rng.randint(0, 9)}"}
        return {"name": rng.choice(pool)["name"]}

    def entry(self, used):
        rng = self.rng
        ident = self.identification()
        for _ in range(5):  # the same key twice is the loader's error: made on purpose below, rarely here
            key = ident.get("uuid") or ident.get("name")
            if key not in used or rng.random() < 0.05:
                break
            ident = self.identification()
        used.add(ident.get("uuid") or ident.get("name"))
        e = {"identification": ident}
        shape = rng.random()
        if shape < 0.12:
            return e  # a no-op entry
        if shape < 0.17:
            e["inventories"] = {"additional": []}  # still a no-op
            return e
        if rng.random() < 0.6:
            traits = [rng.choice(["CUSTOM_GOLD", "CUSTOM_SILVER", "CUSTOM_EXISTING", "CUSTOM_RACK_A"])
                      for _ in range(rng.randint(1, 2))]
            e["traits"] = {"additional": traits}
        if "traits" not in e or rng.random() < 0.6:
            items = []
            for _ in range(rng.randint(1, 2)):
                rc = rng.choice(["CUSTOM_FPGA", "CUSTOM_NVME", "CUSTOM_NVME", "CUSTOM_BW"])
                record = {"total": rng.randint(1, 64)}
                if rng.random() < 0.3:
                    record["reserved"] = rng.randint(0, record["total"])
                if rng.random() < 0.2:
                    record["allocation_ratio"] = rng.choice([1.0, 1.5, 4.0])
                if rng.random() < 0.06:  # values nova loads and Placement may refuse
                    record.update(rng.choice([{"total": 0}, {"reserved": record["total"] + 1},
                                              {"allocation_ratio": 0.0}, {"min_unit": 5, "max_unit": 2},
                                              {"step_size": 0}, {"total": 2147483648},
                                              {"reserved": record["total"]}, {"allocation_ratio": 0.5}]))
                items.append({rc: record})
            if rng.random() < 0.05:
                items.append({})
            e["inventories"] = {"additional": items}
        return e

    def configs(self):
        rng = self.rng
        files = {}
        used = set()
        for i in range(rng.choice([1, 1, 2])):
            entries = [self.entry(used) for _ in range(rng.randint(1, 3))]
            files[f"{(i + 1) * 10}-set.yaml"] = entries
        if rng.random() < 0.05:  # the same key twice: nova's loader refuses it, unless one is a no-op
            first = next(iter(files.values()))
            first.append({"identification": dict(first[0]["identification"])})
            if rng.random() < 0.5:
                first[-1]["traits"] = {"additional": ["CUSTOM_DUP"]}
        return files


def is_uuid(text):
    try:
        return str(uuidlib.UUID(text)) == text
    except ValueError:
        return False


def flow(value):
    """One YAML flow line for a value (JSON is YAML; keys and strings quoted, so YAML 1.1 keeps them)."""
    return json.dumps(value, ensure_ascii=False)


def write_tree(path, providers):
    lines = ["provider_tree: '1.0'", "provider_configs: provider_config", "providers:"]

    def item(p, indent):
        pad = " " * indent
        lines.append(f"{pad}- name: {flow(p['name'])}")
        if p["uuid"]:
            lines.append(f"{pad}  uuid: {p['uuid']}")
        if p["ref"]:
            lines.append(f"{pad}  {p['ref'][0]}: {flow(p['ref'][1])}")
        if p["traits"]:
            lines.append(f"{pad}  traits: {flow(p['traits'])}")
        if p["inventory"]:
            lines.append(f"{pad}  inventory: {flow(p['inventory'])}")
        kids = [c for c in providers if c["parent"] is p and c["nested"]]
        if kids:
            lines.append(f"{pad}  children:")
            for c in kids:
                item(c, indent + 4)

    for p in providers:
        if not p["nested"]:
            item(p, 2)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_configs(directory, files):
    os.makedirs(directory, exist_ok=True)
    for name, entries in files.items():
        # one entry per line, so a finding's line says which entry it is about
        body = ["meta:", "  schema_version: '1.0'", "providers:"] + [f"  - {flow(e)}" for e in entries]
        with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
            f.write("\n".join(body) + "\n")


def generate(seed, index, directory):
    """Writes scenario `index`; retries with another sub-seed while nova cannot build the tree."""
    for attempt in range(20):
        g = Generator(seed, index, attempt)
        g.tree()
        if build_tree(tree_providers(g.providers)) is None:
            continue
        configs = g.configs()
        os.makedirs(directory, exist_ok=True)
        write_tree(os.path.join(directory, "host.ptree.yaml"), g.providers)
        write_configs(os.path.join(directory, "provider_config"), configs)
        return
    raise RuntimeError(f"scenario {index}: no buildable tree in 20 attempts")


def tree_providers(generated):
    """The generator's providers in the shape read_tree() gives."""
    at = {id(p): i for i, p in enumerate(generated)}
    return [{"name": p["name"], "uuid": p["uuid"], "parent": None if p["parent"] is None else at[id(p["parent"])],
             "traits": list(p["traits"]), "inventory": p["inventory"]} for p in generated]


# ----------------------------------------------------------------------------- nova's side

def read_tree(path):
    """A tree file's providers in document order: name, uuid, parent name, traits, inventory."""
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    flat = []

    def walk(item, parent):
        flat.append({"item": item, "nested_parent": parent})
        for child in item.get("children") or []:
            walk(child, item)

    for item in doc.get("providers") or []:
        walk(item, None)
    by_key = {}
    for e in flat:
        if e["item"].get("uuid"):
            by_key.setdefault(e["item"]["uuid"], e["item"])
    for e in flat:
        by_key.setdefault(e["item"].get("name"), e["item"])
    at = {id(e["item"]): i for i, e in enumerate(flat)}
    out = []
    for e in flat:
        item = e["item"]
        parent = e["nested_parent"]
        ref = item.get("parent") or item.get("parent_provider_uuid")
        if parent is None and ref is not None:
            parent = by_key.get(ref)
        out.append({"name": item["name"], "uuid": item.get("uuid"),
                    "parent": None if parent is None else at[id(parent)],
                    "traits": list(item.get("traits") or []), "inventory": item.get("inventory") or {}})
    return out


def build_tree(providers):
    """A real ProviderTree holding the providers, or None when nova refuses to build it.

    Returns the tree and each provider's object, in the order of `providers` (a parent is
    given by its index there)."""
    from nova.compute import provider_tree
    pt = provider_tree.ProviderTree()
    objects = {}
    order = []
    pending = list(range(len(providers)))
    try:
        while pending:
            progressed = False
            for i in list(pending):
                p = providers[i]
                if p["parent"] is not None and p["parent"] not in objects:
                    continue
                uuid = p["uuid"] or str(uuidlib.uuid4())
                if p["parent"] is None:
                    pt.new_root(p["name"], uuid)
                    obj = pt.roots_by_uuid[uuid]
                else:
                    parent = objects[p["parent"]]
                    pt.new_child(p["name"], parent.uuid, uuid=uuid)
                    obj = parent.children[uuid]
                # as the virt driver reports them, on the provider itself
                obj.update_inventory({rc: dict(r) for rc, r in p["inventory"].items()}, None)
                obj.update_traits(p["traits"])
                objects[i] = obj
                order.append(i)
                pending.remove(i)
                progressed = True
            if not progressed:
                return None  # a parent that names nothing or a cycle: not a tree nova can hold
    except ValueError:
        return None
    objects = [objects[i] for i in range(len(providers))]
    creation = [objects[i] for i in order]
    return pt, objects, creation


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def run_nova(directory):
    """What nova makes of one scenario."""
    from nova import exception as nova_exc
    from nova.compute import provider_config
    from nova.compute.resource_tracker import ResourceTracker

    providers = read_tree(os.path.join(directory, "host.ptree.yaml"))
    built = build_tree(providers)
    if built is None:
        return {"outcome": "tree-unbuildable"}
    pt, objects, creation = built
    try:
        configs = provider_config.get_provider_configs(os.path.join(directory, "provider_config"))
    except nova_exc.ProviderConfigException as e:
        return {"outcome": "config-error", "detail": str(e)}
    # _merge_provider_configs needs only the tracker's memory of absent providers
    tracker = ResourceTracker.__new__(ResourceTracker)
    tracker.absent_providers = set()
    handler = _Warnings()
    log = logging.getLogger("nova.compute.resource_tracker")
    log.addHandler(handler)
    log.propagate = False
    try:
        tracker._merge_provider_configs(configs, pt)
        outcome, detail = "merged", None
    except ValueError as e:
        outcome, detail = "merge-error", str(e)
    finally:
        log.removeHandler(handler)
        log.propagate = True
    not_found = sorted({r.args["uuid_or_name"] for r in handler.records
                        if isinstance(r.args, dict) and "uuid_or_name" in r.args})
    compute_roots = [r for r in pt.roots if "COMPUTE_NODE" in r.traits
                     and not (r.name in configs or r.uuid in configs)]
    result = {"outcome": outcome, "detail": detail, "not_found": not_found,
              "compute_node_reaches_nothing": "$COMPUTE_NODE" in configs and not compute_roots}
    if outcome == "merged":
        # each provider by the uuid the tree file gives it, else by its name
        result["providers"] = [{"name": obj.name, "file_uuid": p["uuid"], "traits": sorted(obj.traits),
                                "inventory": {rc: filled(r) for rc, r in obj.inventory.items()}}
                               for p, obj in zip(providers, objects)]
        # what nova's report client sends for the tree, parents first (the order they were made)
        result["sent"] = [{"uuid": obj.uuid, "name": obj.name, "parent_uuid": obj.parent_uuid,
                           "inventories": obj.inventory, "traits": sorted(obj.traits)}
                          for obj in creation]
    return result


def filled(record):
    return {f: record.get(f, DEFAULTS.get(f)) for f in FIELDS}


# ----------------------------------------------------------------------------- ptree's side

def run_ptree(jar, java, groups):
    """ptree check and show, one JVM per group of scenarios and command, two at a time.

    Generated scenarios share one group (their names and uuids are unique to each scenario);
    each fixed case is a group of its own, since fixtures may reuse names across cases.
    """
    def one(command, dirs):
        proc = subprocess.run([java, "-jar", jar, command, "--format", "json", *dirs],
                              capture_output=True, text=True, timeout=600)
        if proc.returncode not in (0, 1) or "Exception" in proc.stderr or "internal error" in proc.stderr:
            sys.exit(f"merge conformance: ptree {command} failed ({proc.returncode}): {proc.stderr[-2000:]}")
        return json.loads(proc.stdout)

    jobs = [(command, group) for group in groups if group for command in ("check", "show")]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: one(*job), jobs))
    check = {"files": [f for (command, _), r in zip(jobs, results) if command == "check" for f in r["files"]]}
    show = {"trees": [t for (command, _), r in zip(jobs, results) if command == "show" for t in r["trees"]]}
    return {"check": check, "show": show}


def findings_by_scenario(check, dirs):
    found = {d: [] for d in dirs}
    for f in check["files"]:
        path = os.path.abspath(f["path"])
        for d in dirs:
            if path.startswith(d + os.sep):
                for diag in f["diagnostics"]:
                    found[d].append({**diag, "path": path})
    return found


def entry_key(path, start, end):
    """The identification a PT203 finding points at: the scalar under its range, as YAML reads it."""
    with open(path, encoding="utf-8") as f:
        line = f.readlines()[start["line"]]
    text = line[start["character"]:end["character"]] if end["line"] == start["line"] else line[start["character"]:]
    return str(yaml.safe_load(text))


def trees_by_scenario(show, dirs):
    trees = {}
    for t in show["trees"]:
        path = os.path.abspath(t["path"])
        trees[os.path.dirname(path)] = t
    return trees


def judge(directory, nova, findings, tree, placement):
    """Reasons the scenario disagrees; empty when it agrees."""
    reasons = []
    errors = [f for f in findings if f["severity"] == "error"]
    codes = sorted({f["rule"] for f in errors})
    outcome = nova["outcome"]
    if outcome == "tree-unbuildable":
        return []  # fixtures only: nova cannot hold such a tree, nothing to compare
    if outcome == "config-error":
        if not errors:
            reasons.append(f"nova's loader refuses the set ({nova['detail']}), ptree reports no error")
        return reasons
    if outcome == "merge-error":
        want = "PT503" if "owned by the virt driver" in nova["detail"] else "PT504"
        if want not in codes:
            reasons.append(f"nova raises ValueError ({nova['detail']}), ptree's errors are {codes or 'none'}")
    warned = sorted({entry_key(f["path"], f["range"]["start"], f["range"]["end"]) for f in findings
                     if f["rule"] == "PT203" and f"{os.sep}provider_config{os.sep}" in f["path"]})
    if outcome == "merged" or warned:
        # after a ValueError nova stops, so only the warnings it reached are known
        expected = nova["not_found"]
        if outcome == "merged" and warned != expected or outcome != "merged" and not set(expected) <= set(warned):
            reasons.append(f"nova warns not found for {expected}, ptree's PT203 for {warned}")
    pt505 = any(f["rule"] == "PT505" for f in findings)
    if outcome == "merged" and pt505 != nova["compute_node_reaches_nothing"]:
        reasons.append(f"$COMPUTE_NODE reaches nothing: nova {nova['compute_node_reaches_nothing']}, ptree PT505 {pt505}")
    if outcome == "merged":
        # nova merges: an error in ptree must mean that Placement refuses what nova sends
        rejected = placement["rejected"]
        if bool(rejected) != bool(codes):
            reasons.append(f"nova merges cleanly and Placement answers {rejected or 'every call'},"
                           f" ptree's errors are {codes or 'none'}")
        if tree is None:
            reasons.append("ptree show printed no tree")
        else:
            reasons.extend(compare_tree(nova["providers"], tree))
    return reasons


def compare_tree(novas, tree):
    reasons = []
    by_uuid = {p["uuid"]: p for p in tree["providers"] if p.get("uuid")}
    by_name = {}
    for p in tree["providers"]:
        by_name.setdefault(p["name"], p)
    for want in novas:
        name = want["name"]
        got = by_uuid.get(want["file_uuid"]) if want["file_uuid"] else by_name.get(name)
        if got is None:
            reasons.append(f"{name}: missing from ptree show")
            continue
        traits = sorted(t["name"] for t in got["traits"])
        if traits != want["traits"]:
            reasons.append(f"{name}: traits nova {want['traits']}, ptree {traits}")
        inventory = {rc: {f: r.get(f) for f in FIELDS} for rc, r in got["inventory"].items()}
        if normalise(inventory) != normalise(want["inventory"]):
            reasons.append(f"{name}: inventory nova {want['inventory']}, ptree {inventory}")
    return reasons


def normalise(inventory):
    return {rc: {f: float(v) if v is not None else None for f, v in r.items()} for rc, r in inventory.items()}


# ----------------------------------------------------------------------------- Placement

def placement_client():
    """The real in-process Placement (conformance/real_placement.py)."""
    sys.path.insert(0, HERE)
    import real_placement
    return real_placement.RealPlacement()


def send_to_placement(placement, nova):
    """What a real, empty Placement answers to nova's report client for the merged tree: the
    provider, its custom resource classes and inventories, its traits, parents first. nova stops
    at the first failure."""
    if nova["outcome"] != "merged":
        return None
    placement.reset()
    for p in nova["sent"]:
        calls = placement.send_provider(p["uuid"], p["name"], p["parent_uuid"], p["inventories"], p["traits"])
        bad = [c for c in calls if c.status >= 400]
        if bad:
            return {"rejected": f"{bad[0].method} {bad[0].path} -> {bad[0].status}"}
    return {"rejected": None}


# ----------------------------------------------------------------------------- main

def fixed_cases():
    """test-fixtures/merge/*, and every rule fixture that binds a config set to a tree."""
    out = []
    if os.path.isdir(FIXED_CASES):
        out += [os.path.join(FIXED_CASES, n) for n in sorted(os.listdir(FIXED_CASES))]
    rules = os.path.join(ROOT, "test-fixtures", "rules")
    for code in sorted(os.listdir(rules)):
        for kind in ("fires", "quiet"):
            base = os.path.join(rules, code, kind)
            if os.path.isdir(base):
                out += [os.path.join(base, n) for n in sorted(os.listdir(base))]
    return [os.path.abspath(d) for d in out
            if os.path.isfile(os.path.join(d, "host.ptree.yaml")) and os.path.isdir(os.path.join(d, "provider_config"))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--n", type=int, default=1000, help="generated scenarios (0: only the fixed cases)")
    ap.add_argument("--keep", help="write the scenarios here and keep them")
    ap.add_argument("--quiet", action="store_true", help="print disagreements only")
    ap.add_argument("cases", nargs="*", help="scenario directories instead of the generated and fixed ones")
    args = ap.parse_args()

    jar = os.environ.get("PTREE_JAR", os.path.join(ROOT, "server", "target", "ptree.jar"))
    java = os.environ.get("JAVA", "java")
    if not os.path.isfile(jar):
        print(f"merge conformance: ptree jar not found at {jar}", file=sys.stderr)
        return 2
    try:
        import nova.compute.resource_tracker  # noqa: F401
        placement = placement_client()
    except ImportError as e:
        print(f"merge conformance: cannot import nova or placement ({e});"
              " apt-get install python3-nova python3-placement", file=sys.stderr)
        return 2
    # nova's loader logs each dropped no-op entry; the warnings the suite compares are captured
    logging.getLogger("nova.compute.provider_config").setLevel(logging.ERROR)

    work = args.keep or tempfile.mkdtemp(prefix="ptree-merge.")
    os.makedirs(work, exist_ok=True)
    try:
        generated, fixed = [], []
        if args.cases:
            fixed = [os.path.abspath(d) for d in args.cases]
        else:
            for i in range(args.n):
                d = os.path.join(work, f"s{i:04d}")
                generate(args.seed, i, d)
                generated.append(os.path.abspath(d))
            fixed = fixed_cases()
        dirs = generated + fixed
        novas = {d: run_nova(d) for d in dirs}
        ptree = run_ptree(jar, java, [generated] + [[d] for d in fixed])
        findings = findings_by_scenario(ptree["check"], dirs)
        trees = trees_by_scenario(ptree["show"], dirs)
        agree = placed = placed_agree = 0
        for d in dirs:
            nova = novas[d]
            answer = send_to_placement(placement, nova)
            reasons = judge(d, nova, findings[d], trees.get(d), answer)
            if answer is not None:
                placed += 1
                placed_agree += not any("Placement" in r for r in reasons)
            codes = sorted({f["rule"] for f in findings[d] if f["severity"] == "error"})
            label = os.path.relpath(d, ROOT) if d.startswith(ROOT) else os.path.basename(d)
            if reasons:
                print(f"DISAGREE {label}: nova {nova['outcome']}, ptree errors {codes}")
                for r in reasons:
                    print(f"    {r}")
            else:
                agree += 1
                if not args.quiet:
                    print(f"AGREE {label}: nova {nova['outcome']}, ptree errors {codes}")
        outcomes = {}
        for nova in novas.values():
            outcomes[nova["outcome"]] = outcomes.get(nova["outcome"], 0) + 1
        print("nova outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
              + f"; not-found warnings in {sum(1 for n in novas.values() if n.get('not_found'))}")
        print(f"merge conformance: {agree}/{len(dirs)} agree")
        print(f"placement conformance (merged trees): {placed_agree}/{placed} agree")
        return 0 if agree == len(dirs) else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
