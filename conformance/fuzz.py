#!/usr/bin/python3
"""Differential fuzzer: ptree check vs the real nova + Placement.

Generates provider-config directories by mutating realistic valid configs
(YAML 1.1 scalar forms, type swaps, key typos, duplicate keys, anchors and
merge keys, tags, flow/block styles, block scalars, unicode, CRLF/BOM/tabs,
comments, several files, number and schema_version edges), runs each one
through nova_reference.py (the real nova loader and a real Placement) and
through `java -jar ptree.jar check --format json DIR`, and prints every
directory where they disagree (same rule as run.sh/compare.py: ptree must
report >= 1 error iff nova fails or Placement would reject), plus every
ptree exit code other than 0/1, any stderr output, and any run over 10 s.

    /usr/bin/python3 conformance/fuzz.py --seed 1 --count 300
    /usr/bin/python3 conformance/fuzz.py --seed 7 --count 50 --keep /tmp/fz
    /usr/bin/python3 conformance/fuzz.py --seed 7 --only 12 --keep /tmp/fz

Deterministic: case I of seed S is always the same bytes (--only I
regenerates it alone). With --keep DIR every case directory is kept as
DIR/case-NNNN/ and DIR/results.jsonl records the mutations applied, nova's
verdict and ptree's. Exit: 0 no disagreement, 1 some, 2 setup problem.

Environment: PTREE_JAR (default server/target/ptree.jar), JAVA (java),
JOBS (parallel ptree runs, default: CPUs).
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import compare  # noqa: E402  (judge() is the run.sh verdict)

SLOW_SECONDS = 10.0

# ---------------------------------------------------------------------------
# A tiny YAML node model that keeps the *written form* of every scalar, so
# the renderer controls quoting, tags, anchors and collection styles.
# ---------------------------------------------------------------------------


class Node(object):
    tag = None
    anchor = None
    role = None


class Scalar(Node):
    """raw: the exact inline text. block: (indicator, lines) for | / >."""

    def __init__(self, raw, role=None, block=None, value=None):
        self.raw = raw
        self.role = role
        self.block = block
        self.value = value  # logical text, when known (for flow fallback)
        self.tag = None
        self.anchor = None

    def copy(self):
        n = Scalar(self.raw, self.role, self.block, self.value)
        n.tag = self.tag
        return n


class Map(Node):
    def __init__(self, pairs, role=None, style=None):
        self.pairs = pairs  # list of [key_node, value_node]
        self.role = role
        self.style = style  # None = renderer decides, 'block', 'flow'
        self.tag = None
        self.anchor = None

    def copy(self):
        n = Map([[k.copy(), v.copy()] for k, v in self.pairs], self.role,
                self.style)
        n.tag = self.tag
        return n


class Seq(Node):
    def __init__(self, items, role=None, style=None):
        self.items = items
        self.role = role
        self.style = style
        self.tag = None
        self.anchor = None

    def copy(self):
        n = Seq([i.copy() for i in self.items], self.role, self.style)
        n.tag = self.tag
        return n


class Alias(Node):
    def __init__(self, name, role=None):
        self.name = name
        self.role = role
        self.tag = None
        self.anchor = None

    def copy(self):
        return Alias(self.name, self.role)


def dq(value, ascii_escape=False):
    out = ['"']
    for ch in value:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\0":
            out.append("\\0")
        elif o < 0x20 or o == 0x7f:
            out.append("\\x%02x" % o)
        elif o in (0x85, 0x2028, 0x2029, 0xfeff) or 0xd800 <= o <= 0xdfff:
            out.append("\\u%04x" % o)
        elif ascii_escape and o > 0x7e:
            out.append("\\u%04x" % o if o <= 0xffff else "\\U%08x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def sq(value):
    return "'" + value.replace("'", "''") + "'"


SAFE_PLAIN_FIRST = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                       "0123456789_$.+/()")


def needs_quotes(value):
    if value == "" or value != value.strip(" "):
        return True
    if value[0] not in SAFE_PLAIN_FIRST and ord(value[0]) < 0x80:
        return True
    for bad in (": ", " #", "\n", "\t", "\r", ",", "[", "]", "{", "}"):
        if bad in value:
            return True
    if value.endswith(":"):
        return True
    return any(ord(c) < 0x20 or ord(c) in (0x85, 0x2028, 0x2029, 0xfeff)
               or 0xd800 <= ord(c) <= 0xdfff for c in value)


def s(value, role=None, style=None, r=None):
    """A string scalar written plain when safe, else quoted (or `style`)."""
    if style is None:
        style = "plain"
    if style == "plain" and needs_quotes(value):
        style = "dq" if any(ord(c) < 0x20 or ord(c) > 0x7e
                            for c in value) else "sq"
    if style == "sq" and any(ord(c) < 0x20 or ord(c) in (0x85, 0x2028,
                                                          0x2029, 0xfeff)
                             for c in value):
        style = "dq"
    if style == "plain":
        raw = value
    elif style == "sq":
        raw = sq(value)
    elif style == "dqa":
        raw = dq(value, ascii_escape=True)
    else:
        raw = dq(value)
    return Scalar(raw, role, value=value)


def plain(raw, role=None):
    return Scalar(raw, role)


def block_scalar(value_lines, indicator, role=None, value=None):
    return Scalar(None, role, block=(indicator, value_lines), value=value)


def K(name, role=None):
    return s(name, role=role or "key")


def mp(pairs, role=None):
    return Map([[K(k) if isinstance(k, str) else k, v] for k, v in pairs],
               role)


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


class Style(object):
    def __init__(self, r):
        self.r = r
        self.indent = r.choice([2, 2, 2, 4, 4, 3, 1])
        self.seq_indent = r.choice([0, self.indent, self.indent])
        self.flow_prob = r.choice([0.0, 0.0, 0.1, 0.3, 0.6])
        self.multiline_flow = r.random() < 0.2
        self.compact_flow = r.random() < 0.08   # {a:1} without spaces
        self.trailing_comma = r.random() < 0.1
        self.space_after_colon = r.choice([" ", " ", " ", "  "])
        self.key_quote = r.choice([None, None, None, "sq", "dq"])
        self.dash_space = r.choice([" ", " ", " ", "   "])


def props(node):
    p = []
    if node.anchor:
        p.append("&" + node.anchor)
    if node.tag:
        p.append(node.tag)
    return " ".join(p)


def with_props(node, text):
    p = props(node)
    if not p:
        return text
    return p + " " + text if text != "" else p


def key_text(node, st):
    if isinstance(node, Scalar) and node.block is None:
        raw = node.raw
        if (st.key_quote and node.value is not None and not node.tag
                and not node.anchor and node.role in ("key", None)
                and raw == node.value and node.value != "<<"):
            raw = sq(node.value) if st.key_quote == "sq" else dq(node.value)
        return with_props(node, raw)
    return inline(node, st)


def inline(node, st):
    """Flow/inline text of a node."""
    if isinstance(node, Alias):
        return "*" + node.name
    if isinstance(node, Scalar):
        if node.block is not None:
            v = node.value if node.value is not None else "\n".join(
                node.block[1])
            return with_props(node, dq(v))
        return with_props(node, node.raw)
    sep = "," if st.compact_flow else ", "
    colon = ":" if st.compact_flow else ": "
    if isinstance(node, Map):
        parts = []
        for k, v in node.pairs:
            vt = inline(v, st)
            kt = inline(k, st) if not isinstance(k, Scalar) else key_text(
                k, st)
            if st.compact_flow and (isinstance(v, Scalar) and v.raw
                                    and v.raw[:1] in "\"'"):
                parts.append(kt + ":" + vt)
            else:
                parts.append(kt + (colon + vt if vt != "" else ":"))
        if st.trailing_comma and parts:
            parts[-1] += ","
        return with_props(node, "{" + sep.join(parts) + "}")
    items = [inline(i, st) for i in node.items]
    if st.trailing_comma and items:
        items[-1] += ","
    return with_props(node, "[" + sep.join(items) + "]")


def is_block(node, st):
    if isinstance(node, (Map, Seq)):
        if node.style == "flow":
            return False
        if node.style == "block":
            return bool(node.pairs if isinstance(node, Map) else node.items)
        if not (node.pairs if isinstance(node, Map) else node.items):
            return False
        return st.r.random() >= st.flow_prob
    return False


def ml_flow(node, st, ind):
    """Multi-line flow collection, one entry per line."""
    pad = " " * (ind + st.indent)
    if isinstance(node, Map):
        ents = [key_text(k, st) + ": " + inline(v, st) for k, v in node.pairs]
        o, c = "{", "}"
    else:
        ents = [inline(i, st) for i in node.items]
        o, c = "[", "]"
    body = (",\n").join(pad + e for e in ents)
    if st.trailing_comma:
        body += ","
    return with_props(node, o + "\n" + body + "\n" + " " * ind + c)


def value_after(node, st, ind, lines_out, prefix):
    """Emit `prefix` + node as a block-context value at indentation ind."""
    if isinstance(node, Scalar) and node.block is not None:
        ind_ch, content = node.block
        lines_out.append(prefix + " " + with_props(node, ind_ch))
        for ln in content:
            lines_out.append((" " * (ind + st.indent) + ln) if ln else "")
        return
    if isinstance(node, (Map, Seq)) and is_block(node, st):
        p = props(node)
        lines_out.append(prefix + (" " + p if p else ""))
        if isinstance(node, Map):
            block_lines(node, st, ind + st.indent, lines_out)
        else:
            block_lines(node, st, ind + st.seq_indent, lines_out)
        return
    if (isinstance(node, (Map, Seq)) and st.multiline_flow
            and (node.pairs if isinstance(node, Map) else node.items)):
        lines_out.append(prefix + " " + ml_flow(node, st, ind))
        return
    t = inline(node, st)
    lines_out.append(prefix + (st.space_after_colon + t if t != "" else ""))


def block_lines(node, st, ind, out):
    pad = " " * ind
    if isinstance(node, Map):
        for k, v in node.pairs:
            if isinstance(k, Scalar) and k.block is not None:
                # complex key written as a block scalar
                out.append(pad + "? " + with_props(k, k.block[0]))
                for ln in k.block[1]:
                    out.append((pad + " " * st.indent + ln) if ln else "")
                value_after(v, st, ind, out, pad + ":")
                continue
            if isinstance(k, (Map, Seq)):
                out.append(pad + "? " + inline(k, st))
                value_after(v, st, ind, out, pad + ":")
                continue
            value_after(v, st, ind, out, pad + key_text(k, st) + ":")
        return
    for item in node.items:
        dash = pad + "-"
        if (isinstance(item, Map) and is_block(item, st) and not item.anchor
                and not item.tag and st.r.random() < 0.85):
            sub = []
            block_lines(item, st, ind + 1 + len(st.dash_space), sub)
            first = sub[0][ind + 1 + len(st.dash_space):]
            out.append(dash + st.dash_space + first)
            out.extend(sub[1:])
            continue
        if isinstance(item, Seq) and is_block(item, st) and not item.anchor \
                and not item.tag:
            sub = []
            block_lines(item, st, ind + 2, sub)
            out.append(dash + " " + sub[0][ind + 2:])
            out.extend(sub[1:])
            continue
        value_after(item, st, ind, out, dash)


def render(root, st):
    out = []
    if isinstance(root, (Map, Seq)) and is_block(root, st):
        p = props(root)
        if p:
            out.append("--- " + p)
        block_lines(root, st, 0, out)
    elif isinstance(root, Scalar) and root.block is not None:
        out.append("--- " + with_props(root, root.block[0]))
        out.extend(("  " + ln) if ln else "" for ln in root.block[1])
    else:
        out.append(inline(root, st))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Realistic valid configs
# ---------------------------------------------------------------------------

RC_WORDS = ["LICENSE_SEAT", "FPGA", "GPU_A100", "PMEM_NAMESPACE", "NIC_VF",
            "BAREMETAL_GOLD", "X", "DISK_SSD_1", "ACCEL_QAT", "VGPU_TYPE_2",
            "NET_BW_EGR_KILOBIT_PER_SEC", "A1"]
TRAIT_WORDS = ["RACK_B12", "POWER_GREEN", "TOR_SWITCH_7", "GOLD", "HAS_GPU",
               "ZONE_1", "SSD", "NUMA_0", "X"]
NAMES = ["compute-01", "cn1", "host.example.org", "rack12_node3",
         "numa0", "fpga-card-0", "pf_0000:81:00.0", "storage pool"]


def uuid4(r):
    h = "%032x" % r.getrandbits(128)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def num(v, role):
    return plain(str(v), role)


def ratio_text(v):
    t = repr(float(v))
    return t


def make_record(r, role_prefix=""):
    total = r.choice([1, 4, 8, 16, 64, 100, 1024, 65536, 2147483647])
    pairs = [["total", num(total, "total")]]
    fields = []
    if r.random() < 0.5:
        fields.append(["reserved", num(r.choice([0, 0, 1, total // 2]),
                                       "reserved")])
    if r.random() < 0.4:
        fields.append(["min_unit", num(1, "min_unit")])
    if r.random() < 0.4:
        fields.append(["max_unit", num(r.choice([1, total]), "max_unit")])
    if r.random() < 0.3:
        fields.append(["step_size", num(1, "step_size")])
    if r.random() < 0.5:
        fields.append(["allocation_ratio",
                       plain(ratio_text(r.choice([1.0, 1.5, 16.0, 0.5, 4.0,
                                                  2.0])),
                             "allocation_ratio")])
    r.shuffle(fields)
    if r.random() < 0.2:
        pairs = fields + pairs
    else:
        pairs = pairs + fields
    return mp(pairs, "record")


def make_provider(r, ident=None):
    if ident is None:
        ident = random_ident(r)
    kind, val = ident
    idmap = mp([[K(kind), s(val, role=kind)]], "identification")
    pairs = [["identification", idmap]]
    has_inv = r.random() < 0.75
    has_traits = r.random() < 0.6 or not has_inv
    if has_inv:
        items = []
        used = set()
        for _ in range(r.choice([1, 1, 2, 3])):
            item_pairs = []
            for _ in range(r.choice([1, 1, 1, 2])):
                rc = "CUSTOM_" + r.choice(RC_WORDS)
                if rc in used:
                    continue
                used.add(rc)
                item_pairs.append([K(rc, "rc_key"), make_record(r)])
            if item_pairs:
                items.append(Map(item_pairs, "inv_item"))
        pairs.append(["inventories",
                      mp([["additional", Seq(items, "inv_additional")]],
                         "inventories")])
    if has_traits:
        names = r.sample(TRAIT_WORDS, r.choice([1, 1, 2, 3]))
        pairs.append(["traits",
                      mp([["additional",
                           Seq([s("CUSTOM_" + t, "trait") for t in names],
                               "traits_additional")]], "traits")])
    if r.random() < 0.1:
        r.shuffle(pairs)
    return mp(pairs, "provider")


def random_ident(r):
    c = r.random()
    if c < 0.4:
        return ("uuid", uuid4(r))
    if c < 0.55:
        return ("uuid", "$COMPUTE_NODE")
    return ("name", r.choice(NAMES) + r.choice(["", "", "-a", "-2"]))


def make_config(r, idents=None):
    n = r.choice([1, 1, 2, 2, 3])
    if idents is None:
        idents = []
        seen = set()
        while len(idents) < n:
            i = random_ident(r)
            if i[1] not in seen:
                seen.add(i[1])
                idents.append(i)
    provs = [make_provider(r, i) for i in idents]
    meta = mp([["schema_version", s("1.0", "schema_version",
                                    style=r.choice(["sq", "sq", "dq"]))]],
              "meta")
    pairs = [["meta", meta], ["providers", Seq(provs, "providers")]]
    if r.random() < 0.1:
        pairs.reverse()
    return mp(pairs, "root")


# ---------------------------------------------------------------------------
# Tree addressing
# ---------------------------------------------------------------------------


def walk(node, path="", parent=None, slot=None, out=None):
    """Document-order list of (node, path, parent, slot)."""
    if out is None:
        out = []
    out.append((node, path, parent, slot))
    if isinstance(node, Map):
        for i, (k, v) in enumerate(node.pairs):
            kname = k.value if isinstance(k, Scalar) and k.value else (
                k.raw if isinstance(k, Scalar) else "?")
            walk(k, path + "/<key %s>" % kname, node, ("key", i), out)
            walk(v, path + "/" + str(kname), node, ("val", i), out)
    elif isinstance(node, Seq):
        for i, item in enumerate(node.items):
            walk(item, path + "[%d]" % i, node, ("item", i), out)
    return out


def put(parent, slot, new):
    kind, i = slot
    old = parent.pairs[i][kind == "val"] if kind != "item" else \
        parent.items[i]
    if old.anchor and not new.anchor and not isinstance(new, Alias):
        new.anchor = old.anchor  # keep later aliases defined
    if kind == "key":
        parent.pairs[i][0] = new
    elif kind == "val":
        parent.pairs[i][1] = new
    else:
        parent.items[i] = new


def contains(a, b):
    return any(n is b for n, _, _, _ in walk(a))


# ---------------------------------------------------------------------------
# Catalogs of written forms
# ---------------------------------------------------------------------------

ANY_SCALAR = [
    "~", "null", "Null", "NULL", "", "true", "True", "yes", "Yes", "NO", "on",
    "Off", "y", "n", "0", "-0", "+1", "010", "08", "0o10", "0x1F", "0x_",
    "0b101", "0b_", "1_000", "1:30", "1:60", "190:20:30", "1e3", "1E3",
    "1.0e+3", "1.0e3", "1.e+3", ".5", "-.5", "+.5", "1.", "1_0.5", "1:30.5",
    ".inf", "-.Inf", "+.inf", ".NaN", ".nan", "NaN", "inf", "2001-02-03",
    "2001-02-30", "2001-13-01", "2001-2-3", "2001-02-03T04:05:06Z",
    "2001-02-03 04:05:06 +25:00", "2001-02-03t25:00:00", "=", "<<",
    "'quoted'", "\"dq\"", "plain string", "\"\\u200b\"", "!!binary aGVsbG8=",
    "!!binary \"!!!\"", "[]", "{}", "[a, b]", "{a: 1}", "[[1]]", "[~]",
    "!!set {a, b}", "!!omap [a: 1]", "!!str", "!!null ''", "!!bool maybe",
    "!!int abc", "!!float x", "!!timestamp x", "!foo bar", "!!python/none ''",
    "0_", "-0b1", "+0x_A", "0.0.0", "1__0", "12e", "0x", "._5", "1_:30",
    "1:30:00.5", "-1:30", "!!int 0o17", "!!int 09", "!!int '\\u0661\\u0662'",
    "!!int \" 12\"", "!!float ' 1.5 '", "!!float 1e3", "!!int 1:30",
    "!!int 0b2", "!!float .nan", "!!str 1.0", "!!int 1.0", "!!int +_1",
    "!!int ''", "!!float ''", "!!int '-'", "!!int 0x", "!!float '1_'",
    "!!float 0x10", "!!float inf", "!!float nan", "!!float infinity",
    "!!int ' 1'", "!!int '0\u0661'", "!!bool 'TRUE'", "!!bool y",
    "!!null x", "!!timestamp '2001-02-03'", "!!timestamp 2001-02-30",
    "1:00.0", "1:30.0", "0:30", "-0b_", "0_8", "00", "+0", "0o7",
    "2001-02-29", "2000-02-29", "1999-12-31T23:59:60Z",
    "2001-02-03T04:05:06.5+05:30",
    "2001-02-03 04:05:06.123456789", "0001-01-01", "9999-12-31",
    "'a\tb'", "a\tb", "\u00a0", "[a, b, ]", "{a: 1, }", "? a",
    "!!str &x y", "&x !!str y", "- a",
    "\"a\\/b\"", "\"a\\\tb\"", "\"\\U00110000\"", "\"\\U0010FFFF\"",
    "\"\\e\\N\\_\\L\\P\"", "\"\\'\"", "\"\\ \"", "&\u00e9 x", "&a@ x",
    "&a` x", "&a? x", "&a.b x", "&\u0661 x", "{a:1}", "{\"a\":1}", "[a:b]",
    "!!binary YQ", "!!binary YQ=", "!!binary YQ==YQ==", "!!binary =YQ==",
    "!!binary YWJjZA", "!!binary 'Y Q = ='", "!!int 0o10", "!!int '0O7'",
    "!!float '\u0661.\u0665'", "\"\\ud83d\\ude00\"",
    "!!omap []", "!!pairs []", "!!set {}", "!!omap [a: 1, a: 2]",
]

ARABIC_DIGITS = {ord("0") + i: 0x660 + i for i in range(10)}
FULLWIDTH_DIGITS = {ord("0") + i: 0xff10 + i for i in range(10)}

INT_VALUES = [0, 1, 2, 7, 8, 16, 255, 1024, 2147483646, 2147483647,
              2147483648, 4294967295, 4294967296, 9223372036854775807,
              9223372036854775808, 10 ** 30, -1, -2147483648, -2147483649]


def int_forms(r, v):
    forms = [str(v), str(v) + ".0"]
    a = abs(v)
    sign = "-" if v < 0 else ""
    forms.append(sign + "{:_}".format(a))
    forms.append(sign + "0x%X" % a)
    forms.append(sign + "0x%x" % a)
    forms.append(sign + "0%o" % a)
    forms.append(sign + "0b{:b}".format(a))
    forms.append(sign + "%d.0e+0" % a)
    if a >= 60:
        parts = []
        x = a
        while x:
            parts.append(x % 60)
            x //= 60
        parts.reverse()
        forms.append(sign + str(parts[0]) + "".join(":%02d" % p
                                                   for p in parts[1:]))
    forms.append("'%d'" % v)
    forms.append("\"%d\"" % v)
    forms.append("!!int '%d'" % v)
    forms.append("!!float '%d'" % v)
    forms.append("!!str %d" % v)
    forms.append("+%d" % v if v >= 0 else str(v))
    # explicit tags go through PyYAML's constructors, i.e. Python int()/float()
    forms.append("!!int '%s0o%o'" % (sign, a))
    forms.append("!!int '%s0O%o'" % (sign, a))
    forms.append("!!int '%s'" % str(v).translate(ARABIC_DIGITS))
    forms.append("!!float '%s'" % (str(v) + ".0").translate(ARABIC_DIGITS))
    forms.append("!!float '%s'" % str(v).translate(FULLWIDTH_DIGITS))
    forms.append("!!int ' %d '" % v)
    # floats that are integral, or round to an integer, in a double
    forms.append("%d.0000000000000001" % v)
    forms.append("%d.00000000000000000001" % v if v else "0.0")
    forms.append(sign + "{:_}".format(a) + ".0")
    forms.append("%s.0e+00" % v)
    forms.append(("-" if v < 0 else "") + "%d.5" % a)
    if v > 0:
        forms.append("%d.99999999999999999" % (v - 1))
        forms.append("%d.9999999" % (v - 1))
    if a >= 60:
        forms.append(forms[8] + ".0" if ":" in forms[8] else str(v))
    if a >= 1000:
        forms.append(sign + "%d.%de+%d" % (int(str(a)[0]), int(str(a)[1:4]
                                                               or 0),
                                           len(str(a)) - 1))
        forms.append(sign + str(a)[0] + "e" + str(len(str(a)) - 1))
    return forms


RATIO_FORMS = [
    "1.0", "1", "0", "0.0", "-0.0", "-1.0", "0.5", "1.5", "16", "16.0",
    "3.40282e+38", "3.40282e38", "3.4028234663852886e+38", "3.4028235e+38",
    "3.40282356e+38", "3.4028236e+38", "3.40283e+38", "3.5e+38", "1.0e+39",
    "340282346638528859811704183484516925440", "3.4e+38", ".inf", "-.inf",
    ".nan", ".NaN", "1.0e-45", "1.0e-46", "1e-46", "1.4e-45", "0.9999999",
    "1e3", "1.0e+3", "1:30.5", "1_0.5", "'1.5'", "true", "~", "!!float 2",
    "!!float '3.40282e38'", "1.", ".5", "-.5", "2147483648.0",
    "1.7976931348623157e+308", "1.0e+309", "0x10", "010", "0b11", "1:30",
    "!!float '\u0661.\u0665'", "!!float '\uff11.5'", "!!float ' 1.5 '",
    "!!float infinity", "!!float '1e3'", "!!float 1_0", "!!int 2",
    "!!float '-1:30.5'",
]

SCHEMA_VERSION_FORMS = [
    "'1.0'", "\"1.0\\n\"", "' 1.0'", "'1.01'", "'1.1'", "1", "'1'",
    "'01.0'", "'1_0.0'", "'\u0661.\u0660'", "1.0", "\"1.0 \"", "'1.10'",
    "'1.9'", "'2.0'", "'0.9'", "'1.x'", "'1x0'", "'1.0.0'", "'+1.0'",
    "'1.+0'", "\"1.\\u0660\"", "'1. 0'", "\"1.0\\r\"", "\"\\t1.0\"", "~",
    "''", "[1, 0]", "{major: 1}", "\"1.0\\t\"", "'1.00'", "'1.010'",
    "'1.\uff11'", "\"1.0\\u0085\"", "!!str 1.0", "!!str 1.1", "'1.0 # c'",
    "1.0 # comment", "'1.0\n\n'", "\"1.0\\n\\n\"", "'1,0'", "'1.0_'",
    "'1._0'", "'1.0\u200b'", "'\ufeff1.0'", "'\u00a01.0'", "'1.0\u00a0'",
    "!!binary MS4w", "'1.999999999999999999999'", "'1.-0'", "'1.٠'",
    "1.0e+0", "'1.0e0'", "\"1\\x2e0\"", "!!str '1.0'", "'\\n1.0'",
    "\"\\n1.0\"", "'1.1\\n'", "\"1.1\\n\"", "'1'",
]
SCHEMA_VERSION_BLOCKS = [
    ("|", ["1.0"]), ("|-", ["1.0"]), ("|+", ["1.0", "", ""]), (">", ["1.0"]),
    (">-", ["1.0"]), (">+", ["1.0", ""]), ("|", ["1.0", ""]),
    (">", ["1.", "0"]), ("|", ["1.", "0"]), ("|2", ["1.0"]), ("|", ["1.1"]),
    ("|-", [" 1.0"]), ("|", ["", "1.0"]),
]

UNICODE_BITS = [
    "\u202e", "\u202d", "\u2066", "\u200b", "\u200d", "\u00a0", "\u0301",
    "\U0001F600", "\U00010348", "\ufeff", "\u2028", "\u0085", "\u3000",
    "\uff10", "\u0660", "\u0430", "\u0435", "\u0406", "\u00e9", "e\u0301",
    "\u2029", "\u180e", "\u00ad", "\u2060", "\u1680", "\u2000", "\u00c5",
    "A\u030a", "\ud835\udc00",
]

UUID_FORMS = [
    "$COMPUTE_NODE", "$compute_node", "'$COMPUTE_NODE '",
    "\"$COMPUTE_NODE\\n\"",
    "COMPUTE_NODE", "${COMPUTE_NODE}",
]


def uuid_variants(r, u):
    return [u, u.upper(), u.replace("-", ""), "{" + u + "}", "'{" + u + "}'",
            "urn:uuid:" + u, dq(u + "\n"), dq(u + " "), dq(" " + u),
            u[:-1] + "g", u[:-1], u + "0", dq(u + "\u00a0"), dq(u + "\n\n"),
            "!!str " + u, u.replace("-", "_"), "0x" + u.replace("-", "")[:8],
            dq(u.replace("-", "\u2010")), dq(u[:9] + "\u200b" + u[9:]),
            "12345678-1234-1234-1234-123456789012",
            "12345678-1234-1234-1234-1234567890", "'" + u + "'",
            dq(u, ascii_escape=True), dq(u.upper() + "\n")]


def long_str(r, n, astral=False):
    unit = "\U0001F600" if astral else "a"
    return unit * n


def name_variants(r):
    return [
        "compute-01", "$COMPUTE_NODE", "'$COMPUTE_NODE'", "''", "\"\"",
        sq(long_str(r, 200)), sq(long_str(r, 201)),
        dq(long_str(r, 200, True)), dq(long_str(r, 201, True)),
        dq("\u00e9" * 200), dq("e\u0301" * 100), dq("e\u0301" * 101),
        "123", "1e3", "010", "0x1F", "1.5", "2001-02-03", "yes", "~", "null",
        "'123'", dq("a\n"), dq("\n"), dq(" "), dq("a\tb"), "a b c",
        dq("\u202egnp.exe"), dq("cn1\u200b"), dq("\u00a0"), dq("\ufeff"),
        dq("\ud800"), dq("\x00"), dq("\x7f"), dq("a\r\nb"), "-", "a:b",
        "a #b", "[cn1]", "{a: 1}", "!!binary Y24x", "!!str 5", "!foo cn1",
        dq("\u2028"), dq("\U0010ffff"), dq("\ufffe"), dq("\uffff"),
        dq("\u0085x"), dq("x" * 199 + "\n"), dq("x" * 200 + "\n"),
        "*undefined_alias", dq("\ud83d\ude00" * 100, ascii_escape=True),
        "\"" + "\\ud83d\\ude00" * 101 + "\"", "\"\\ud83d\\ude00\"",
        "\"\\U0001F600\"", dq("\U0001F600"), "!!binary YQ",
        "!!binary YQ==YQ==",
    ]


def rc_variants(r):
    base = "CUSTOM_" + r.choice(RC_WORDS)
    return [
        base, base.lower(), "CUSTOM_", "Custom_X", "VCPU", "MEMORY_MB",
        "DISK_GB", "PCPU", "X", "_", "1", "0", "010", "0x1F", "ON", "OFF",
        "YES", "NO", "TRUE", "NULL", "~", "Y", "N", "CUSTOM_" + "X" * 248,
        "CUSTOM_" + "X" * 249, "CUSTOM_X" + "_" * 247, dq(base + "\n"),
        dq(base + "\n\n"), dq(base + " "), sq(" " + base), base + "-1",
        dq("CUSTOM_\u00c9"), dq("CUSTOM_\u0660"), dq(base + "\u200b"),
        dq("CUSTOM_\uff21"), "CUSTOM_1E3", "CUSTOM_1:30", "1_000", "1:30",
        "'CUSTOM_A'", "\"CUSTOM_A\"", "!!str CUSTOM_A", "!!str 1",
        "!!binary Q1VTVE9NX0E=", "'CUSTOM_A:B'", "CUSTOM__", "CUSTOMX",
        "CUSTOM_A" + dq("\t")[1:-1], dq("CUSTOM_A\t"), dq("CUSTOM_A\x00"),
        "CUSTOM\u0130", "1E3", "1.0", ".inf", "2001-02-03", "=", "<<",
    ]


def trait_variants(r):
    base = "CUSTOM_" + r.choice(TRAIT_WORDS)
    return [
        base, base.lower(), "CUSTOM_", "HW_CPU_X86_AVX2", "COMPUTE_NODE",
        "COMPUTE_STATUS_DISABLED", "NO", "no", "ON", "YES", "TRUE", "NULL",
        "~", "", "''", "1", "010", "0x1F", "1_0", "1:30", "1.5", "1e3",
        "CUSTOM_" + "X" * 248, "CUSTOM_" + "X" * 249, dq(base + "\n"),
        dq(base + "\n\n"), dq(base + " "), dq(base + "\r"), sq(" " + base),
        dq("CUSTOM_\u0660"), dq(base + "\u200b"), dq("CUSTOM_\u00c9"),
        "CUSTOM-X", "CUSTOM_X Y", "[CUSTOM_A]", "{CUSTOM_A: 1}",
        "!!str CUSTOM_A", "!!binary Q1VTVE9NX0E=", "CUSTOM_A # c",
        "CUSTOM_A#c", "'CUSTOM_A'", "\"CUSTOM_\\x41\"", "=", "<<",
        "2001-02-03", "2001-02-30", "*undefined_alias", "CUSTOM__",
        dq("CUSTOM_A\u0085"), dq("CUSTOM_A\u2028"),
    ]


KEY_TYPOS = {
    "meta": ["Meta", "META", "meta ", "mata", "metadata", "me\u200bta",
             "m\u0435ta"],
    "schema_version": ["schema-version", "schemaVersion", "schema_versions",
                       "Schema_version", "schema_version ", "version",
                       "schema_ver\u0455ion"],
    "providers": ["provider", "Providers", "providers ", "provders",
                  "pr\u043eviders"],
    "identification": ["identifcation", "Identification", "id",
                       "identification ", "identity"],
    "uuid": ["UUID", "uid", "uuid ", "Uuid", "id"],
    "name": ["Name", "names", "name ", "hostname", "n\u0430me"],
    "inventories": ["inventory", "Inventories", "inventorys",
                    "inventories ", "invent\u043eries"],
    "traits": ["trait", "Traits", "traits ", "tags"],
    "additional": ["Additional", "additonal", "additional ", "add",
                   "extra", "addit\u0456onal"],
    "total": ["Total", "totals", "tota", "total ", "to\u200btal",
              "t\u043etal", "TOTAL", "count"],
    "reserved": ["reserve", "Reserved", "reserved ", "reservd"],
    "min_unit": ["min-unit", "minUnit", "min_units", "Min_unit"],
    "max_unit": ["max-unit", "maxUnit", "max_units", "MAX_UNIT"],
    "step_size": ["step-size", "stepSize", "step", "step_sizes"],
    "allocation_ratio": ["allocation-ratio", "allocationRatio", "ratio",
                         "allocation_ratios", "alloc_ratio"],
}

EXTRA_KEYS = ["total", "uuid", "name", "additional", "traits", "inventories",
              "meta", "providers", "schema_version", "__source_file",
              "description", "x-foo", "1", "true", "~", "reserved",
              "identification", "CUSTOM_EXTRA", "VCPU", "<<", "=", "010",
              "1.5", "2001-02-03", "'__source_file'", "?", "-", "[a]",
              "{a: 1}", "\"\"", "''", "\"a\\nb\"", "null", "! x",
              "!!str 1", "!!int '7'", "!!binary YQ==", "\"\\ufeffmeta\""]


def value_for_role(r, role):
    """A written value typical for (or a variant at) schema position role."""
    if role in ("total", "reserved", "min_unit", "max_unit", "step_size"):
        return r.choice(int_forms(r, r.choice(INT_VALUES)))
    if role == "allocation_ratio":
        return r.choice(RATIO_FORMS)
    if role == "schema_version":
        return r.choice(SCHEMA_VERSION_FORMS)
    if role == "uuid":
        return r.choice(UUID_FORMS + uuid_variants(r, uuid4(r)))
    if role == "name":
        return r.choice(name_variants(r))
    if role == "trait":
        return r.choice(trait_variants(r))
    if role == "rc_key":
        return r.choice(rc_variants(r))
    return r.choice(ANY_SCALAR)


# ---------------------------------------------------------------------------
# Mutations: each takes (r, case) and returns a short description or None.
# case = {"files": {name: root_node}, "text_ops": {name: [ops]},
#         "raw": {name: bytes}, "dirs": [names]}
# ---------------------------------------------------------------------------

def pick_file(r, case):
    names = sorted(case["files"])
    return r.choice(names) if names else None


def positions(case, fname, pred=lambda n, p: True):
    return [t for t in walk(case["files"][fname])
            if t[2] is not None and pred(t[0], t[1])]


def m_role_value(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    roles = ("total", "reserved", "min_unit", "max_unit", "step_size",
             "allocation_ratio", "schema_version", "uuid", "name", "trait",
             "rc_key")
    cands = positions(case, f, lambda n, p: n.role in roles)
    if not cands:
        return None
    node, path, parent, slot = r.choice(cands)
    text = value_for_role(r, node.role)
    new = plain(text, node.role)
    if text.startswith("*"):
        new = plain("'%s'" % text[1:], node.role)
    put(parent, slot, new)
    return "%s: %s = %s" % (f, path, text)


def m_schema_version(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = positions(case, f, lambda n, p: n.role == "schema_version")
    if not cands:
        return None
    node, path, parent, slot = cands[0]
    if r.random() < 0.3:
        ind, lines = r.choice(SCHEMA_VERSION_BLOCKS)
        put(parent, slot, block_scalar(lines, ind, "schema_version"))
        return "%s: schema_version = %s %r" % (f, ind, lines)
    text = r.choice(SCHEMA_VERSION_FORMS)
    put(parent, slot, plain(text, "schema_version"))
    return "%s: schema_version = %s" % (f, text)


def m_type_swap(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = positions(case, f, lambda n, p: slot_is_value(p))
    if not cands:
        return None
    node, path, parent, slot = r.choice(cands)
    c = r.random()
    if c < 0.45:
        text = r.choice(ANY_SCALAR)
        put(parent, slot, plain(text, node.role))
        return "%s: %s -> %s" % (f, path, text)
    if c < 0.55:
        put(parent, slot, Seq([node], node.role))
        return "%s: %s wrapped in a list" % (f, path)
    if c < 0.62:
        put(parent, slot, Seq([Seq([node])], node.role))
        return "%s: %s wrapped in a nested list" % (f, path)
    if c < 0.7 and isinstance(node, Map):
        put(parent, slot, Seq([Map([p]) for p in node.pairs], node.role))
        return "%s: %s map -> list of one-key maps" % (f, path)
    if c < 0.78 and isinstance(node, Seq) and node.items and \
            all(isinstance(i, Map) for i in node.items):
        pairs = [p for i in node.items for p in i.pairs]
        put(parent, slot, Map(pairs, node.role))
        return "%s: %s list of maps -> one map" % (f, path)
    if c < 0.86:
        put(parent, slot, Map([], node.role))
        return "%s: %s -> {}" % (f, path)
    if c < 0.93:
        put(parent, slot, Seq([], node.role))
        return "%s: %s -> []" % (f, path)
    put(parent, slot, Map([[K("x"), node]], node.role))
    return "%s: %s wrapped in {x: ...}" % (f, path)


def slot_is_value(path):
    return not path.rsplit("/", 1)[-1].startswith("<key")


def m_key_typo(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = [t for t in positions(case, f)
             if t[3][0] == "key" and isinstance(t[0], Scalar)
             and t[0].value in KEY_TYPOS]
    if not cands:
        return None
    node, path, parent, slot = r.choice(cands)
    typo = r.choice(KEY_TYPOS[node.value])
    put(parent, slot, s(typo, role="key"))
    return "%s: key %s -> %r" % (f, path, typo)


def m_key_rename_rc(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = [t for t in positions(case, f) if t[0].role == "rc_key"]
    if not cands:
        return None
    node, path, parent, slot = r.choice(cands)
    text = r.choice(rc_variants(r))
    if r.random() < 0.15:
        put(parent, slot, block_scalar([text.strip("'\"")],
                                       r.choice(["|", "|-", "|+", ">"]),
                                       "rc_key"))
        return "%s: rc key %s -> block scalar %r" % (f, path, text)
    put(parent, slot, plain(text, "rc_key"))
    return "%s: rc key %s -> %s" % (f, path, text)


def m_extra_key(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = [t for t in walk(case["files"][f]) if isinstance(t[0], Map)]
    if not cands:
        return None
    node = r.choice(cands)
    key = r.choice(EXTRA_KEYS)
    val = plain(r.choice(ANY_SCALAR[:40] + ["5", "'x'", "[]"]))
    if r.random() < 0.3:
        val = make_record(r)
    idx = r.randint(0, len(node[0].pairs))
    node[0].pairs.insert(idx, [plain(key, "key"), val])
    return "%s: extra key %s at %s[%d]" % (f, key, node[1] or "/", idx)


def m_delete_key(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = [t for t in walk(case["files"][f])
             if isinstance(t[0], Map) and t[0].pairs]
    if not cands:
        return None
    node, path, _, _ = r.choice(cands)
    i = r.randrange(len(node.pairs))
    k = node.pairs.pop(i)[0]
    return "%s: deleted key %s at %s" % (
        f, getattr(k, "value", None) or getattr(k, "raw", "?"), path or "/")


def m_duplicate_key(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = [t for t in walk(case["files"][f])
             if isinstance(t[0], Map) and t[0].pairs]
    if not cands:
        return None
    node, path, _, _ = r.choice(cands)
    i = r.randrange(len(node.pairs))
    k, v = node.pairs[i]
    c = r.random()
    if c < 0.4:
        nv = plain(value_for_role(r, v.role), v.role) \
            if isinstance(v, Scalar) else v.copy()
    elif c < 0.7:
        nv = v.copy()
    else:
        nv = plain(r.choice(ANY_SCALAR[:30]), v.role)
    nk = k.copy()
    if r.random() < 0.2 and isinstance(k, Scalar) and k.value:
        # same key, other spelling (quoted / escaped) -> still a duplicate
        nk = Scalar(dq(k.value, ascii_escape=True), k.role, value=None)
    where = r.choice(["before", "after", "end"])
    if where == "before":
        node.pairs.insert(i, [nk, nv])
    elif where == "after":
        node.pairs.insert(i + 1, [nk, nv])
    else:
        node.pairs.append([nk, nv])
    return "%s: duplicate key %s at %s (%s)" % (
        f, getattr(k, "value", None) or getattr(k, "raw", "?"), path or "/",
        where)


def m_null_item(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = [t for t in walk(case["files"][f]) if isinstance(t[0], Seq)]
    if not cands:
        return None
    node, path, _, _ = r.choice(cands)
    text = r.choice(["~", "null", "", "[]", "{}", "[~]", "''", "- x",
                     "[CUSTOM_A]", "CUSTOM_A", "5", "{CUSTOM_A: ~}",
                     "{CUSTOM_A: {}}", "{CUSTOM_A: []}", "{CUSTOM_A: 5}",
                     "[[CUSTOM_A, 1]]", "[CUSTOM_A, {total: 1}]",
                     "!!set {CUSTOM_A}", "!!set {x}", "!!set {}", "!!omap []",
                     "!!omap [CUSTOM_A: {total: 1}]", "!!pairs []",
                     "!!pairs [CUSTOM_A: {total: 1}]", "!!map {}",
                     "!!binary ''", "!!binary Q1VTVE9NX0E="])
    idx = r.randint(0, len(node.items))
    node.items.insert(idx, plain(text))
    return "%s: item %r inserted at %s[%d]" % (f, text, path, idx)


def m_anchor_alias(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    ws = walk(case["files"][f])
    order = [t for t in ws if t[2] is not None]
    if len(order) < 3:
        return None
    for _ in range(20):
        a = r.randrange(len(order))
        b = r.randrange(len(order))
        if a >= b:
            continue
        na, pa = order[a][0], order[a][1]
        nb, pb, parb, slotb = order[b]
        if isinstance(na, Alias) or contains(na, nb) or contains(nb, na):
            continue
        # prefer same role (realistic reuse) but allow anything
        if na.role != nb.role and r.random() < 0.7:
            continue
        name = na.anchor or r.choice(["a", "rec", "x", "id1", "t"]) + str(a)
        if not na.anchor and r.random() < 0.15:
            name = r.choice(["d\u00e9f", "a@", "a`", "a.b", "a/b", "a%",
                             "\u0661", "a:b", "x-1_y", "A", "a?", "\u00e9"])
        na.anchor = name
        put(parb, slotb, Alias(name, nb.role))
        return "%s: %s anchored &%s, %s -> *%s" % (f, pa, name, pb, name)
    return None


def m_merge(r, case):
    """<< merge keys: single alias, list of aliases, inline map, overrides,
    bad merges."""
    f = pick_file(r, case)
    if not f:
        return None
    root = case["files"][f]
    if not isinstance(root, Map):
        return None
    targets = [t for t in walk(root) if isinstance(t[0], Map)
               and t[0].role in ("record", "identification", "provider",
                                 "inventories", "traits", "meta", "inv_item")]
    if not targets:
        return None
    node, path, _, _ = r.choice(targets)
    c = r.random()
    # defaults declared before use, in an ignored top-level key
    d1 = make_record(r)
    d1.anchor = "d1"
    d2 = Map([p for p in make_record(r).pairs if r.random() < 0.6]
             or [[K("reserved"), num(0, "reserved")]], "record")
    d2.anchor = "d2"
    if node.role == "identification":
        d1 = Map([[K("uuid"), s(uuid4(r), "uuid")]], "identification")
        d1.anchor = "d1"
        d2 = Map([[K("name"), s("cn-merged", "name")]], "identification")
        d2.anchor = "d2"
    elif node.role == "meta":
        d1 = Map([[K("schema_version"), s("1.0", "schema_version", "sq")]])
        d1.anchor = "d1"
        d2 = Map([[K("schema_version"), s("2.0", "schema_version", "sq")]])
        d2.anchor = "d2"
    elif node.role in ("inventories", "traits", "provider", "inv_item"):
        d1 = Map([[K("additional"),
                   Seq([s("CUSTOM_MERGED", "trait")], "traits_additional")]])
        if node.role in ("inventories", "inv_item"):
            d1 = Map([[K("additional"),
                       Seq([Map([[K("CUSTOM_MERGED", "rc_key"),
                                  make_record(r)]], "inv_item")],
                           "inv_additional")]])
            if node.role == "inv_item":
                d1 = Map([[K("CUSTOM_MERGED", "rc_key"), make_record(r)]])
        d1.anchor = "d1"
        d2.anchor = "d2"
    decl_key = r.choice(["x-defaults", "_defaults", "defaults", "aliases"])
    decl = Seq([d1, d2]) if r.random() < 0.5 else Map(
        [[K("one"), d1], [K("two"), d2]])
    if root.pairs and r.random() < 0.8:
        root.pairs.insert(0, [K(decl_key), decl])
    else:
        root.pairs.append([K(decl_key), decl])  # alias before anchor: error
    mk = plain("<<")
    if c < 0.3:
        val = Alias("d1")
        desc = "<<: *d1"
    elif c < 0.5:
        val = Seq([Alias("d1"), Alias("d2")], style="flow")
        desc = "<<: [*d1, *d2]"
    elif c < 0.6:
        val = d1.copy()
        val.anchor = None
        desc = "<<: {inline map}"
    elif c < 0.7:
        val = plain(r.choice(["5", "~", "[5]", "[*d1, 5]", "'x'", "[]",
                              "{}", "[[*d1]]", "*d1"]))
        desc = "<<: %s" % val.raw
    elif c < 0.8:
        val = Alias("d2")
        desc = "<<: *d2"
    else:
        val = Alias("d1")
        mk = plain(r.choice(["'<<'", "\"<<\"", "!!merge <<", "!!str <<",
                             "<< ", "? <<"]))
        desc = "%s: *d1" % mk.raw
    i = r.randint(0, len(node.pairs))
    node.pairs.insert(i, [mk, val])
    if r.random() < 0.3:
        node.pairs.insert(r.randint(0, len(node.pairs)), [mk.copy(),
                                                          Alias("d2")])
        desc += " twice"
    if r.random() < 0.3 and node.pairs:
        # drop the explicit version of some merged key
        j = r.randrange(len(node.pairs))
        if node.pairs[j][0] is not mk:
            node.pairs.pop(j)
            desc += " minus one explicit key"
    return "%s: merge %s into %s at %d (decl %s)" % (f, desc, path or "/",
                                                     i, decl_key)


TAGS_SCALAR = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary",
               "!!timestamp", "!foo", "!<tag:yaml.org,2002:str>",
               "!<tag:yaml.org,2002:int>", "!!python/str", "!!value",
               "!!merge", "!", "!!Str", "!<!>", "!!yaml", "!!python/int",
               "!!python/unicode", "!!python/bytes", "!!python/name:os.system",
               "!<tag:yaml.org,2002:float>", "!!map", "!!seq", "!!set",
               "!!omap", "!!pairs"]
TAGS_COLL = ["!!map", "!!seq", "!!set", "!!omap", "!!pairs", "!foo",
             "!!python/tuple", "!!python/dict", "!!str", "!!python/list",
             "!<tag:yaml.org,2002:map>", "!<tag:yaml.org,2002:seq>", "!"]


def m_tag(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = positions(case, f)
    if not cands:
        return None
    node, path, parent, slot = r.choice(cands)
    if isinstance(node, Alias):
        return None
    node.tag = r.choice(TAGS_COLL if isinstance(node, (Map, Seq))
                        else TAGS_SCALAR)
    if isinstance(node, Seq) and node.tag in ("!!omap", "!!pairs") \
            and node.items and r.random() < 0.5:
        node.style = "block"
    return "%s: tag %s on %s" % (f, node.tag, path)


def m_style(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = positions(case, f, lambda n, p: isinstance(n, (Map, Seq)))
    for node, path, _, _ in r.sample(cands, min(len(cands), 3)):
        node.style = r.choice(["flow", "block"])
    cands = [t for t in positions(case, f)
             if isinstance(t[0], Scalar) and t[0].value is not None
             and t[0].block is None]
    out = []
    for node, path, parent, slot in r.sample(cands, min(len(cands), 2)):
        v = node.value
        st = r.choice(["sq", "dq", "dqa", "plain", "block", "multiline"])
        if st == "block" and "\n" not in v and slot[0] == "val":
            ind = r.choice(["|", "|-", "|+", ">", ">-", ">+", "|2", ">2-"])
            lines = [v]
            if ind.endswith("+") and r.random() < 0.5:
                lines = [v, ""]
            new = block_scalar(lines, ind, node.role)
        elif st == "multiline" and " " not in v and len(v) > 3 \
                and slot[0] == "val":
            cut = r.randrange(1, len(v) - 1)
            q = r.choice(["'", '"', ""])
            new = plain(q + v[:cut] + "\n" + "          " + v[cut:] + q,
                        node.role)
        else:
            new = s(v, node.role, style=st if st in ("sq", "dq", "dqa",
                                                     "plain") else "plain")
        new.tag = node.tag
        new.anchor = node.anchor
        put(parent, slot, new)
        out.append("%s as %s" % (path, st))
    return "%s: style %s" % (f, ", ".join(out)) if out else None


def m_unicode(r, case):
    f = pick_file(r, case)
    if not f:
        return None
    cands = [t for t in positions(case, f)
             if isinstance(t[0], Scalar) and t[0].value]
    if not cands:
        return None
    node, path, parent, slot = r.choice(cands)
    v = node.value
    bit = r.choice(UNICODE_BITS)
    where = r.choice(["start", "end", "middle", "replace"])
    if where == "start":
        nv = bit + v
    elif where == "end":
        nv = v + bit
    elif where == "replace" and len(v) > 1:
        i = r.randrange(len(v))
        nv = v[:i] + bit + v[i + 1:]
    else:
        i = r.randrange(len(v) + 1)
        nv = v[:i] + bit + v[i:]
    st = r.choice(["plain", "plain", "sq", "dq", "dqa"])
    if st == "plain":
        new = Scalar(nv, node.role, value=nv)
    else:
        new = s(nv, node.role, style=st)
    put(parent, slot, new)
    return "%s: %s = %r (%s)" % (f, path, nv, st)


def m_numbers(r, case):
    """Edges of reserved vs total with allocation_ratio, unit bounds."""
    f = pick_file(r, case)
    if not f:
        return None
    recs = [t for t in walk(case["files"][f])
            if isinstance(t[0], Map) and t[0].role == "record"]
    if not recs:
        return None
    rec = r.choice(recs)[0]
    total = r.choice([1, 2, 10, 100, 2147483647, 2147483646, 2147483648, 0,
                      -1])
    reserved = r.choice([0, total, total - 1, total + 1, -1, 1,
                         2147483647])
    ratio = r.choice(["1.0", "0.0", "0.5", "1e-10", "1.0e-10", "-0.0",
                      "0.9999999", "2.0", "3.40282e+38", "1.0e+38",
                      "0.1", "1.0000001"])
    fields = {"total": str(total), "reserved": str(reserved),
              "allocation_ratio": ratio}
    c = r.random()
    if c < 0.3:
        fields["min_unit"] = str(r.choice([0, 1, 2, total, total + 1]))
        fields["max_unit"] = str(r.choice([0, 1, total, total + 1,
                                           2147483647, 2147483648]))
    elif c < 0.5:
        fields["step_size"] = str(r.choice([0, 1, 2, 3, total, total + 1,
                                            -1]))
    pairs = []
    for k in ("total", "reserved", "min_unit", "max_unit", "step_size",
              "allocation_ratio"):
        if k in fields and (k == "total" or r.random() < 0.85):
            pairs.append([K(k), plain(fields[k], k)])
    rec.pairs = pairs
    return "%s: record %s" % (f, ", ".join("%s=%s" % (k.value, v.raw)
                                           for k, v in pairs))


def m_drop_content(r, case):
    """Make a provider a no-op (no additional inventories or traits)."""
    f = pick_file(r, case)
    if not f:
        return None
    provs = [t for t in walk(case["files"][f])
             if isinstance(t[0], Map) and t[0].role == "provider"]
    if not provs:
        return None
    p = r.choice(provs)[0]
    c = r.random()
    keep = [pr for pr in p.pairs if getattr(pr[0], "value", None)
            not in ("inventories", "traits")]
    if c < 0.3:
        p.pairs = keep
        return "%s: provider made no-op (keys removed)" % f
    if c < 0.6:
        p.pairs = keep + [[K("inventories"),
                           mp([["additional", Seq([], "inv_additional")]],
                              "inventories")],
                          [K("traits"),
                           mp([["additional", Seq([],
                                                  "traits_additional")]],
                              "traits")]]
        return "%s: provider made no-op (empty lists)" % f
    if c < 0.8:
        p.pairs = keep + [[K("inventories"),
                           mp([["additional", Seq([Map([], "inv_item")],
                                                  "inv_additional")]],
                              "inventories")]]
        return "%s: provider with only an empty inventory item {}" % f
    p.pairs = keep + [[K("inventories"), mp([["other", plain("[]")]],
                                            "inventories")],
                      [K("traits"), Map([], "traits")]]
    return "%s: provider with unknown adjectives only" % f


def m_merge_precedence(r, case):
    """Two merge sources that disagree on a field, one value fine and one
    that Placement (or nova) rejects: which wins decides the outcome."""
    f = pick_file(r, case)
    if not f:
        return None
    root = case["files"][f]
    recs = [t for t in walk(root) if isinstance(t[0], Map)
            and t[0].role == "record"]
    if not recs or not isinstance(root, Map):
        return None
    rec = r.choice(recs)[0]
    field, good, bad = r.choice([
        ("total", "8", "0"), ("total", "8", "'8'"), ("reserved", "0", "-1"),
        ("reserved", "1", "9"), ("allocation_ratio", "1.0", "-1.0"),
        ("allocation_ratio", "2.0", ".nan"), ("max_unit", "4", "0"),
        ("step_size", "1", "0"), ("min_unit", "1", "true"),
        ("total", "8", "2147483648")])
    d1 = Map([[K(field), plain(bad, field)]], "record")
    d2 = Map([[K(field), plain(good, field)]], "record")
    if field in ("reserved", "allocation_ratio", "max_unit", "step_size",
                 "min_unit"):
        for d in (d1, d2):
            d.pairs.insert(0, [K("total"), plain("8", "total")])
    if r.random() < 0.5:
        d1, d2 = d2, d1
    d1.anchor, d2.anchor = "m1", "m2"
    root.pairs.insert(0, [K(r.choice(["x-merge", "_m"])),
                          Seq([d1, d2], style=r.choice([None, "flow"]))])
    c = r.random()
    rec.pairs = [p for p in rec.pairs
                 if getattr(p[0], "value", None) not in (field,)]
    if c < 0.35:
        how = "<<: [*m1, *m2]"
        rec.pairs.insert(r.randint(0, len(rec.pairs)),
                         [plain("<<"), Seq([Alias("m1"), Alias("m2")],
                                           style="flow")])
    elif c < 0.55:
        how = "<<: *m1 then <<: *m2 (two merge keys)"
        rec.pairs.insert(0, [plain("<<"), Alias("m1")])
        rec.pairs.append([plain("<<"), Alias("m2")])
    elif c < 0.75:
        how = "explicit %s then <<: *m1" % field
        rec.pairs.append([K(field), plain(d2.pairs[-1][1].raw, field)])
        rec.pairs.append([plain("<<"), Alias("m1")])
    elif c < 0.9:
        how = "<<: *m1, explicit duplicate %s twice" % field
        rec.pairs.insert(0, [plain("<<"), Alias("m1")])
        rec.pairs.append([K(field), plain(d1.pairs[-1][1].raw, field)])
        rec.pairs.append([K(field), plain(d2.pairs[-1][1].raw, field)])
    else:
        how = "nested merge: m2 merges m1"
        d2.pairs.insert(0, [plain("<<"), Alias("m1")])
        rec.pairs.insert(0, [plain("<<"), Alias("m2")])
    if not any(getattr(p[0], "value", None) == "total" for p in rec.pairs) \
            and r.random() < 0.5:
        rec.pairs.append([K("total"), plain("8", "total")])
    return "%s: merge precedence on %s: m1=%s m2=%s, %s" % (
        f, field, d1.pairs[-1][1].raw, d2.pairs[-1][1].raw, how)


def m_long_key(r, case):
    """Simple keys around PyYAML's 1024-character limit, block and flow."""
    f = pick_file(r, case)
    if not f:
        return None
    maps = [t for t in walk(case["files"][f]) if isinstance(t[0], Map)
            and t[0].role in ("root", "provider", "inventories", "traits",
                              "meta")]
    if not maps:
        return None
    node = r.choice(maps)[0]
    n = r.choice([1023, 1024, 1025, 1026])
    ch = r.choice(["y", "y", "\u00e9", "\U0001F600"])
    style = r.choice(["plain", "sq", "dq"])
    key = s(ch * (n - (2 if style != "plain" else 0)), style=style)
    val = r.choice([plain("1"), Map([[key, plain("1")]], style="flow"),
                    Seq([Map([[key, plain("1")]])], style="flow")])
    if isinstance(val, Scalar):
        node.pairs.append([key, val])
        where = "block key"
    else:
        node.pairs.append([K("x-long"), val])
        where = "flow key"
    return "%s: %s of %d chars (%s, %r) in %s" % (
        f, where, n, style, ch, node.role)


