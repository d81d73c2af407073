"""One exception tree for the whole project.

    CommuniqueError
    ├── ConfigError     bad settings, bad user actor file, missing model
    ├── ReaderError     an input that cannot be read at all (missing path, unknown format)
    ├── ArticleError    an article that cannot be analysed (empty, binary, too long, not English)
    ├── StoreError      the database cannot be opened or written
    ├── EvalError       a gold file that cannot be read
    └── ApiError        a request the web API refuses (carries its HTTP status)

The command line turns any of these into one line on stderr and a non-zero exit.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Root of every error the project raises on purpose."""


class ConfigError(CommuniqueError):
    pass


class ReaderError(CommuniqueError):
    pass


class ArticleError(CommuniqueError):
    pass


class StoreError(CommuniqueError):
    pass


class EvalError(CommuniqueError):
    pass


class ApiError(CommuniqueError):
    """An error meant for an API client: an HTTP status and one or more messages."""

    def __init__(self, status: int, *messages: str) -> None:
        super().__init__(messages[0] if messages else "error")
        self.status = status
        self.messages = list(messages) or ["error"]
