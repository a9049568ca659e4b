"""The terminal face of the questions badgekit asks (draft, review): askers, hang-up handling, $EDITOR."""