def m_capacity(r, case):
    """(total - reserved) * allocation_ratio right around -1 and 0."""
    f = pick_file(r, case)
    if not f:
        return None
    recs = [t for t in walk(case["files"][f])
            if isinstance(t[0], Map) and t[0].role == "record"]
    if not recs:
        return None
    rec = r.choice(recs)[0]
    diff = r.choice([1, 2, 3, 7, 10, 30, 100, 1000003, -1, -3, -10])
    total = r.choice([10, 100, 2147483647, 5])
    reserved = total - diff
    if reserved < 0:
        total, reserved = total - reserved, 0
    k = r.choice([1, 1, 1, 2])
    target = r.choice([-k, -k + 1e-9, -k - 1e-9, 0, -0.5, k])
    ratio = target / float(total - reserved) if total != reserved else -1.0
    rtext = r.choice([repr(ratio), "%.7g" % ratio, "%.17g" % ratio])
    if "." not in rtext and "e" not in rtext and "inf" not in rtext:
        rtext += ".0"
    if "e" in rtext and "." not in rtext.split("e")[0]:
        m, e = rtext.split("e")
        rtext = m + ".0e" + e
    if "e" in rtext and rtext.split("e")[1][0] not in "+-":
        m, e = rtext.split("e")
        rtext = m + "e+" + e
    rec.pairs = [[K("total"), plain(str(total), "total")],
                 [K("reserved"), plain(str(reserved), "reserved")],
                 [K("allocation_ratio"), plain(rtext, "allocation_ratio")]]
    return "%s: capacity edge total=%d reserved=%d ratio=%s" % (
        f, total, reserved, rtext)


