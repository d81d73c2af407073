"""The dashboard's files (package data): `static/index.html`, its script, chart and style."""
