"""Bengali calendars (bd2019, bd1987, wb). Placeholder: the real module lands with issue 3."""

from __future__ import annotations

__all__: list[str] = []
