"""Developer tools: screenshots, the demo show, translation upkeep (not shipped)."""