def m_placement_edge(r, case):
    """An identification Placement may never hold (upper-case uuid, uuid
    ending in a newline, lone surrogate, escaped surrogate pair) or a
    plain one, with a value only Placement refuses (total 0, bare CUSTOM_,
    a name ending in a newline, ratios Placement fails on)."""
    f = pick_file(r, case)
    if not f:
        return None
    provs = [t for t in walk(case["files"][f])
             if isinstance(t[0], Map) and t[0].role == "provider"]
    if not provs:
        return None
    prov = r.choice(provs)[0]
    desc = []
    ids = [t for t in walk(prov) if t[2] is not None
           and getattr(t[0], "role", None) in ("uuid", "name")]
    if ids and r.random() < 0.7:
        u = uuid4(r)
        role, text = r.choice([
            ("uuid", u.upper()), ("uuid", dq(u + "\n")),
            ("uuid", dq(u.upper() + "\n")), ("name", '"host-\\ud800"'),
            ("name", '"gpu-\\ud83d\\ude00"'), ("name", '"\\udc00"'),
            ("uuid", u), ("name", "host-a"), ("uuid", "$COMPUTE_NODE")])
        node, path, parent, slot = r.choice(ids)
        if role != node.role and isinstance(parent, Map):
            # rename the key with the value: uuid <-> name
            for pair in parent.pairs:
                if pair[1] is node:
                    pair[0] = K(role)
        put(parent, slot, plain(text, role))
        desc.append("identification %s: %s" % (role, text))
    recs = [t[0] for t in walk(prov)
            if isinstance(t[0], Map) and t[0].role == "record"]
    traits = [t for t in walk(prov) if t[2] is not None
              and getattr(t[0], "role", None) == "trait"]
    kind = r.choice(["record", "record", "trait"])
    if kind == "record" and recs:
        rec = r.choice(recs)
        total = r.choice([0, 1, 2, 4, 2147483647, 2147483648])
        reserved = r.choice([0, 0, 1, 2, total, total + 1])
        ratio = r.choice(["-.inf", ".inf", ".nan", "-1.0e+300", "1.0e+300",
                          "-0.0", "0.5", "3.5e+38", "3.40282e+38",
                          "-1.0e-300", "-1.0", "0.0", "1.0"])
        rec.pairs = [[K("total"), plain(str(total), "total")],
                     [K("reserved"), plain(str(reserved), "reserved")],
                     [K("allocation_ratio"),
                      plain(ratio, "allocation_ratio")]]
        desc.append("record total=%d reserved=%d ratio=%s"
                    % (total, reserved, ratio))
    elif traits:
        node, path, parent, slot = r.choice(traits)
        text = r.choice(["CUSTOM_", dq("CUSTOM_NL\n"),
                         dq("CUSTOM_" + "X" * 248 + "\n"), "CUSTOM_OK"])
        put(parent, slot, plain(text, "trait"))
        desc.append("trait %s" % text)
    if not desc:
        return None
    return "%s: placement edge: %s" % (f, "; ".join(desc))


