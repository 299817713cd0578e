#!/usr/bin/env python3
"""Writes a workspace for the snapshot benchmark: one provider tree file of N providers
(compute roots with NUMA, PGPU and SR-IOV children, nine children each) bound to a config
directory of F files whose entries name providers of the tree.

Usage: gen_workspace.py DIR [--providers 50000] [--files 10] [--entries 500]
"""
import argparse
import os
import uuid


def u(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(p) for p in parts)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--providers", type=int, default=50000)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--entries", type=int, default=500)
    a = ap.parse_args()
    os.makedirs(os.path.join(a.dir, "provider_config"), exist_ok=True)
    hosts = max(1, a.providers // 10)
    children = ["NUMA0", "NUMA1", "pgpu0", "pgpu1", "pgpu2", "pgpu3", "pf0", "pf1", "pf2"]
    out = ["provider_tree: '1.0'", "provider_configs: provider_config", "providers:"]
    for h in range(hosts):
        host = f"cn{h:05d}.example.org"
        out += [f"  - name: {host}", f"    uuid: {u(host)}", "    traits: [COMPUTE_NODE, HW_CPU_X86_AVX2]",
                "    inventory:",
                "      VCPU: {total: 64, reserved: 4, allocation_ratio: 4.0}",
                "      MEMORY_MB: {total: 524288, reserved: 16384}",
                "    children:"]
        for c in children:
            name = f"{host}_{c}"
            out += [f"      - name: {name}", f"        uuid: {u(name)}"]
            if c.startswith("NUMA"):
                out += ["        traits: [HW_NUMA_ROOT]", "        inventory: {PCPU: {total: 16}}"]
            elif c.startswith("pgpu"):
                out += ["        inventory: {VGPU: {total: 16, max_unit: 1}}"]
            else:
                out += ["        traits: [CUSTOM_PHYSNET_PHYSNET0]",
                        "        inventory: {NET_BW_EGR_KILOBIT_PER_SEC: {total: 25000000}}"]
    with open(os.path.join(a.dir, "host.ptree.yaml"), "w") as f:
        f.write("\n".join(out) + "\n")
    for i in range(a.files):
        lines = ["meta:", "  schema_version: '1.0'", "providers:"]
        if i == 0:
            lines += ["  - identification:", "      uuid: $COMPUTE_NODE", "    traits:",
                      "      additional: [CUSTOM_RACK_DEFAULT]"]
        for e in range(a.entries):
            h = (i * a.entries + e) % hosts
            host = f"cn{h:05d}.example.org"
            target = f"{host}_pgpu{e % 4}"
            ident = f"uuid: {u(target)}" if e % 2 else f"name: {target}"
            lines += ["  - identification:", f"      {ident}", "    inventories:", "      additional:",
                      f"        - CUSTOM_GPU_MEMORY_MB: {{total: {16384 + e}, reserved: 512}}",
                      "    traits:", f"      additional: [CUSTOM_GPU_BATCH_{i}]"]
        with open(os.path.join(a.dir, "provider_config", f"{i:02d}-gpus.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
