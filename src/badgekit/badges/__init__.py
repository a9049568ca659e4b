"""Badges: the badge file format read into validated, frozen data, and the catalogue of every badge."""
