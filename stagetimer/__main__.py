"""``python -m stagetimer``: the same command as the ``stagetimer`` script."""

from stagetimer.cli.main import main

raise SystemExit(main())