# --- directory-level -------------------------------------------------------

def m_split_files(r, case):
    """Move providers into several files; maybe duplicate some."""
    f = pick_file(r, case)
    root = case["files"].get(f)
    if not isinstance(root, Map):
        return None
    pv = [p for p in root.pairs if getattr(p[0], "value", None) == "providers"
          and isinstance(p[1], Seq)]
    if not pv or not pv[0][1].items:
        return None
    provs = pv[0][1].items
    other = r.choice(["b.yaml", "00-first.yaml", "z.yaml", "B.yaml",
                      "a b.yaml", "x.yml", "y.YAML", ".hidden.yaml",
                      "10.yaml", "9.yaml", "provider.yaml.yaml",
                      "\u00e9t\u00e9.yaml"])
    if other in case["files"]:
        return None
    c = r.random()
    moved = []
    if c < 0.4 and len(provs) > 1:
        moved = [provs.pop(r.randrange(len(provs)))]
        desc = "moved one provider to %s" % other
    elif c < 0.8:
        src = r.choice(provs)
        dup = src.copy()
        if r.random() < 0.4:
            # the duplicate is a no-op entry: dropped before the dup check
            dup.pairs = [pr for pr in dup.pairs
                         if getattr(pr[0], "value", None) == "identification"]
            desc = "no-op duplicate of a provider in %s" % other
        else:
            desc = "duplicate provider in %s" % other
        moved = [dup]
    else:
        moved = [make_provider(r)]
        desc = "another provider in %s" % other
    meta = mp([["schema_version", s("1.0", "schema_version", "sq")]], "meta")
    case["files"][other] = mp([["meta", meta],
                               ["providers", Seq(moved, "providers")]],
                              "root")
    return "dir: " + desc


