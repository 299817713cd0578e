#!/usr/bin/env python3
"""A minimal stdio language server for `lspbench.py --selftest`; not a benchmark peer.

Usage: fake_lsp_server.py MODE
"""

import json
import re
import sys
import time


def fake_server(mode):
    """A tiny synchronous stdio LSP server for --selftest.

    modes: normal (versioned publishes), noversion, silent (never answers),
    stubborn (never answers, outlives EOF on stdin), mute (answers requests,
    never publishes), exit (exits at once, status 2)."""
    if mode == "exit":
        sys.stderr.write("fake: unknown command\n")
        sys.exit(2)
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    if mode not in ("normal", "noversion", "silent", "stubborn", "mute"):
        sys.exit("fake: unknown mode %r" % mode)

    def send(obj):
        body = json.dumps(obj).encode("utf-8")
        # split the frame in two writes to exercise partial reads
        out.write(b"Content-Length: %d\r\n" % len(body))
        out.flush()
        out.write(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body)
        out.flush()

    def recv():
        length = None
        while True:
            line = inp.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            k, _, v = line.partition(b":")
            if k.lower() == b"content-length":
                length = int(v)
        return json.loads(inp.read(length))

    docs = {}

    def publish(uri, version):
        if mode == "mute":
            return
        diags = []
        for i, s in enumerate(docs[uri]):
            m = re.match(r"^(\s+total: )(\S+)", s)
            if m and not m.group(2).isdigit():
                diags.append({"range": {"start": {"line": i, "character": len(m.group(1))},
                                        "end": {"line": i, "character": len(s)}},
                              "severity": 1, "message": "total: not an integer ✗"})
        if docs[uri] and not any(s.startswith("meta:") for s in docs[uri]):
            diags.append({"range": {"start": {"line": 0, "character": 0},
                                    "end": {"line": 0, "character": 1}},
                          "severity": 1, "message": "missing meta"})
        p = {"uri": uri, "diagnostics": diags}
        if mode != "noversion":
            p["version"] = version
        # a stale publish first, which the client must skip (versioned mode)
        if mode == "normal" and version > 1:
            send({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                  "params": {"uri": uri, "version": version - 1, "diagnostics": []}})
        send({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": p})

    while True:
        msg = recv()
        if msg is None:
            if mode == "stubborn":   # ignores EOF on stdin: must be killed
                time.sleep(60)
            return
        if mode in ("silent", "stubborn"):
            continue
        meth = msg.get("method")
        if meth == "initialize":
            send({"jsonrpc": "2.0", "id": msg["id"], "result": {
                "capabilities": {"textDocumentSync": 2, "hoverProvider": True}}})
        elif meth is None:   # a reply to one of our requests
            if msg.get("id") == "cfg" and msg.get("result") != [{"depth": 3}, 3]:
                sys.stderr.write("fake: bad configuration reply %r\n" % msg)
                sys.exit(3)
        elif meth == "initialized":
            send({"jsonrpc": "2.0", "id": "cfg", "method": "workspace/configuration",
                  "params": {"items": [{"section": "fake"}, {"section": "fake.depth"}]}})
            send({"jsonrpc": "2.0", "id": "p1", "method": "window/workDoneProgress/create",
                  "params": {"token": "t"}})
        elif meth == "textDocument/didOpen":
            td = msg["params"]["textDocument"]
            docs[td["uri"]] = td["text"].split("\n")
            publish(td["uri"], td["version"])
        elif meth == "textDocument/didChange":
            td = msg["params"]["textDocument"]
            lines = docs[td["uri"]]
            for ch in msg["params"]["contentChanges"]:
                r = ch["range"]
                a, b = r["start"], r["end"]
                assert a["line"] == b["line"]
                s = lines[a["line"]]
                lines[a["line"]] = s[:a["character"]] + ch["text"] + s[b["character"]:]
            publish(td["uri"], td["version"])
        elif meth == "textDocument/hover":
            pos = msg["params"]["position"]
            word = docs[msg["params"]["textDocument"]["uri"]][pos["line"]].strip()[:20]
            send({"jsonrpc": "2.0", "id": msg["id"], "result": {
                "contents": {"kind": "markdown", "value": "`%s`" % word}}})
        elif meth == "shutdown":
            send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        elif meth == "exit":
            return
        elif "id" in msg:
            send({"jsonrpc": "2.0", "id": msg["id"],
                  "error": {"code": -32601, "message": "nope"}})


if __name__ == "__main__":
    fake_server(sys.argv[1] if len(sys.argv) > 1 else "normal")
