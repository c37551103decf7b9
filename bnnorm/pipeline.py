"""The pipeline core: edits, passes, stages, pipelines and alignment.

Every change a stage makes is an :class:`Edit` -- a span of the stage's input
and the text that replaces it.  A stage is a sequence of :class:`Pass` objects;
each pass turns its input into a sorted list of non-overlapping edits, and may
also offer a *fast path* (``apply``) that produces the same text without edit
bookkeeping.  :class:`Pipeline` chains stages, and builds explanations and
:class:`Alignment` objects from the very same edits, so they can never disagree
with the text.

This module knows no stage: it deals in strings, spans and callables only.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence, Union

__all__ = [
    "Edit",
    "Pass",
    "Stage",
    "Step",
    "Pipeline",
    "Alignment",
    "apply_edits",
    "check_text",
    "check_choice",
    "regex_pass",
    "diff_edits",
    "callable_stage",
]


# --------------------------------------------------------------------------
# argument checking shared by every public function
# --------------------------------------------------------------------------


def check_text(text: object, name: str = "text") -> str:
    """Return *text* if it is a ``str``; raise ``TypeError`` naming the type otherwise."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{name} must be str, not {type(text).__name__}; decode it first, "
            f"e.g. data.decode('utf-8')"
        )
    raise TypeError(f"{name} must be str, not {type(text).__name__}")


def check_choice(name: str, value: object, allowed: Iterable[object]) -> Any:
    """Return *value* if it is one of *allowed*; raise ``ValueError`` listing them otherwise."""
    allowed = tuple(allowed)
    if value not in allowed:
        listed = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"{name}={value!r} is not valid; allowed: {listed}")
    return value


# --------------------------------------------------------------------------
# edits
# --------------------------------------------------------------------------


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``replacement``; ``rule`` names the fix that did it."""

    start: int
    end: int
    replacement: str
    rule: str = ""


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping *edits* to *text* and return the result."""
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise ValueError(f"edits overlap, are unsorted or out of range at {e!r}")
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def diff_edits(before: str, after: str, rule: str = "") -> list[Edit]:
    """One edit that turns *before* into *after* (common prefix and suffix trimmed).

    Used for opaque ``str -> str`` callables in a :class:`Pipeline`, whose
    changes are not known in detail.
    """
    if before == after:
        return []
    n = min(len(before), len(after))
    i = 0
    while i < n and before[i] == after[i]:
        i += 1
    j = 0
    while j < n - i and before[-1 - j] == after[-1 - j]:
        j += 1
    return [Edit(i, len(before) - j, after[i : len(after) - j], rule)]


# --------------------------------------------------------------------------
# passes and stages
# --------------------------------------------------------------------------

EditFinder = Callable[[str], list[Edit]]
FastApply = Callable[[str], str]


@dataclass(frozen=True)
class Pass:
    """One scan over the text.

    ``edits(text)`` returns the sorted, non-overlapping edits of this pass on
    *text* (spans of *text*).  ``apply(text)``, when given, is a fast path that
    must return exactly ``apply_edits(text, edits(text))``; tests check that.
    """

    name: str
    edits: EditFinder
    apply: FastApply | None = None

    def run(self, text: str) -> str:
        if self.apply is not None:
            return self.apply(text)
        return apply_edits(text, self.edits(text))


def regex_pass(
    name: str,
    pattern: Any,
    repl: Callable[[Any], str | None],
    *,
    prefilter: Callable[[str], bool] | None = None,
) -> Pass:
    """A pass built from a compiled pattern and a replacement callback.

    *repl(match)* returns the replacement text, or ``None`` to leave the match
    alone.  The fast path is ``pattern.sub``; the edit path is
    ``pattern.finditer``: both call the same callback, so they agree.
    *prefilter(text)* -> False lets both paths return at once.
    """

    def edits(text: str) -> list[Edit]:
        if prefilter is not None and not prefilter(text):
            return []
        out: list[Edit] = []
        for m in pattern.finditer(text):
            r = repl(m)
            if r is not None and r != m.group():
                out.append(Edit(m.start(), m.end(), r, name))
        return out

    def _sub(m: Any) -> str:
        r = repl(m)
        return m.group() if r is None else r

    def apply(text: str) -> str:
        if prefilter is not None and not prefilter(text):
            return text
        out = pattern.sub(_sub, text)
        return text if out == text else out

    return Pass(name, edits, apply)