def m_dir_extra(r, case):
    c = r.choice(["empty", "comment", "docstart", "meta-only", "yml-bad",
                  "dir", "null-providers", "hidden-bad", "list",
                  "providers-empty", "no-meta", "bad-ext-bad"])
    if c == "empty":
        case["raw"]["zz-empty.yaml"] = b""
    elif c == "comment":
        case["raw"]["zz-comment.yaml"] = b"# only a comment\n"
    elif c == "docstart":
        case["raw"]["zz-doc.yaml"] = r.choice([b"---\n", b"--- ~\n", b"...\n",
                                               b"---\n...\n"])
    elif c == "meta-only":
        case["raw"]["zz-meta.yaml"] = b"meta:\n  schema_version: '1.0'\n"
    elif c == "yml-bad":
        case["raw"]["zz.yml"] = b"meta: [\n"
    elif c == "hidden-bad":
        case["raw"][".zz.yaml"] = b"meta: [\n"
    elif c == "bad-ext-bad":
        case["raw"]["zz.yaml~"] = b"meta: [\n"
    elif c == "dir":
        case["dirs"].append(r.choice(["sub.yaml", "sub"]))
    elif c == "null-providers":
        case["raw"]["zz-null.yaml"] = \
            b"meta:\n  schema_version: '1.0'\nproviders:\n"
    elif c == "list":
        case["raw"]["zz-list.yaml"] = b"- meta: {schema_version: '1.0'}\n"
    elif c == "providers-empty":
        case["raw"]["zz-pe.yaml"] = \
            b"meta:\n  schema_version: '1.0'\nproviders: []\n"
    elif c == "no-meta":
        case["raw"]["zz-nometa.yaml"] = b"providers: []\n"
    return "dir: extra %s" % c


