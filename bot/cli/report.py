"""`python -m bot report` (being written)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="(being written)")
    p.set_defaults(handler=lambda args: 2)