@dataclass(frozen=True)
class Stage:
    """A named sequence of passes; calling it runs the fast path.

    ``recipe`` -- ``(builder, options)`` -- says how to build the stage again;
    it is what a pickled stage carries (passes hold compiled patterns and
    closures), so a stage sent to another process is rebuilt there from its
    builder, whose tables load once per process.
    """

    name: str
    passes: tuple[Pass, ...]
    recipe: tuple[Callable[..., "Stage"], Mapping[str, Any]] | None = field(default=None, compare=False)
    #: Optional whole-stage fast path; must equal running the passes (tested per stage).
    fast: Callable[[str], str] | None = field(default=None, compare=False, repr=False)

    def __call__(self, text: str) -> str:
        if self.fast is not None:
            return self.fast(text)
        return self.run_passes(text)

    def run_passes(self, text: str) -> str:
        """The passes one by one, each by its own fast path (what ``fast`` must equal)."""
        for p in self.passes:
            text = p.run(text)
        return text

    def __reduce__(self) -> Any:
        if self.recipe is None:
            raise TypeError(f"stage {self.name!r} has no recipe and cannot be pickled")
        builder, options = self.recipe
        return (_rebuild_stage, (builder, dict(options)))


def _rebuild_stage(builder: Callable[..., Stage], options: Mapping[str, Any]) -> Stage:
    return builder(**options)


def callable_stage(func: Callable[[str], str], name: str | None = None) -> Stage:
    """Wrap a plain ``str -> str`` callable as a one-pass stage (one edit over what differs)."""
    label: str = name or str(getattr(func, "__name__", type(func).__name__))

    def edits(text: str) -> list[Edit]:
        return diff_edits(text, func(text), label)

    return Stage(label, (Pass(label, edits, func),), (callable_stage, {"func": func, "name": name}))


def _as_stage(obj: Union[Stage, Callable[[str], str]]) -> Stage:
    if isinstance(obj, Stage):
        return obj
    if callable(obj):
        return callable_stage(obj)
    raise TypeError(f"a pipeline stage must be a Stage or a callable str -> str, not {type(obj).__name__}")


# --------------------------------------------------------------------------
# alignment
# --------------------------------------------------------------------------