# --- text-level (applied to the rendered text) ------------------------------

# (op, weight): mostly forms nova loads, some that break the stream
TEXT_OPS = [("crlf", 6), ("bom", 4), ("tab_after_colon", 1),
            ("tab_indent", 1), ("trailing_ws", 4), ("comments", 8),
            ("comment_no_space", 2), ("no_final_newline", 3),
            ("docstart", 3), ("docend", 2), ("directive", 2),
            ("directive12", 1), ("tag_directive", 1), ("second_doc", 1),
            ("cr_only", 1), ("blank_lines", 3), ("nel", 1), ("ls", 1),
            ("bom_mid", 1), ("indent_comment", 2), ("comment_in_flow", 2),
            ("tab_in_value", 1), ("trailing_tab", 2), ("tab_after_plain", 2),
            ("unicode_space_indent", 1), ("ff", 1)]


def apply_text_op(r, text, op):
    lines = text.split("\n")
    if op == "crlf":
        return text.replace("\n", "\r\n")
    if op == "cr_only":
        return text.replace("\n", "\r")
    if op == "bom":
        return "\ufeff" + text
    if op == "bom_mid":
        i = r.randrange(len(lines))
        lines[i] = "\ufeff" + lines[i]
        return "\n".join(lines)
    if op == "tab_after_colon":
        return text.replace(": ", ":\t", r.randint(1, 3))
    if op == "tab_in_value":
        i = r.randrange(len(lines))
        lines[i] = lines[i].replace(" ", " \t", 1)
        return "\n".join(lines)
    if op == "tab_indent":
        cands = [i for i, ln in enumerate(lines) if ln.startswith("  ")]
        if cands:
            i = r.choice(cands)
            lines[i] = "\t" + lines[i][2:]
        return "\n".join(lines)
    if op == "unicode_space_indent":
        cands = [i for i, ln in enumerate(lines) if ln.startswith(" ")]
        if cands:
            i = r.choice(cands)
            lines[i] = "\u00a0" + lines[i][1:]
        return "\n".join(lines)
    if op == "trailing_ws":
        return "\n".join(ln + " " * r.randint(0, 2) if ln else ln
                         for ln in lines)
    if op == "tab_after_plain":
        cands = [i for i, ln in enumerate(lines) if ln.rstrip()
                 and ln.rstrip()[-1] not in ":'\"]}|>"]
        if cands:
            i = r.choice(cands)
            lines[i] = lines[i].rstrip() + r.choice(["\t", " \t", "\t# c",
                                                     "\tx"])
        return "\n".join(lines)
    if op == "trailing_tab":
        i = r.randrange(len(lines))
        lines[i] += "\t"
        return "\n".join(lines)
    if op == "comments":
        out = []
        for ln in lines:
            x = r.random()
            if x < 0.15 and ln.strip():
                ln += r.choice([" # note", "  #", " #: x", " # 'q", " #\t"])
            elif x < 0.25:
                ind = len(ln) - len(ln.lstrip(" "))
                out.append(" " * r.choice([0, ind, ind + 7]) + "# comment")
            out.append(ln)
        return "\n".join(out)
    if op == "indent_comment":
        i = r.randrange(len(lines))
        lines.insert(i, "   #    odd comment - x: 1")
        return "\n".join(lines)
    if op == "comment_no_space":
        cands = [i for i, ln in enumerate(lines)
                 if ln.rstrip() and not ln.rstrip().endswith(":")]
        if cands:
            i = r.choice(cands)
            lines[i] = lines[i].rstrip() + "#c"
        return "\n".join(lines)
    if op == "comment_in_flow":
        return text.replace(", ", ", # c\n    ", 1)
    if op == "no_final_newline":
        return text.rstrip("\n")
    if op == "docstart":
        return r.choice(["---\n", "--- \n", "--- # c\n"]) + text
    if op == "docend":
        return text + r.choice(["...\n", "...\n# after\n", "... \n"])
    if op == "directive":
        return "%YAML 1.1\n---\n" + text
    if op == "directive12":
        return r.choice(["%YAML 1.2\n---\n", "%YAML 2.0\n---\n",
                         "%FOO bar\n---\n", "%YAML 1.1\n%YAML 1.1\n---\n"]) \
            + text
    if op == "tag_directive":
        return "%TAG !e! tag:yaml.org,2002:\n---\n" + text.replace(
            "!!", "!e!")
    if op == "second_doc":
        return text + r.choice(["---\n", "--- ~\n", "---\nmeta: 1\n"])
    if op == "blank_lines":
        i = r.randrange(len(lines))
        lines.insert(i, r.choice(["", "  ", "\t"]))
        return "\n".join(lines)
    if op == "nel":
        i = r.randrange(len(lines))
        lines[i] += "\u0085"
        return "\n".join(lines)
    if op == "ls":
        i = r.randrange(len(lines))
        lines[i] += "\u2028"
        return "\n".join(lines)
    if op == "ff":
        i = r.randrange(len(lines))
        lines[i] += "\x0c"
        return "\n".join(lines)
    return text


