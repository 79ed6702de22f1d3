"""Pod's ``video`` app, reduced to Type and Video (what recordings turn into)."""
