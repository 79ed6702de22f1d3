"""Headless subcommands, one module per area; each calls the same core as the ui."""