# --- YAML token soup in an ignored key (scanner/parser differential) -------

SOUP_WORDS = ["a", "a b", "a:b", "a#b", "a?b", "-a", ":a", "?a", "a,b", "a]b",
              "\u00e9", "1", "~", "0x_", "1:30", "=", "<<", "a!b", "a&b",
              "a*b", "a%b", "a@b", "a`b", "a'b", "a\"b", "a|b", "a>b", ".",
              "-", "?", ":", "!", "&", "*", "|", ">", "%", "@", "`", "#",
              "a.b", "a/b", "a\\b", "\u00a0", "\u3000", "\u200b", "a\u2028b"]
SOUP_ESC = ["\\n", "\\t", "\\/", "\\\t", "\\x41", "\\u00e9", "\\U0001F600",
            "\\ud800", "\\q", "\\'", "\\\"", "\\ ", "\\N", "\\_", "\\e",
            "\\x4", "\\U00110000", "\\0", "\\\\"]
SOUP_WS = [" ", " ", " ", " ", " ", "  ", "", "", "\t"]
SOUP_ANCHORS = ["a", "b1", "x-y", "\u00e9", "a.b", "a@", "a:", "A_1"]


def soup(r, depth, anchors):
    c = r.random()
    ws = lambda: r.choice(SOUP_WS)  # noqa: E731
    if depth > 2 or c < 0.35:
        k = r.random()
        if k < 0.5:
            return r.choice(SOUP_WORDS)
        if k < 0.8:
            body = "".join(r.choice(SOUP_WORDS + SOUP_ESC)
                           for _ in range(r.randint(0, 3)))
            return '"' + body.replace('"', '\\"') + '"'
        body = "".join(r.choice(SOUP_WORDS) for _ in range(r.randint(0, 3)))
        return "'" + body.replace("'", r.choice(["''", "'"])) + "'"
    if c < 0.55:
        items = [soup(r, depth + 1, anchors)
                 for _ in range(r.randint(0, 3))]
        sep = r.choice([", ", ",", " ,", ",\t", ",\n  ", ", # c\n  "])
        return "[" + ws() + sep.join(items) + r.choice(["", ",", ws()]) + "]"
    if c < 0.75:
        pairs = []
        for _ in range(r.randint(0, 3)):
            k = soup(r, depth + 2, anchors)
            v = soup(r, depth + 1, anchors)
            pairs.append(k + r.choice([": ", ":", " : ", ":\t", ": ",
                                       ": ", ":  ", "   : "]) + v)
        sep = r.choice([", ", ",", " ,", ",\n  "])
        return "{" + ws() + sep.join(pairs) + r.choice(["", ",", ws()]) + "}"
    if c < 0.85:
        name = r.choice(SOUP_ANCHORS)
        anchors.append(name)
        return "&" + name + ws() + soup(r, depth + 1, anchors)
    if c < 0.92 and anchors:
        return "*" + r.choice(anchors) + r.choice(["", " ", "\t"])
    tag = r.choice(["!!str", "!!int", "!!float", "!!binary", "!!set",
                    "!!omap", "!!seq", "!!map", "!foo", "!", "!!null",
                    "!<tag:yaml.org,2002:str>", "!!bool", "!!timestamp"])
    return tag + r.choice([" ", " ", "\t", ""]) + soup(r, depth + 1, anchors)


def m_soup(r, case):
    """An ignored top-level key whose value is random flow-YAML: only the
    scanner, parser and constructors decide whether nova loads."""
    f = pick_file(r, case)
    if not f or not isinstance(case["files"][f], Map):
        return None
    anchors = []
    frag = soup(r, 0, anchors)
    tail = r.choice(["", "", " # c", "\t", " "])
    case.setdefault("soup", {})[f] = "x-soup: " + frag + tail + "\n"
    return "%s: x-soup: %r" % (f, frag + tail)


MUTATIONS = [
    (m_role_value, 14), (m_schema_version, 5), (m_type_swap, 10),
    (m_key_typo, 6), (m_key_rename_rc, 5), (m_extra_key, 6),
    (m_delete_key, 3), (m_duplicate_key, 6), (m_null_item, 4),
    (m_anchor_alias, 5), (m_merge, 6), (m_tag, 5), (m_style, 8),
    (m_unicode, 6), (m_numbers, 7), (m_drop_content, 3), (m_split_files, 5),
    (m_dir_extra, 2), (m_merge_precedence, 4), (m_capacity, 3),
    (m_long_key, 2), (m_soup, 10),
]


PLACEMENT = [(m_placement_edge, 6), (m_capacity, 2), (m_role_value, 2),
             (m_split_files, 1)]


BENIGN = [(m_style, 6), (m_anchor_alias, 4), (m_merge, 3), (m_unicode, 2),
          (m_split_files, 3), (m_duplicate_key, 2), (m_extra_key, 2),
          (m_capacity, 2), (m_numbers, 2), (m_merge_precedence, 2),
          (m_drop_content, 1)]


def weighted(r, table):
    total = sum(w for _, w in table)
    x = r.uniform(0, total)
    for item, w in table:
        x -= w
        if x <= 0:
            return item
    return table[-1][0]


