"""Allow ``python -m tenfold``."""

import gc

gc.disable()  # until the app's first frame or the command's start (tenfold.cli.main says why)

from tenfold.cli import main  # noqa: E402 - after the collector is paused

if __name__ == "__main__":
    main()
