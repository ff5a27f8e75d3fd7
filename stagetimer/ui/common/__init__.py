"""What every window shares: theme, fonts, translations, digits and fitted text."""
