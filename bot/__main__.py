"""`python -m bot` does what the `domestique` command does."""

import sys

from bot.cli.main import main

sys.exit(main())
