"""``python -m bench``: benchmarks of the bot's request path, answerer, memory and start-up (issue 6)."""
