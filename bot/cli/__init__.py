"""Sub-commands of ``python -m bot``: one module each, each with ``add_parser(sub)``."""
