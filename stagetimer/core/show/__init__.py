"""The running show: commands through one door, its state, journal, frames and events."""
