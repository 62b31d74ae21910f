"""Getting notes into newsroom workflows: email, batch runs, a watch folder, an HTTP service.

Each module is a thin layer over `briefgen.pipeline.make_briefing` and `briefgen.render`;
the CLI commands `make`, `send`, `watch` and `serve` call into them.  Nothing here is imported
by `briefgen --help`.
"""
