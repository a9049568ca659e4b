"""Exporting a statement: the document model, the formats, and the privacy gate that runs first."""
