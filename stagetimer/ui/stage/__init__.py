"""The stage screens: the speaker's Presenter and the audience's Projector."""
