"""Developer tools: screenshots, the demo show, translation upkeep (not shipped)."""

import os

# Screenshots show what a stage manager's laptop shows: a sound device that works. This VM has
# none, and without this every Control shot would carry the "no sound device" badge.
os.environ.setdefault("STAGETIMER_AUDIO_BACKEND", "null")