class _Map:
    """An offset map: which output span each edit produced from which input span.

    Four parallel sorted lists (one entry per edit) plus both text lengths.
    Everything between entries is unchanged text, copied one to one.
    """

    __slots__ = ("in_starts", "in_ends", "out_starts", "out_ends", "in_len", "out_len")

    def __init__(
        self,
        in_starts: list[int],
        in_ends: list[int],
        out_starts: list[int],
        out_ends: list[int],
        in_len: int,
        out_len: int,
    ) -> None:
        self.in_starts = in_starts
        self.in_ends = in_ends
        self.out_starts = out_starts
        self.out_ends = out_ends
        self.in_len = in_len
        self.out_len = out_len

    @classmethod
    def from_edits(cls, edits: Sequence[Edit], in_len: int) -> "_Map":
        in_s: list[int] = []
        in_e: list[int] = []
        out_s: list[int] = []
        out_e: list[int] = []
        delta = 0  # output offset minus input offset, so far
        for e in edits:
            if e.start == e.end and not e.replacement:
                continue  # a no-op
            out_start = e.start + delta
            in_s.append(e.start)
            in_e.append(e.end)
            out_s.append(out_start)
            out_e.append(out_start + len(e.replacement))
            delta += len(e.replacement) - (e.end - e.start)
        return cls(in_s, in_e, out_s, out_e, in_len, in_len + delta)

    @staticmethod
    def _map(pos: int, is_end: bool, src_s: list[int], src_e: list[int], dst_s: list[int], dst_e: list[int]) -> int:
        """Map one boundary position from source to destination coordinates.

        A boundary strictly inside an edit's source span widens to the edit's
        destination span (start -> its start, end -> its end).  A boundary on
        the edge of an edit, or at a zero-width edit (an insertion, or a
        deletion seen from the other side), does not take the edit in: spans
        never absorb what merely touches them.
        """
        if is_end:
            i = bisect.bisect_left(src_e, pos)  # first edit ending at or after pos
            while i < len(src_s) and src_s[i] == src_e[i] == pos:
                i += 1  # zero-width edits at pos stay outside an end boundary
            if i < len(src_s) and src_s[i] < pos:
                return dst_e[i]  # inside edit i (pos <= its end)
            # pos lies in unchanged text (or at an edit's start): measure from the previous edit
            j = bisect.bisect_right(src_e, pos) - 1
            while j >= 0 and src_s[j] == src_e[j] == pos:
                j -= 1
            if j < 0:
                return pos
            return dst_e[j] + (pos - src_e[j])
        i = bisect.bisect_right(src_s, pos) - 1  # last edit starting at or before pos
        if i >= 0 and src_s[i] <= pos < src_e[i]:
            return dst_s[i]  # inside (or at the start of) edit i
        if i < 0:
            return pos
        # unchanged text after edit i (zero-width edits at pos stay before a start boundary)
        return dst_e[i] + (pos - src_e[i])

    @classmethod
    def _span(
        cls, start: int, end: int, src_s: list[int], src_e: list[int], dst_s: list[int], dst_e: list[int]
    ) -> tuple[int, int]:
        if start == end:
            # An empty span at a zero-width edit (an insertion point) maps to what was put there.
            i = bisect.bisect_left(src_s, start)
            j = i
            while j < len(src_s) and src_s[j] == src_e[j] == start:
                j += 1
            if j > i:
                return dst_s[i], dst_e[j - 1]
        s = cls._map(start, False, src_s, src_e, dst_s, dst_e)
        e = cls._map(end, True, src_s, src_e, dst_s, dst_e)
        return s, max(s, e)

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        return self._span(start, end, self.out_starts, self.out_ends, self.in_starts, self.in_ends)

    def to_output(self, start: int, end: int) -> tuple[int, int]:
        return self._span(start, end, self.in_starts, self.in_ends, self.out_starts, self.out_ends)

    def then(self, other: "_Map") -> "_Map":
        """Compose: this map (T0 -> T1) followed by *other* (T1 -> T2), as one map T0 -> T2.

        Edits of both that overlap in T1 merge into one; so does a zero-width
        edit strictly inside another, and zero-width edits at the same point.
        Edits that merely touch stay separate, so the composed map keeps the
        same "never absorb what touches" rule as a single pass.
        """
        spans = sorted(
            [(s, e) for s, e in zip(self.out_starts, self.out_ends)] + [(s, e) for s, e in zip(other.in_starts, other.in_ends)]
        )
        in_s: list[int] = []
        in_e: list[int] = []
        out_s: list[int] = []
        out_e: list[int] = []

        def emit(cs: int, ce: int) -> None:
            a, b = self.to_input(cs, ce)
            c, d = other.to_output(cs, ce)
            if a == b and c == d:
                return
            in_s.append(a)
            in_e.append(b)
            out_s.append(c)
            out_e.append(d)

        cluster: tuple[int, int] | None = None
        for s, e in spans:
            if cluster is not None:
                cs, ce = cluster
                if s < ce or (s == ce == cs and s == e):
                    cluster = (cs, max(ce, e))
                    continue
                emit(cs, ce)
            cluster = (s, e)
        if cluster is not None:
            emit(*cluster)
        return _Map(in_s, in_e, out_s, out_e, self.in_len, other.out_len)


