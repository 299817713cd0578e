#!/usr/bin/env python3
"""Generate a realistic, valid Nova provider-config directory for benchmarks.

Usage: gen_provider_configs.py N OUTDIR [--seed S]

Writes OUTDIR/providers-00.yaml ... providers-09.yaml holding N providers in
total (contiguous blocks, so file k holds providers k*N//10 .. (k+1)*N//10-1),
about 520 bytes per provider (50,000 providers ~ 26 MB).

Every file is valid for nova.compute.provider_config.get_provider_configs():
`meta.schema_version` is the string '1.0', identifications are unique across
the whole directory (lower-case UUIDs from a seeded RNG, or unique names),
every provider has at least one CUSTOM_ trait or inventory (so nova keeps all N
of them), and inventory values are ones Placement accepts (integers in
1..2**31-1, reserved < total, min_unit <= max_unit <= total, positive
allocation_ratio, so capacity >= 0).

The output depends only on N and the seed: same arguments, same bytes.
Only the Python 3 standard library is used.
"""

import argparse
import os
import random
import sys
import uuid

DEFAULT_SEED = 20240611
NFILES = 10

RACKS = ["r%02d" % i for i in range(1, 41)]
ZONES = ["az1", "az2", "az3", "edge-fra", "edge-ams", "lab"]
HOST_KINDS = ["compute", "gpu", "fpga", "storage", "hpc", "baremetal"]

# (resource class, typical total, unit comment) -- all CUSTOM_, as nova requires.
RESOURCE_CLASSES = [
    ("CUSTOM_FPGA_XILINX_VU9P", 4, "boards"),
    ("CUSTOM_FPGA_INTEL_ARRIA10", 2, "boards"),
    ("CUSTOM_VGPU_NVIDIA_A100_1G5GB", 56, "MIG slices"),
    ("CUSTOM_VGPU_NVIDIA_T4_4Q", 16, "vGPUs"),
    ("CUSTOM_PMEM_NAMESPACE_128GB", 6, "namespaces"),
    ("CUSTOM_NET_BW_EGRESS_MBPS", 25000, "Mbit/s"),
    ("CUSTOM_NET_BW_INGRESS_MBPS", 25000, "Mbit/s"),
    ("CUSTOM_LICENSE_WINDOWS_DATACENTER", 64, "seats"),
    ("CUSTOM_NVME_LOCAL_GB", 3840, "GiB"),
    ("CUSTOM_BAREMETAL_GOLD", 1, "node"),
    ("CUSTOM_CRYPTO_QAT_VF", 48, "VFs"),
    ("CUSTOM_IOPS_THOUSANDS", 500, "kIOPS"),
]

TRAIT_POOL = [
    "CUSTOM_GPU_AMPERE", "CUSTOM_GPU_TURING", "CUSTOM_NIC_SRIOV",
    "CUSTOM_NIC_SMARTNIC_BF2", "CUSTOM_PHYSNET_PUBLIC", "CUSTOM_PHYSNET_TENANT",
    "CUSTOM_STORAGE_TIER_GOLD", "CUSTOM_STORAGE_TIER_SILVER", "CUSTOM_HPC_IB_HDR",
    "CUSTOM_LOW_LATENCY", "CUSTOM_DEDICATED_TENANT", "CUSTOM_PCI_PASSTHROUGH",
    "CUSTOM_CPU_PINNING_READY", "CUSTOM_HUGEPAGES_1G", "CUSTOM_MAINTENANCE_WINDOW_B",
    "CUSTOM_POWER_REDUNDANT", "CUSTOM_FIPS_140_3", "CUSTOM_LICENSE_BYOL",
]

ALLOCATION_RATIOS = ["1.0", "1.0", "1.0", "1.5", "2.0", "0.9", "4.0", "16.0"]


def quote(rng, value, p_quote=0.4):
    """Return value as a plain, single-quoted or double-quoted YAML scalar.

    Only used for values that are safe and keep their meaning (strings of
    [A-Za-z0-9_.$-]) in all three styles."""
    r = rng.random()
    if r < p_quote / 2:
        return "'%s'" % value
    if r < p_quote:
        return '"%s"' % value
    return value


