"""One exception tree for the whole project.

    CommuniqueError
    ├── ConfigError     bad settings, bad user actor file, missing model
    ├── ReaderError     an input that cannot be read at all (missing path, unknown format)
    ├── ArticleError    an article that cannot be analysed (empty, binary, too long, not English)
    ├── StoreError      the database cannot be opened or written
    └── EvalError       a gold file that cannot be read

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
