#!/usr/bin/python3
"""A real Placement service, in-process, for the conformance oracle.

Debian's python3-placement is started in this process: oslo.config with
``[api] auth_strategy = noauth2`` and ``[placement_database] connection =
sqlite://`` (in memory; oslo.db gives an in-memory SQLite engine a
StaticPool, so every request sees the same database), Placement's alembic
migrations (``sync_on_startup``) and its standard traits and resource
classes sync, all through ``placement.deploy.loadapp``. Requests are WSGI
calls into that app: no port, no network.

Each request is built the way nova's report client sends it through
keystoneauth and requests: the URL is prepared by ``requests`` (so a path is
percent-encoded exactly as on the wire, ``/traits/CUSTOM_NL\\n`` becomes
``/traits/CUSTOM_NL%0A``), the JSON body is encoded by keystoneauth's own
encoder (``json.JSONEncoder``: NaN and Infinity are written as Python writes
them), and the server side decodes the path as a WSGI server does
(``PATH_INFO`` is the unquoted path, PEP 3333 latin-1).

API (also used by the merge-conformance suite)::

    rp = RealPlacement()          # boots once per process (~0.1 s after import)
    rp.reset()                    # back to a freshly synced database (~1 ms)
    calls = rp.send_provider(uuid, name, parent_uuid=None,
                             inventories={"CUSTOM_X": {"total": 1}},
                             traits=["CUSTOM_T"])
    # -> [Call(method, path, microversion, status, body), ...]
    rp.request("GET", "/resource_providers", "1.14")   # -> Call
    failed(calls)                 # -> the first Call with status >= 400, or None

Self-test::

    /usr/bin/python3 conformance/real_placement.py

Nothing of nova or placement is copied here: both are imported and called.
"""

import collections
import json
import logging
import sqlite3
import sys
import time
import urllib.parse
import uuid as uuidlib

# nova/scheduler/client/report.py
try:
    from nova.scheduler.client import report as _nova_report
    POST_RP_MICROVERSION = _nova_report.POST_RPS_RETURNS_PAYLOAD_API_VERSION
    INVENTORY_MICROVERSION = \
        _nova_report.ALLOW_RESERVED_EQUAL_TOTAL_INVENTORY_VERSION
except Exception:  # pragma: no cover - nova absent: the values it uses
    POST_RP_MICROVERSION = "1.20"
    INVENTORY_MICROVERSION = "1.26"
RESOURCE_CLASS_MICROVERSION = "1.7"   # report.py _ensure_resource_classes
TRAIT_MICROVERSION = "1.6"            # report.py _ensure_traits, set_traits

CUSTOM_NAMESPACE = "CUSTOM_"          # os_resource_classes.CUSTOM_NAMESPACE

Call = collections.namedtuple(
    "Call", ["method", "path", "microversion", "status", "body"])
Call.__doc__ = """One HTTP exchange: ``path`` as sent on the wire
(percent-encoded, with the query string), ``status`` the HTTP status code
(int), ``body`` the response body (str, may be empty)."""


def failed(calls):
    """The first call Placement answered with 4xx/5xx, or None."""
    for call in calls:
        if call.status >= 400:
            return call
    return None


def _json_encode(obj):
    """Encode a request body as keystoneauth's Session does."""
    try:
        from keystoneauth1 import session as ksa_session
        return ksa_session._JSONEncoder().encode(obj)
    except ImportError:  # pragma: no cover
        return json.JSONEncoder().encode(obj)


def _wire_path(path):
    """The path (and query) an HTTP client puts on the wire for a URL that
    nova builds as ``base + path`` (requests' URL preparation)."""
    import requests
    prepared = requests.Request(
        "GET", "http://placement.invalid" + path).prepare()
    return prepared.path_url