def inventory_lines(rng, rc, typical, unit):
    total = max(1, int(typical * rng.choice([0.5, 1, 1, 1, 2])))
    reserved = 0 if total == 1 else rng.choice([0, 0, 0, 1, total // 10])
    max_unit = total if total <= 8 else rng.choice([total, total // 2, total // 4]) or 1
    step = 1 if max_unit < 4 else rng.choice([1, 1, 1, 2])
    min_unit = step
    ratio = rng.choice(ALLOCATION_RATIOS)
    lines = ["        - %s:" % rc]
    if rng.random() < 0.25:
        lines.append("            total: %d  # %s" % (total, unit))
    else:
        lines.append("            total: %d" % total)
    lines.append("            reserved: %d" % reserved)
    if rng.random() < 0.8:  # sometimes rely on Placement's defaults
        lines.append("            min_unit: %d" % min_unit)
        lines.append("            max_unit: %d" % max_unit)
        lines.append("            step_size: %d" % step)
    lines.append("            allocation_ratio: %s" % ratio)
    return lines


def provider_lines(rng, i, seen_ids):
    """Lines for provider number i (0-based, global across the directory)."""
    rack = rng.choice(RACKS)
    zone = rng.choice(ZONES)
    kind = rng.choice(HOST_KINDS)
    host = "%s-%06d" % (kind, i)
    lines = []
    if rng.random() < 0.5:
        lines.append("  # %s in rack %s, zone %s" % (host, rack, zone))

    if i == 0:
        # nova's sentinel: the compute node root provider(s) of this host
        ident = ("uuid", "'$COMPUTE_NODE'")
        key = "$COMPUTE_NODE"
    elif rng.random() < 0.6:
        u = str(uuid.UUID(int=rng.getrandbits(128), version=4))  # lower case
        ident = ("uuid", quote(rng, u))
        key = u
    else:
        if rng.random() < 0.5:
            # nova's naming for PCI device child providers: <host>_pci_<addr>
            name = "%s.%s.example.net_pci_0000_%02x_00_%d" % (
                host, zone, rng.randrange(256), rng.randrange(8))
        else:
            name = "%s.%s.%s.example.net" % (host, rack, zone)
        ident = ("name", quote(rng, name))
        key = name
    if key in seen_ids:  # cannot happen with the scheme above; be sure anyway
        raise SystemExit("internal error: duplicate identification %r" % key)
    seen_ids.add(key)

    lines.append("  - identification:")
    lines.append("      %s: %s" % ident)

    n_inv = rng.choice([0, 1, 1, 2, 2, 2, 3])
    n_traits = rng.choice([1, 1, 2, 2, 2, 3]) if n_inv else rng.choice([2, 3, 4])
    if n_inv:
        lines.append("    inventories:")
        lines.append("      additional:")
        for rc, typical, unit in rng.sample(RESOURCE_CLASSES, n_inv):
            lines.extend(inventory_lines(rng, rc, typical, unit))
    lines.append("    traits:")
    lines.append("      additional:")
    traits = ["CUSTOM_RACK_%s" % rack.upper(),
              "CUSTOM_AZ_%s" % zone.upper().replace("-", "_")]
    traits += rng.sample(TRAIT_POOL, n_traits)
    traits = traits[: n_traits + 1]
    for t in traits:
        if rng.random() < 0.15:
            lines.append("        - %s  # %s hosts" % (quote(rng, t), kind))
        else:
            lines.append("        - %s" % quote(rng, t))
    return lines


def generate(n, outdir, seed=DEFAULT_SEED):
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    seen_ids = set()
    total_bytes = 0
    for k in range(NFILES):
        lo, hi = k * n // NFILES, (k + 1) * n // NFILES
        out = [
            "# Provider config generated by bench/gen_provider_configs.py",
            "# (N=%d, seed=%d, file %d of %d, providers %d..%d)" % (
                n, seed, k + 1, NFILES, lo, hi - 1),
            "# Loaded by nova-compute from [compute]provider_config_location.",
            "---",
            "meta:",
            "  schema_version: '1.0'",
        ]
        if hi == lo:
            out.append("providers: []")
        else:
            out.append("providers:")
            for i in range(lo, hi):
                out.extend(provider_lines(rng, i, seen_ids))
        data = ("\n".join(out) + "\n").encode("ascii")
        path = os.path.join(outdir, "providers-%02d.yaml" % k)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        total_bytes += len(data)
    return total_bytes


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of providers (>= 0)")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be >= 0")
    size = generate(args.n, args.outdir, args.seed)
    print("wrote %d providers, %d bytes (%.1f bytes/provider) to %s" % (
        args.n, size, size / max(args.n, 1), args.outdir), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
