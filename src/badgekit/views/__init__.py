"""Rich rendering of badges, check results and reviews; the CLI prints what these build."""
