"""``badgekit web``: the same interview, check and export as the terminal, in a page on this computer only.

As thin as cli/: every page calls the core (badges/, drafting/, checks/, export/). Its
libraries (Starlette, uvicorn, python-multipart) are the optional extra ``badgekit[web]``,
imported only by ``badgekit web``, so the other commands start as quickly as before.
"""
