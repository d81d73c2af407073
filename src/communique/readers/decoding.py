"""Bytes to text: UTF-8, UTF-8 with BOM, UTF-16 with BOM, then Windows-1252 or Latin-1.

The single-byte fallbacks decode any byte sequence, so their result is kept only when it
reads like text (almost no control characters). Binary input is recognised first, so a
PDF or an image is reported as binary rather than as mojibake.
"""

from __future__ import annotations

import codecs

_SAMPLE_BYTES = 8192
_MAX_BINARY_CONTROL_SHARE = 0.10
_MAX_TEXT_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def has_utf16_bom(data: bytes) -> bool:
    """True when the bytes start with a UTF-16 byte-order mark (either byte order)."""
    return data.startswith(_UTF16_BOMS)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read: NULs or many control bytes."""
    sample = data[:_SAMPLE_BYTES]
    if has_utf16_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and chr(byte) not in _TEXT_CONTROLS)  # noqa: PLR2004 (C0 controls)
    return controls > len(sample) * _MAX_BINARY_CONTROL_SHARE


def decode_bytes(data: bytes) -> str | None:
    """The text the bytes encode, or None when no supported encoding yields readable text."""
    if has_utf16_bom(data):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for legacy in ("cp1252", "latin-1"):
        try:
            text = data.decode(legacy)
        except UnicodeDecodeError:
            continue
        if reads_like_text(text):
            return text
    return None


def reads_like_text(text: str) -> bool:
    """True when at most 1% of the characters are control characters (C0, C1) or U+FFFD."""
    sample = text[:_SAMPLE_BYTES]
    bad = sum(1 for ch in sample if _is_control(ch))
    return bad <= len(sample) * _MAX_TEXT_CONTROL_SHARE


def _is_control(ch: str) -> bool:
    code = ord(ch)
    if ch in _TEXT_CONTROLS:
        return False
    return code < 0x20 or 0x7F <= code <= 0x9F or code == 0xFFFD  # noqa: PLR2004 (control ranges)


def normalise_newlines(text: str) -> str:
    """Text with Windows and old Mac line ends turned into "\\n", as Python's text mode does."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
