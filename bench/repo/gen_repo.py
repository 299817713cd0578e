#!/usr/bin/env python3
"""Writes a deployment repository of H compute hosts in the host_vars layout that
kolla-ansible and OpenStack-Ansible use: one folder per host, each with its own
`provider_config/` (nova's provider-config directory for that host's nova-compute).

Usage: gen_repo.py H DIR [--seed S]

    DIR/repo/inventory/host_vars/<host>/provider_config/10-site.yaml        every host
    DIR/repo/inventory/host_vars/<host>/provider_config/20-accelerators.yaml  one host in three
    DIR/repo/inventory/host_vars/<host>/<host>.ptree.yaml                   one host in fifty
    DIR/manifest.json           what was written (outside the repository, so no tool reads it)

Every config file is small (10-20 lines) and in nova's real format. A tree file describes
its host as the virt driver reports it (NUMA nodes, a GPU) and binds the host's config
directory with `provider_configs: provider_config`; that host's 20-accelerators.yaml then
names the tree's GPU by uuid. One host in a hundred (1 %) has one planted problem, taken in
turn from PROBLEMS: each is a different mistake, and ptree must report it on that host's
files. The manifest lists those hosts and the kind of each problem, so the bench can check
that ptree reports a problem on exactly them. Same H and seed, same bytes.
Only the Python 3 standard library is used.
"""

import argparse
import json
import os
import random
import uuid

DEFAULT_SEED = 12
GENERATOR_VERSION = 1  # bump when the output changes: the bench's cache is keyed on it

RACKS = ["R%02d" % i for i in range(1, 33)]
RESOURCES = [("CUSTOM_LOCAL_NVME_GB", 3200, 200), ("CUSTOM_PMEM_NAMESPACE_128GB", 6, 0),
             ("CUSTOM_NET_BW_EGRESS_MBPS", 25000, 1000), ("CUSTOM_CRYPTO_QAT_VF", 48, 0)]
TRAITS = ["CUSTOM_POWER_REDUNDANT", "CUSTOM_HUGEPAGES_1G", "CUSTOM_CPU_PINNING_READY",
          "CUSTOM_LOW_LATENCY", "CUSTOM_FIPS_140_3", "CUSTOM_STORAGE_TIER_GOLD"]
GPUS = [("CUSTOM_VGPU_NVIDIA_A100_1G5GB", 56), ("CUSTOM_VGPU_NVIDIA_T4_4Q", 16)]

# One planted mistake per problem host, in turn. Each must be reported by ptree.
PROBLEMS = [
    "reserved-not-below-total",    # reserved: total -> Placement refuses the inventory
    "unquoted-schema-version",     # schema_version: 1.0 is a float: nova cannot detect the version
    "standard-trait-in-additional",  # nova only accepts CUSTOM_ traits
    "duplicate-identification",    # the same provider in both files of the directory
    "lower-case-resource-class",   # custom_... does not match the schema's pattern
    "yaml-syntax-error",           # an unclosed flow sequence
    "zero-total",                  # total: 0 -> Placement's minimum is 1
    "octal-total",                 # total: 010 is 8 under YAML 1.1 (a warning)
]


def host_name(i):
    return "compute-%05d.dc%d.example.org" % (i, 1 + i % 3)


def uid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def site_file(rng, host, problem):
    rc, total, reserved = rng.choice(RESOURCES)
    traits = rng.sample(TRAITS, 2)
    rack = "CUSTOM_RACK_" + rng.choice(RACKS)
    version = "1.0" if problem == "unquoted-schema-version" else "'1.0'"
    if problem == "reserved-not-below-total":
        reserved = total
    if problem == "zero-total":
        total, reserved = 0, 0
    total_text = "010" if problem == "octal-total" else str(total)
    if problem == "octal-total":
        reserved = 0
    if problem == "lower-case-resource-class":
        rc = rc.lower()
    if problem == "standard-trait-in-additional":
        traits[0] = "HW_CPU_X86_AVX2"
    trait_list = ", ".join([rack] + traits)
    if problem == "yaml-syntax-error":
        trait_list += ", CUSTOM_UNCLOSED"
        close = ""
    else:
        close = "]"
    return "\n".join([
        "# %s: site resources for the nova-compute on this host" % host,
        "meta:",
        "  schema_version: %s" % version,
        "providers:",
        "  - identification:",
        "      uuid: $COMPUTE_NODE",
        "    inventories:",
        "      additional:",
        "        - %s: {total: %s, reserved: %d}" % (rc, total_text, reserved),
        "    traits:",
        "      additional: [%s%s" % (trait_list, close),
        "",
    ])


