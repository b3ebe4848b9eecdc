"""Seventeen laptops syncing at once (``python -m bench.sync_seventeen``; its docstring says what is checked).

- ``model``: the 地区, the laptops, the edits and the outcome;
- ``laptop``: what runs in each laptop's own process (its ledger kept open, as the app does);
- ``plan``: which laptop edits which field, and where the conflicts must come;
- ``pool``: one process per laptop, each step with a deadline;
- ``check``: every laptop against the server, the conflicts against the plan, every edit on the server;
- ``exercise``: the whole run, from set-up to the last comparison.
"""

import os

# Before the app opens a ledger, here and in every laptop's process (spawned processes inherit the environment).
os.environ.setdefault("SASAEAI_PASSPHRASE", "bench-passphrase")
