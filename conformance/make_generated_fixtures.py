#!/usr/bin/env python3
"""Write the conformance fixtures that are awkward to keep as hand-edited text:
bytes that are not UTF-8, NUL and raw control bytes, a BOM, CRLF line ends,
deep nesting and an alias "bomb". Output is deterministic; the files are
committed, this script only documents and reproduces them.

    python3 conformance/make_generated_fixtures.py [test-fixtures/conformance]

Each case is a directory = one nova provider_config dir. The name suffix is
the outcome measured with nova's real loader (see nova_reference.py
--self-check).
"""

import os
import sys

META = b"meta:\n  schema_version: '1.0'\n"


def traits(name, *traits_):
    out = META + b"providers:\n  - identification:\n      name: " + name + \
        b"\n    traits:\n      additional:\n"
    for t in traits_:
        out += b"        - " + t + b"\n"
    return out


def nested(levels):
    # flow sequences nested `levels` deep, under a key nova ignores
    return (META + b"deep: " + b"[" * levels + b"]" * levels + b"\n"
            + b"providers: []\n")


def alias_bomb(levels=9, fan=10):
    # level 0 is a list of `fan` scalars, level k a list of `fan` aliases of
    # level k-1: fan**levels leaves if expanded, a few hundred bytes written.
    lines = [b"l0: &l0 [" + b", ".join([b"x"] * fan) + b"]"]
    for k in range(1, levels + 1):
        ref = b"*l%d" % (k - 1)
        lines.append(b"l%d: &l%d [" % (k, k) + b", ".join([ref] * fan) + b"]")
    body = b"\n".join(b"  " + line for line in lines)
    return (META + b"lol:\n" + body + b"\n"
            + traits(b"bomb-host", b"CUSTOM_SAFE")[len(META):])


CASES = {
    # nova opens the file as UTF-8 text: a Latin-1 byte anywhere, even in a
    # comment, raises UnicodeDecodeError (not a ProviderConfigException).
    "invalid-utf8-in-name-crash": {
        "provider.yaml": traits(b"'caf\xe9-host'", b"CUSTOM_X")},
    "invalid-utf8-in-comment-crash": {
        "provider.yaml": b"# owner: J\xfcrgen\n" + traits(b"h1", b"CUSTOM_X")},
    "utf16-with-bom-crash": {
        "provider.yaml": traits(b"h1", b"CUSTOM_X").decode().encode(
            "utf-16")},
    # PyYAML's reader refuses NUL and other C0 control bytes (ReaderError,
    # a YAMLError, so nova reports it cleanly) -- even inside a comment.
    "nul-byte-config-error": {
        "provider.yaml": b"# trailing junk \x00\n" + traits(b"h1",
                                                             b"CUSTOM_X")},
    "raw-control-char-config-error": {
        "provider.yaml": traits(b'"bell\x07host"', b"CUSTOM_X")},
    # A UTF-8 BOM is skipped by PyYAML; CRLF is ordinary line breaks.
    "utf8-bom-loads": {
        "provider.yaml": b"\xef\xbb\xbf" + traits(b"h1", b"CUSTOM_BOM")},
    "crlf-line-endings-loads": {
        "provider.yaml": traits(b"h1", b"CUSTOM_CRLF").replace(b"\n",
                                                               b"\r\n")},
    # PyYAML's composer recurses once per level: with Python's default
    # recursion limit nova loads up to ~490 levels and dies beyond.
    "nesting-400-levels-loads": {"provider.yaml": nested(400)},
    "nesting-600-levels-crash": {"provider.yaml": nested(600)},
    # Aliases are shared references in PyYAML, and nova never walks keys it
    # does not know, so this loads instantly.
    "alias-bomb-in-ignored-key-loads": {"provider.yaml": alias_bomb()},
}


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), os.pardir,
        "test-fixtures", "conformance")
    for case, files in sorted(CASES.items()):
        for name, data in files.items():
            path = os.path.join(root, case, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    print("wrote %d generated cases under %s" % (len(CASES),
                                                  os.path.normpath(root)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