def accelerator_file(rng, host, gpu_uuid, problem):
    rc, total = rng.choice(GPUS)
    ident = ("uuid: %s" % gpu_uuid) if gpu_uuid else ("name: %s_pgpu0" % host)
    lines = [
        "# %s: the vGPU types configured on this host's GPU" % host,
        "meta:",
        "  schema_version: '1.0'",
        "providers:",
        "  - identification:",
        "      %s" % ident,
        "    inventories:",
        "      additional:",
        "        - %s:" % rc,
        "            total: %d" % total,
        "            max_unit: 1",
        "    traits:",
        "      additional: [CUSTOM_GPU_VGPU_READY]",
    ]
    if problem == "duplicate-identification":
        lines += ["  - identification:", "      uuid: $COMPUTE_NODE",
                  "    traits:", "      additional: [CUSTOM_DUPLICATE_ENTRY]"]
    return "\n".join(lines + [""])


def tree_file(rng, host, gpu_uuid):
    numa = [uid(rng), uid(rng)]
    return "\n".join([
        "# %s as its virt driver reports it to Placement" % host,
        "provider_tree: '1.0'",
        "provider_configs: provider_config",
        "providers:",
        "  - name: %s" % host,
        "    uuid: %s" % uid(rng),
        "    traits: [COMPUTE_NODE, HW_CPU_X86_AVX2]",
        "    inventory:",
        "      VCPU: {total: 64, reserved: 4, allocation_ratio: 4.0}",
        "      MEMORY_MB: {total: 524288, reserved: 16384}",
        "    children:",
        "      - name: %s_NUMA0" % host,
        "        uuid: %s" % numa[0],
        "        traits: [HW_NUMA_ROOT]",
        "        inventory: {PCPU: {total: 16}}",
        "        children:",
        "          - name: %s_pgpu0" % host,
        "            uuid: %s" % gpu_uuid,
        "            inventory: {VGPU: {total: 16, max_unit: 1}}",
        "      - name: %s_NUMA1" % host,
        "        uuid: %s" % numa[1],
        "        traits: [HW_NUMA_ROOT]",
        "        inventory: {PCPU: {total: 16}}",
        "",
    ])


def generate(hosts, dest, seed=DEFAULT_SEED):
    out = os.path.join(dest, "repo")
    rng = random.Random("%d/%d" % (seed, hosts))
    problem_every = 100
    manifest = {"generator": GENERATOR_VERSION, "hosts": hosts, "seed": seed,
                "config_files": 0, "tree_files": 0, "problems": {}, "edit_file": None}
    for i in range(hosts):
        host = host_name(i)
        hdir = os.path.join(out, "inventory", "host_vars", host)
        pdir = os.path.join(hdir, "provider_config")
        os.makedirs(pdir, exist_ok=True)
        problem = None
        if i % problem_every == problem_every // 2:
            problem = PROBLEMS[(i // problem_every) % len(PROBLEMS)]
        has_tree = i % 50 == 7
        two_files = i % 3 == 0 or has_tree or problem == "duplicate-identification"
        gpu_uuid = uid(rng) if has_tree else None
        files = {os.path.join(pdir, "10-site.yaml"): site_file(rng, host, problem)}
        if two_files:
            files[os.path.join(pdir, "20-accelerators.yaml")] = accelerator_file(rng, host, gpu_uuid, problem)
        if has_tree:
            files[os.path.join(hdir, host + ".ptree.yaml")] = tree_file(rng, host, gpu_uuid)
            manifest["tree_files"] += 1
        for path, text in files.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        manifest["config_files"] += 2 if two_files else 1
        if problem:
            manifest["problems"][os.path.relpath(hdir, out)] = problem
        if i == 1 and manifest["edit_file"] is None:
            # a clean host with one small file: the document the LSP bench edits
            manifest["edit_file"] = os.path.relpath(os.path.join(pdir, "10-site.yaml"), out)
    with open(os.path.join(dest, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("hosts", type=int)
    ap.add_argument("dir")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    a = ap.parse_args()
    if a.hosts < 1:
        ap.error("H must be at least 1")
    m = generate(a.hosts, a.dir, a.seed)
    print("%d hosts: %d config files, %d tree files, %d hosts with a problem" % (
        m["hosts"], m["config_files"], m["tree_files"], len(m["problems"])))


if __name__ == "__main__":
    main()
