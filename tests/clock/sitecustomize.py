"""Moves the clock of every Python process a test starts, as ``pytest --clock`` moved the test run's own.

tests/conftest.py puts this folder first on PYTHONPATH and sets SASAEAI_TEST_CLOCK to
``<moved time, ISO>@<real time then, seconds since the epoch>``; Python imports this module at start-up,
so the app run by a test sees the same moved clock, still ticking, as the test. The app knows nothing of it.
"""

import os

_clock = os.environ.get("SASAEAI_TEST_CLOCK")
if _clock:
    import time
    from datetime import datetime, timedelta

    try:
        import time_machine
    except ImportError:  # a Python without the test extra (a bundled app, a tool): its real clock
        pass
    else:
        _moved, _real = _clock.split("@")
        _destination = datetime.fromisoformat(_moved) + timedelta(seconds=time.time() - float(_real))
        time_machine.travel(_destination, tick=True).start()
