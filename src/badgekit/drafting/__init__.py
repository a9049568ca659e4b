"""Drafting a statement: the interview, what it says, the drafts it saves, and answers from a file."""
