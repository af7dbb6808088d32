"""Reading a whole text file from the outside: UTF-8 (a BOM is allowed), bounded in size, errors as BadInput."""

from __future__ import annotations

from pathlib import Path

from ceasefire.errors import BadInput


def read_text_file(path: Path | str, *, max_bytes: int, what: str = "") -> str:
    """The file's text, or ``BadInput`` naming the file (and the byte offset of bad UTF-8).

    ``what`` completes the size message ("larger than N bytes; not a readout").
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise BadInput(name, None, f"cannot read: {err.strerror or err}") from err
    if len(data) > max_bytes:
        raise BadInput(name, None, f"larger than {max_bytes} bytes" + (f"; {what}" if what else ""))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadInput(name, f"byte {err.start}", "not UTF-8 text") from err
