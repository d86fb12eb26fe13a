"""`python -m bot ask` (being written)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ask", help="(being written)")
    p.set_defaults(handler=lambda args: 2)
