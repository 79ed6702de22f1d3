"""Pod's ``authentication`` app, reduced to the Owner profile the recorder interface uses."""