class _Service(object):
    """The one Placement app of this process (placement's db_api.configure
    runs once per process, so the engine is shared)."""

    _instance = None

    @classmethod
    def get(cls):
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def __init__(self):
        started = time.monotonic()
        for name in ("placement", "oslo_db", "oslo_policy", "alembic",
                     "keystonemiddleware", "oslo.messaging", "stevedore"):
            logger = logging.getLogger(name)
            logger.setLevel(logging.CRITICAL)
            logger.propagate = False
        from oslo_config import cfg
        from placement import conf as pl_conf
        from placement import db_api
        from placement import deploy

        conf = cfg.ConfigOpts()
        pl_conf.register_opts(conf)
        conf.set_default("connection", "sqlite://",
                         group="placement_database")
        conf([], project="placement", default_config_files=[])
        conf.set_override("auth_strategy", "noauth2", group="api")
        conf.set_override("connection", "sqlite://",
                          group="placement_database")
        conf.set_override("sync_on_startup", True,
                          group="placement_database")
        db_api.configure(conf)
        # migrations (alembic upgrade head), trait + resource class sync
        self.app = deploy.loadapp(conf)
        self.conf = conf
        self.engine = db_api.get_placement_engine()
        # A copy of the freshly synced database, restored by reset().
        self.pristine = sqlite3.connect(":memory:", check_same_thread=False)
        self._copy(self._live(), self.pristine)
        self.boot_seconds = time.monotonic() - started

    def _live(self):
        fairy = self.engine.raw_connection()
        try:
            return fairy.driver_connection
        finally:
            fairy.close()   # back to the StaticPool; the DBAPI conn stays

    @staticmethod
    def _copy(src, dst):
        src.backup(dst)

    def reset(self):
        self._copy(self.pristine, self._live())


class RealPlacement(object):
    """A client of the in-process Placement, speaking as nova does."""

    def __init__(self, reset=True):
        self._service = _Service.get()
        self.app = self._service.app
        if reset:
            self.reset()

    @property
    def boot_seconds(self):
        return self._service.boot_seconds

    def reset(self):
        """Empty Placement: a freshly migrated and synced database (standard
        traits and resource classes only, no providers)."""
        self._service.reset()

    def request(self, method, path, microversion, body=None):
        """Send one request. ``path`` is the URL path as nova formats it
        (unencoded, may carry ``?query``); ``body`` is a JSON-able object or
        None (no body, as nova's ``put(url, None)``). Returns a Call."""
        import webob
        wire = _wire_path(path)
        raw_path, _, query = wire.partition("?")
        req = webob.Request.blank("/", method=method)
        # What a WSGI server (wsgiref, uwsgi, mod_wsgi) hands the app.
        req.environ["PATH_INFO"] = urllib.parse.unquote(raw_path,
                                                        "iso-8859-1")
        req.environ["QUERY_STRING"] = query
        req.environ["RAW_URI"] = wire
        req.headers["x-auth-token"] = "admin"
        req.headers["OpenStack-API-Version"] = "placement %s" % microversion
        req.headers["Accept"] = "application/json"
        if body is not None:
            req.headers["Content-Type"] = "application/json"
            req.body = _json_encode(body).encode("utf-8")
        resp = req.get_response(self.app)
        return Call(method, wire, microversion, resp.status_int,
                    resp.body.decode("utf-8", "replace"))

    @staticmethod
    def _generation(call, default):
        try:
            return json.loads(call.body)["resource_provider_generation"]
        except Exception:
            try:
                return json.loads(call.body)["generation"]
            except Exception:
                return default

    def create_provider(self, uuid, name, parent_uuid=None):
        """report.py _create_resource_provider: POST /resource_providers at
        1.20. Returns the Call."""
        payload = {"uuid": uuid, "name": name}
        if parent_uuid is not None:
            payload["parent_provider_uuid"] = parent_uuid
        return self.request("POST", "/resource_providers",
                            POST_RP_MICROVERSION, payload)

    def send_provider(self, uuid, name, parent_uuid=None, inventories=None,
                      traits=None, create=True, generation=0):
        """What nova's report client sends for one provider of its tree
        (update_from_provider_tree: create, then set_inventory_for_provider,
        then set_traits_for_provider), stopping where nova stops: a failed
        call raises in nova and the rest of that provider is not sent.

        ``inventories``: dict resource class -> record dict (sent as is);
        ``traits``: list of trait names (order kept, as nova's list(traits)).
        ``create=False`` skips the POST (the provider already exists, e.g.
        a parent created by an earlier call; pass its ``generation``).
        Returns the list of Calls, in order."""
        calls = []

        def send(*args):
            call = self.request(*args)
            calls.append(call)
            return call

        if create:
            call = send("POST", "/resource_providers", POST_RP_MICROVERSION,
                        dict({"uuid": uuid, "name": name},
                             **({"parent_provider_uuid": parent_uuid}
                                if parent_uuid is not None else {})))
            if call.status >= 400:
                return calls
            generation = self._generation(call, generation)

        if inventories:
            # _ensure_resource_classes: PUT /resource_classes/{name} at 1.7,
            # no body, for every CUSTOM_* class (a set: order is the set's)
            for rc in set(n for n in inventories
                          if isinstance(n, str)
                          and n.startswith(CUSTOM_NAMESPACE)):
                call = send("PUT", "/resource_classes/%s" % rc,
                            RESOURCE_CLASS_MICROVERSION)
                if call.status >= 400:
                    return calls
            call = send("PUT", "/resource_providers/%s/inventories" % uuid,
                        INVENTORY_MICROVERSION,
                        {"resource_provider_generation": generation,
                         "inventories": inventories})
            if call.status >= 400:
                return calls
            generation = self._generation(call, generation)

        if traits:
            traits = list(traits)
            # _ensure_traits: GET /traits?name=in:..., PUT the missing ones
            call = send("GET", "/traits?name=in:" + ",".join(traits),
                        TRAIT_MICROVERSION)
            if call.status >= 400:
                return calls
            try:
                known = set(json.loads(call.body)["traits"])
            except Exception:
                known = set()
            for trait in set(traits) - known:
                call = send("PUT", "/traits/" + trait, TRAIT_MICROVERSION)
                if call.status >= 400:
                    return calls
            send("PUT", "/resource_providers/%s/traits" % uuid,
                 TRAIT_MICROVERSION,
                 {"resource_provider_generation": generation,
                  "traits": traits})
        return calls


