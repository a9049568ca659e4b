"""A manager's review of a statement: SSSC's checklist, the review record, and the walk through it."""
