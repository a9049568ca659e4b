"""Keeping track: the badges a learner holds (profile) and the weeks to a badge (plan)."""