def generate_case(seed, index, placement=False):
    """Returns (files: {name: bytes}, dirs: [names], description list).
    placement=True draws every mutation from PLACEMENT (--placement)."""
    r = random.Random("%s:%d" % (seed, index))
    case = {"files": {}, "raw": {}, "dirs": []}
    main = r.choice(["provider.yaml", "provider.yaml", "a.yaml",
                     "10-compute.yaml", "p.yaml"])
    case["files"][main] = make_config(r)
    desc = []
    c = r.random()
    n = 0 if c < 0.06 else 1 if c < 0.6 else 2 if c < 0.85 else \
        r.randint(3, 5)
    # a third of the cases only restyle (mostly still loadable), so that
    # false errors on odd-but-valid YAML show up too
    mode = r.random()
    table = BENIGN if mode < 0.3 else MUTATIONS
    if mode > 0.8:
        table, n = [(m_soup, 1)], 1  # one fragment of raw YAML syntax
    if placement:
        table, n = PLACEMENT, max(n, 1)
    for _ in range(n):
        for _ in range(5):
            op = weighted(r, table)
            d = op(r, case)
            if d:
                desc.append(d)
                break
    out = {}
    for name in sorted(case["files"]):
        st = Style(r)
        text = render(case["files"][name], st)
        if name in case.get("soup", {}):
            if text.startswith(("{", "---", "%")):
                desc.append("%s: (soup skipped: flow root)" % name)
            else:
                text += case["soup"][name]
        if r.random() < 0.2:
            ops = [weighted(r, TEXT_OPS) for _ in range(r.choice([1, 1, 2]))]
            for op in ops:
                text = apply_text_op(r, text, op)
            desc.append("%s: text %s" % (name, "+".join(ops)))
        if r.random() < 0.02:
            enc = r.choice(["utf-16", "latin-1"])
            try:
                out[name] = text.encode(enc)
                desc.append("%s: encoded %s" % (name, enc))
                continue
            except UnicodeEncodeError:
                pass
        out[name] = text.encode("utf-8", "surrogatepass")
    for name, data in case["raw"].items():
        out[name] = data
    if not desc:
        desc.append("(unmutated)")
    return out, case["dirs"], desc


def write_case(path, files, dirs):
    os.makedirs(path)
    for name, data in files.items():
        with open(os.path.join(path, name), "wb") as f:
            f.write(data)
    for d in dirs:
        os.makedirs(os.path.join(path, d), exist_ok=True)


# ---------------------------------------------------------------------------
# Running the two sides
# ---------------------------------------------------------------------------


def run_nova(py, dirs, chunk=40, timeout=180):
    """{dir: result} from nova_reference.py, in chunks; a chunk that hangs
    is retried one directory at a time."""
    script = os.path.join(HERE, "nova_reference.py")
    results = {}

    def run(batch, t):
        try:
            p = subprocess.run([py, script] + batch, capture_output=True,
                               timeout=t)
        except subprocess.TimeoutExpired:
            return None
        for line in p.stdout.decode("utf-8", "replace").splitlines():
            if line.strip():
                obj = json.loads(line)
                results[obj["dir"]] = obj
        return p

    for i in range(0, len(dirs), chunk):
        batch = dirs[i:i + chunk]
        if run(batch, timeout) is None:
            for d in batch:
                if d not in results and run([d], 30) is None:
                    results[d] = {"dir": d, "nova": "timeout",
                                  "detail": "nova_reference.py > 30 s",
                                  "placement_rejects": [], "warnings": [],
                                  "expect_error": None}
    for d in dirs:
        results.setdefault(d, {"dir": d, "nova": "missing",
                               "detail": "no result from nova_reference.py",
                               "placement_rejects": [], "warnings": [],
                               "expect_error": None})
    return results


def snapshot_jar(jar, dest, wait=300):
    """Copy the jar (another build may rewrite it under us) once it is a
    complete zip; returns the copy's path or None."""
    import zipfile
    deadline = time.monotonic() + wait
    while True:
        try:
            st1 = os.stat(jar)
            shutil.copyfile(jar, dest)
            with zipfile.ZipFile(dest) as z:
                z.getinfo("META-INF/MANIFEST.MF")
            if os.stat(jar).st_mtime == st1.st_mtime:
                return dest
        except (OSError, zipfile.BadZipFile, KeyError):
            pass
        if time.monotonic() > deadline:
            return None
        time.sleep(5)


def run_ptree(java, jar, d, timeout=60):
    t0 = time.monotonic()
    try:
        p = subprocess.run([java, "-jar", jar, "check", "--format", "json",
                            d], capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = 124, e.stdout or b"", e.stderr or b""
    return (rc, out.decode("utf-8", "replace"),
            err.decode("utf-8", "replace"), time.monotonic() - t0)


def ptree_diags(out):
    try:
        rep = json.loads(out)
        return [dg for f in rep.get("files", [])
                for dg in f.get("diagnostics", [])]
    except (ValueError, AttributeError):
        return []


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", default="1")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--placement", action="store_true",
                    help="only Placement edges: unreachable identifications,"
                         " capacity and name values Placement refuses")
    ap.add_argument("--start", type=int, default=0,
                    help="first case index (default 0)")
    ap.add_argument("--only", type=int, action="append",
                    help="run just case I (repeatable)")
    ap.add_argument("--keep", metavar="DIR",
                    help="keep cases and results.jsonl in DIR")
    ap.add_argument("--generate-only", action="store_true",
                    help="write the cases (needs --keep), run nothing")
    ap.add_argument("--quiet", action="store_true",
                    help="print only disagreements and the summary")
    ap.add_argument("--ignore-stderr", metavar="REGEX",
                    help="do not count stderr lines matching REGEX (a known,"
                    " already reported bug) as a disagreement")
    args = ap.parse_args(argv)

    jar = os.environ.get("PTREE_JAR",
                         os.path.join(ROOT, "server", "target", "ptree.jar"))
    java = os.environ.get("JAVA", "java")
    jobs = int(os.environ.get("JOBS", os.cpu_count() or 2))
    py = os.environ.get("NOVA_PYTHON", "/usr/bin/python3")
    if not args.generate_only:
        if not os.path.isfile(jar):
            print("fuzz: ptree jar not found at %s" % jar, file=sys.stderr)
            return 2
        if shutil.which(java) is None:
            print("fuzz: java not found", file=sys.stderr)
            return 2

    if args.keep:
        work = os.path.abspath(args.keep)
        os.makedirs(work, exist_ok=True)
    elif args.generate_only:
        print("fuzz: --generate-only needs --keep DIR", file=sys.stderr)
        return 2
    else:
        work = tempfile.mkdtemp(prefix="ptree-fuzz.")
    indices = args.only or list(range(args.start, args.start + args.count))
    cases = []
    t_start = time.monotonic()
    try:
        for i in indices:
            files, dirs, desc = generate_case(args.seed, i,
                                              placement=args.placement)
            d = os.path.join(work, "s%s-case-%04d" % (args.seed, i))
            if os.path.exists(d):
                shutil.rmtree(d)
            write_case(d, files, dirs)
            cases.append((i, d, desc))
        if args.generate_only:
            print("fuzz: wrote %d cases under %s" % (len(cases), work))
            return 0
        jar_copy = snapshot_jar(jar, os.path.join(
            tempfile.gettempdir(), "ptree-fuzz-%d.jar" % os.getpid()))
        if jar_copy is None:
            print("fuzz: %s is not a usable jar" % jar, file=sys.stderr)
            return 2
        jar = jar_copy
        nova = run_nova(py, [d for _, d, _ in cases])
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            ptree = list(pool.map(lambda c: run_ptree(java, jar, c[1]),
                                  cases))
        bad = 0
        outcomes = {}
        signatures = {}
        records = []
        for (i, d, desc), (rc, out, err, secs) in zip(cases, ptree):
            ref = nova[d]
            outcome = compare.nova_outcome(ref) if ref.get(
                "expect_error") is not None else ref["nova"]
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            problems = []
            if args.ignore_stderr:
                err = "\n".join(ln for ln in err.splitlines()
                                if not re.search(args.ignore_stderr, ln))
            if ref.get("expect_error") is None:
                problems.append("nova_reference: %s" % ref["detail"])
                agree, summary, probs, msgs = False, "?", [], []
            else:
                agree, summary, probs, msgs = compare.judge(ref, out, err, rc)
                problems.extend(probs)
            if err.strip():
                agree = False
                problems.append("stderr: %s" % compare.short(err, 300))
            if secs > SLOW_SECONDS:
                agree = False
                problems.append("slow: %.1f s" % secs)
            diags = ptree_diags(out)
            errs = [dg for dg in diags if dg.get("severity") == "error"]
            rec = {"case": i, "seed": args.seed, "dir": d, "mutations": desc,
                   "nova": outcome, "nova_detail": ref.get("detail"),
                   "placement_rejects": ref.get("placement_rejects"),
                   "expect_error": ref.get("expect_error"),
                   "ptree_rc": rc, "ptree_seconds": round(secs, 2),
                   "ptree_errors": [(dg.get("rule"), dg.get("message"))
                                    for dg in errs],
                   "agree": agree, "problems": problems}
            records.append(rec)
            if agree:
                if not args.quiet:
                    print("ok       %s nova=%s ptree=%s" % (
                        os.path.basename(d), outcome, summary))
                continue
            bad += 1
            sig = (outcome, bool(errs), tuple(sorted({dg.get("rule")
                                                      for dg in errs})))
            signatures.setdefault(sig, []).append(os.path.basename(d))
            print("DISAGREE %s  (seed %s case %d)" % (d, args.seed, i))
            print("   mutations: %s" % " | ".join(desc))
            print("   nova: %s: %s" % (outcome, compare.short(
                ref.get("detail") if ref.get("nova") != "loaded"
                else "loaded", 300)))
            for pr in (ref.get("placement_rejects") or [])[:2]:
                print("   placement: %s" % compare.short(pr, 300))
            print("   ptree: exit=%s %.1fs %s" % (rc, secs, summary))
            for dg in errs[:4]:
                print("   ptree %s: %s" % (dg.get("rule"),
                                          compare.short(dg.get("message"),
                                                        240)))
            for p in problems:
                print("   - %s" % p)
        if args.keep:
            with open(os.path.join(work, "results-%s.jsonl" % args.seed),
                      "w", encoding="utf-8") as f:
                for rec in records:
                    f.write(json.dumps(rec, ensure_ascii=True,
                                       default=str) + "\n")
        print("fuzz: seed %s, %d cases, %d disagreements, %.0f s; nova "
              "outcomes: %s" % (args.seed, len(cases), bad,
                                time.monotonic() - t_start,
                                ", ".join("%s=%d" % kv for kv in
                                          sorted(outcomes.items()))))
        for sig, names in sorted(signatures.items(), key=lambda kv: -len(
                kv[1])):
            print("   %3d x nova=%s ptree_error=%s rules=%s  e.g. %s" % (
                len(names), sig[0], sig[1], ",".join(sig[2]) or "-",
                " ".join(names[:4])))
        return 1 if bad else 0
    finally:
        if jar.startswith(tempfile.gettempdir()) and "ptree-fuzz-" in jar:
            try:
                os.unlink(jar)
            except OSError:
                pass
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
