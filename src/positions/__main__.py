"""The command's entry point, for both ``positions`` and ``python -m positions``."""

import gc
import os
import signal
import sys
from types import FrameType


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwound like Ctrl-C, so that no temporary file is left."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, _: FrameType | None) -> None:
    raise Terminated(signum)


def main() -> None:
    """Run the CLI with the cyclic garbage collector off, and unwind on SIGTERM and SIGHUP.

    A command lives for a fraction of a second and makes no garbage cycles worth collecting,
    while the collector would walk every object that click, PyYAML and rich create at import,
    several times over: off, start-up is 5-10 ms faster. It is switched off here, not on import
    of the package, so that programs using positions as a library keep their collector.

    SIGTERM and SIGHUP raise ``Terminated``, which unwinds through the output edge (it removes
    its temporary file) and then ends the process by the same signal, as the caller expects.
    """
    gc.disable()
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _terminate)
    try:
        try:
            from positions.cli import cli
        except KeyboardInterrupt:  # Ctrl-C while the modules load, before click can catch it
            sys.stderr.write("\npositions: interrupted\n")
            sys.exit(130)  # errors.EXIT_INTERRUPTED, which may be what was being imported
        cli(prog_name="positions")
    except Terminated as stop:
        signal.signal(stop.signum, signal.SIG_DFL)
        os.kill(os.getpid(), stop.signum)


if __name__ == "__main__":
    main()
