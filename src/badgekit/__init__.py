"""badgekit: draft, check and export evidence statements for SSSC Open Badges."""

__version__ = "0.1.0"