class Alignment:
    """Maps spans of a pipeline's output to spans of its input, and back.

    Built from the edits of every pass, composed into one offset map.  A span
    that overlaps an edit widens to cover the whole edit (an edit is atomic:
    any part of ``2025-12-20`` maps to the whole ``২০ ডিসেম্বর ২০২৫`` it came
    from).  A span never absorbs an edit that merely touches it: text deleted
    right before or after a span (a stripped gloss) is not part of the span's
    source, and text inserted there is not part of its image.  Text inserted
    from nothing maps back to an empty span at its place.
    """

    __slots__ = ("_map", "input_length", "output_length")

    def __init__(self, map_: _Map | None = None, input_length: int = 0) -> None:
        self._map = map_ if map_ is not None else _Map([], [], [], [], input_length, input_length)
        self.input_length = self._map.in_len
        self.output_length = self._map.out_len

    @classmethod
    def from_edits(cls, edit_lists: Sequence[tuple[Sequence[Edit], int]]) -> "Alignment":
        """Compose ``(edits, input_length)`` of successive passes into one alignment."""
        if not edit_lists:
            return cls()
        composed: _Map | None = None
        for edits, n in edit_lists:
            m = _Map.from_edits(edits, n)
            if composed is not None and composed.out_len != n:
                raise ValueError("edit lists do not chain: a pass's input length differs from the previous output")
            composed = m if composed is None else composed.then(m)
        return cls(composed)

    @property
    def edits(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The composed changes as ``((input_start, input_end), (output_start, output_end))`` pairs."""
        m = self._map
        return [((a, b), (c, d)) for a, b, c, d in zip(m.in_starts, m.in_ends, m.out_starts, m.out_ends)]

    def _check(self, start: int, end: int, length: int) -> None:
        if not (0 <= start <= end <= length):
            raise ValueError(f"span ({start}, {end}) is not inside 0..{length}")

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original input that output ``[start, end)`` came from."""
        self._check(start, end, self.output_length)
        return self._map.to_input(start, end)

    def to_output(self, start: int, end: int) -> tuple[int, int]:
        """The span of the output that input ``[start, end)`` became."""
        self._check(start, end, self.input_length)
        return self._map.to_output(start, end)

    def then(self, other: "Alignment") -> "Alignment":
        """This alignment followed by *other* (whose input is this one's output)."""
        if other.input_length != self.output_length:
            raise ValueError("alignments do not chain: lengths differ")
        return Alignment(self._map.then(other._map))

    def __repr__(self) -> str:
        return (
            f"Alignment(input_length={self.input_length}, output_length={self.output_length}, "
            f"edits={len(self._map.in_starts)})"
        )


# --------------------------------------------------------------------------
# pipeline
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One pass that changed the text: what ``Pipeline.explain`` returns, in order."""

    stage: str
    rule: str
    before: str
    after: str
    edits: tuple[Edit, ...]

    def describe(self) -> list[str]:
        """Human-readable lines, one per edit: ``stage/rule: 'old' -> 'new'``."""
        return [
            f"{self.stage}/{e.rule or self.rule}: {self.before[e.start:e.end]!r} -> {e.replacement!r} at {e.start}"
            for e in self.edits
        ]


class Pipeline:
    """A chain of stages.  ``Pipeline([...])(text)`` runs them (fast path).

    Stages are :class:`Stage` objects or any callable ``str -> str`` (whose
    change is then recorded as one edit over the part that differs).
    """

    def __init__(self, stages: Iterable[Union[Stage, Callable[[str], str]]]) -> None:
        self.stages: tuple[Stage, ...] = tuple(_as_stage(s) for s in stages)

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(s.name for s in self.stages)}])"

    def __call__(self, text: str) -> str:
        check_text(text)
        for stage in self.stages:
            text = stage(text)
        return text

    def _run_edits(self, text: str) -> Iterator[tuple[Stage, Pass, str, list[Edit], str]]:
        for stage in self.stages:
            for p in stage.passes:
                edits = p.edits(text)
                after = apply_edits(text, edits)
                yield stage, p, text, edits, after
                text = after

    def explain(self, text: str) -> list[Step]:
        """The passes that changed *text*, in order, with their edits."""
        check_text(text)
        return [
            Step(stage.name, p.name, before, after, tuple(edits))
            for stage, p, before, edits, after in self._run_edits(text)
            if edits
        ]

    def normalize_with_alignment(self, text: str) -> tuple[str, Alignment]:
        """Return the normalized text and an :class:`Alignment` back to *text*."""
        check_text(text)
        lists: list[tuple[Sequence[Edit], int]] = []
        out = text
        for _stage, _p, before, edits, after in self._run_edits(text):
            if edits:
                lists.append((edits, len(before)))
            out = after
        if not lists:
            return out, Alignment(None, len(text))
        return out, Alignment.from_edits(lists)

    def __reduce__(self) -> Any:
        # Stages with a recipe pickle by rebuilding; opaque callables pickle as themselves.
        return (Pipeline, (list(self.stages),))
