"""flaskvsdjango: a Slack bot that helps a team choose between Flask and Django."""

__version__ = "0.1.0"
