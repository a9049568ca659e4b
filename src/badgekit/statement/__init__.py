"""A statement file read into plain data: front matter, sections, word count and positions."""
