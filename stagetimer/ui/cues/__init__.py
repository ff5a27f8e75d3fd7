"""Sound cues for the stage manager: synthesised sounds, the audio output, and the bell that rings them."""
