#!/usr/bin/python3
"""Load a provider-config directory with nova's own loader; print one JSON line.

Usage: /usr/bin/python3 nova_load.py DIR

Run in a fresh process by bench/run.sh so the process wall time includes the
interpreter start and nova's imports. Prints
  {"providers": <len(result)>, "import_s": ..., "loader_s": ...}
where loader_s is the time spent inside get_provider_configs(DIR) only.
Exits 1 (with the exception on stderr) if nova refuses the directory.
"""

import json
import sys
import time

t0 = time.perf_counter()
from nova.compute import provider_config  # noqa: E402
t1 = time.perf_counter()

configs = provider_config.get_provider_configs(sys.argv[1])
t2 = time.perf_counter()

print(json.dumps({"providers": len(configs),
                  "import_s": round(t1 - t0, 4),
                  "loader_s": round(t2 - t1, 4)}))