def new_uuid():
    return str(uuidlib.uuid4())


def _self_test():
    t0 = time.monotonic()
    rp = RealPlacement()
    print("boot: %.3f s (import + migrations + sync)" % rp.boot_seconds)
    checks = []

    def expect(label, calls, statuses):
        got = [c.status for c in calls]
        ok = got == statuses
        checks.append(ok)
        print("%-4s %-44s %s" % ("ok" if ok else "FAIL", label, got))
        if not ok:
            for c in calls:
                print("       %s %s %s -> %s %s" % (
                    c.method, c.path, c.microversion, c.status, c.body[:200]))

    u = new_uuid()
    expect("plain provider, inventory, trait",
           rp.send_provider(u, "cn1", inventories={
               "VCPU": {"total": 8}, "CUSTOM_X": {"total": 1}},
               traits=["CUSTOM_T"]),
           [200, 201, 200, 200, 201, 200])
    expect("same name again: 409",
           rp.send_provider(new_uuid(), "cn1"), [409])
    rp.reset()
    expect("after reset the name is free",
           rp.send_provider(new_uuid(), "cn1"), [200])
    calls = rp.send_provider(new_uuid(), "nl", traits=["CUSTOM_NL\n"])
    expect("trait with trailing newline", calls, [200, 200, 201, 400])
    checks.append(calls[2].path == "/traits/CUSTOM_NL%0A")
    expect("resource class with trailing newline",
           rp.send_provider(new_uuid(), "rcnl",
                            inventories={"CUSTOM_NL\n": {"total": 1}}),
           [200, 201, 400])
    expect("total 0",
           rp.send_provider(new_uuid(), "t0",
                            inventories={"CUSTOM_A": {"total": 0}}),
           [200, 201, 400])
    # int(NaN) in the capacity check: placement answers 500
    expect("allocation_ratio NaN (body has NaN)",
           rp.send_provider(new_uuid(), "nan", inventories={
               "CUSTOM_A": {"total": 1,
                            "allocation_ratio": float("nan")}}),
           [200, 204, 500])
    expect("upper-case uuid is stored lower-case",
           rp.send_provider(u.upper(), "upper"), [200])
    expect("uuid with trailing newline",
           rp.send_provider(u + "\n", "nluuid"), [400])
    expect("name with a lone surrogate",
           rp.send_provider(new_uuid(), "bad\ud800"), [500])
    n = 200
    t = time.monotonic()
    for i in range(n):
        rp.reset()
        rp.send_provider(new_uuid(), "cn", inventories={
            "CUSTOM_A": {"total": 4}}, traits=["CUSTOM_T"])
    print("per reset + typical provider: %.1f ms"
          % ((time.monotonic() - t) * 1000.0 / n))
    print("self-test: %d/%d ok in %.2f s" % (sum(checks), len(checks),
                                            time.monotonic() - t0))
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(_self_test())
