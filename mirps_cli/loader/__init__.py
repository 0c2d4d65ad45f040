"""Find, read, parse and validate every plan file under a plans folder.

Loading never raises for bad data: each file that cannot be read, parsed or
validated yields problems, and the rest of the tree loads all the same, so one
run reports everything.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from mirps_cli import cache
from mirps_cli.i18n import Message
from mirps_cli.kinds import files_phrase, folders_phrase
from mirps_cli.loader import ahead
from mirps_cli.loader.locate import file_problem
from mirps_cli.loader.sources import Source, SourceFile, folder_or_source
from mirps_cli.problems import Problem
from mirps_cli.tree import PlanFile, Tree

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024


# Inside shared_reads(): the files read so far, by kind and exact text, with what each gave
# (raw data, model, its own problems). Models are frozen and raw data is only read, so two
# trees can share them.
_SEEN: dict[tuple[str, str], tuple[PlanFile, list[Problem]]] | None = None


@contextmanager
def shared_reads() -> Iterator[None]:
    """Trees loaded inside parse a text they share once: the unchanged files of the two sides
    of a diff. The key is the whole text, so a changed file never matches."""
    global _SEEN
    previous, _SEEN = _SEEN, {}
    try:
        yield
    finally:
        _SEEN = previous


def load_file(
    file: SourceFile,
    use_cache: bool = False,
    helper: ahead.Helper | None = None,
    to_store: list[ahead.Entry] | None = None,
    positions: bool = True,
) -> tuple[PlanFile, list[Problem]]:
    """Parse and validate one file of a plan kind; its reading problems come with it.
    A file a helper process parsed is read from the entry it wrote (see ahead.py). The
    cache entry of a file parsed here is written now, or added to `to_store`. Without
    `positions`, a file with no problem lets its positions go once it is read."""
    assert file.kind is not None
    plan = PlanFile(path=file.path, display=file.display, kind=file.kind)
    if file.text is None:
        return plan, list(file.problems)
    plan.digest = cache.text_digest(file.text)
    key = (file.kind.name, file.text)
    seen = _SEEN.get(key) if _SEEN is not None else None
    if seen is not None and not (positions and seen[0].positions_let_go):
        first, problems = seen
        return first.moved(plan.path, plan.display), [
            *file.problems,
            *(replace(p, file=plan.display) for p in problems),
        ]
    hit = None
    if helper is not None and key in helper.files and helper.done():
        hit = cache.load(file.kind.name, file.text, plan.display, at=helper.folder)
    elif use_cache:
        hit = cache.load(file.kind.name, file.text, plan.display)
    if hit is not None:
        problems = hit.problems
        _decode_later(plan, hit, file.text)
    else:
        plan, problems = _parse_and_validate(plan, file.text)
        entry = (file.kind.name, file.text, plan.raw, plan.model, problems)
        if use_cache and to_store is not None:
            to_store.append(entry)
        elif use_cache:
            cache.store(*entry)
    if not positions and not problems:
        plan.let_positions_go()
    if _SEEN is not None:
        _SEEN[key] = (plan, list(problems))
    # What is said of the file itself (a link out of the plans folder) is no part of what its
    # text gives, which the cache keeps: it comes with it here.
    return plan, [*file.problems, *problems] if file.problems else problems


def _store(file: SourceFile, folder: Path) -> None:
    """What a helper process does with each file of its share."""
    assert file.kind is not None and file.text is not None
    plan = PlanFile(path=file.path, display=file.display, kind=file.kind)
    plan, problems = _parse_and_validate(plan, file.text)
    cache.store(file.kind.name, file.text, plan.raw, plan.model, problems, at=folder)


def _to_parse(files: list[SourceFile], use_cache: bool) -> list[SourceFile]:
    """The plan files known neither from this run nor from the cache."""
    return [
        f
        for f in files
        if f.kind is not None
        and f.text is not None
        and (_SEEN is None or (f.kind.name, f.text) not in _SEEN)
        and not (use_cache and cache.has(f.kind.name, f.text))
    ]


def _decode_later(plan: PlanFile, entry: cache.FileEntry, text: str) -> None:
    """The file's raw data and model are decoded from the cache when first asked for; an
    entry found damaged then is read from the text again, with the same result."""
    fresh: list[PlanFile] = []  # read anew, once, if the entry is damaged
    decoded: dict[str, Any] = {}  # once each: a diff's two sides may share this file
    # Each blob is let go once decoded: a view decodes the models alone, and the raw data's
    # blob is all that stays (tens of MB at 10,000 commitments).
    blobs = {"raw": entry.raw, "model": entry.model}
    # The entry keeps its key to check them, not the blobs: else a decoded model's blob
    # would stay as long as the raw data's closure does (30 MB at 10,000 commitments).
    entry = replace(entry, raw=b"", model=b"")

    def anew() -> PlanFile:
        if not fresh:
            again = PlanFile(path=plan.path, display=plan.display, kind=plan.kind)
            fresh.append(_parse_and_validate(again, text)[0])
        return fresh[0]

    def part(name: str) -> Callable[[], Any]:
        def get() -> Any:
            if name not in decoded:
                try:
                    decoded[name] = entry.decode(blobs.pop(name))
                except ValueError:
                    decoded[name] = getattr(anew(), name)
            return decoded[name]

        return get

    plan.later(part("raw"), part("model"))


def _parse_and_validate(plan: PlanFile, text: str) -> tuple[PlanFile, list[Problem]]:
    # The parser, pydantic's errors and their translation: only when a file is parsed, so
    # that a run served from the cache starts without them.
    from pydantic import ValidationError

    from mirps_cli.loader.pydantic_errors import translate
    from mirps_cli.model.walk import share_fields_sets
    from mirps_cli.yaml import PosMap, parse

    parsed = parse(text)
    problems = [
        file_problem(plan.display, f.code, f.message, f.line, f.column) for f in parsed.findings
    ]
    if parsed.data is None:
        if not problems:
            empty = Message("holds no data", "no contiene datos")
            problems.append(file_problem(plan.display, "M104", empty))
        return plan, problems
    if not isinstance(parsed.data, PosMap):
        is_list = isinstance(parsed.data, list)
        shape = Message(
            f"is {'a list' if is_list else 'a single value'}, not a mapping",
            f"es {'una lista' if is_list else 'un valor suelto'}, no un mapa",
        )
        problems.append(file_problem(plan.display, "M110", shape, 1, 1))
        return plan, problems
    plan.raw = parsed.data
    model = plan.kind.model()
    try:
        validated = model.model_validate(parsed.data)
        share_fields_sets(validated)
        plan.model = validated  # type: ignore[assignment]
    except ValidationError as error:
        # A refused tag leaves an empty value behind; saying so again is noise.
        refused = {(p.line, p.column) for p in problems if p.code == "M108"}
        problems.extend(
            p for p in translate(plan, error, model) if (p.line, p.column) not in refused
        )
    return plan, problems


def _share_key(file: SourceFile) -> tuple[str, str] | None:
    return (file.kind.name, file.text) if file.kind is not None and file.text is not None else None


def load_tree(
    source: Source | Path,
    max_size: int = DEFAULT_MAX_FILE_SIZE,
    use_cache: bool | None = None,
    positions: bool = True,
) -> tuple[Tree, list[Problem]]:
    """Every plan of a source (a folder, a git revision, text not yet written), and every
    problem found reading, parsing and validating each file on its own. Without
    `positions`, each file with no problem lets its positions go as soon as it is read
    (`load_file`): a command that shows none holds a third less at 10,000 commitments."""
    source = folder_or_source(source)
    use_cache = cache.enabled() if use_cache is None else use_cache
    tree = Tree(root=source.root)
    problems: list[Problem] = []
    # Parsing builds many small objects and none are garbage; the cyclic
    # collector would spend up to half of a large load finding that out.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    helper = None
    to_store: list[ahead.Entry] = []  # entries of the files parsed here, written at the end
    try:
        files = list(source.files(max_size))
        helper = ahead.start(_to_parse(files, use_cache), use_cache, _store)
        # The helper's share last: by then it has most likely finished.
        order = sorted(
            range(len(files)),
            key=lambda i: helper is not None and _share_key(files[i]) in helper.files,
        )
        loaded: dict[int, tuple[PlanFile, list[Problem]]] = {}
        for index in order:
            file = files[index]
            if file.kind is None:
                folders = folders_phrase()
                stray = Message(
                    f"is not in a plans folder ({folders.en})",
                    f"no está en una carpeta de planes ({folders.es})",
                )
                problems.append(file_problem(file.display, "M111", stray))
                continue
            loaded[index] = load_file(file, use_cache, helper, to_store, positions)
        ahead.write_behind(to_store)
        for index in sorted(loaded):
            plan, found = loaded[index]
            tree.files.append(plan)
            problems.extend(found)
    finally:
        if helper is not None:
            helper.close()
        # What was loaded lives as long as the command: freezing it keeps the collector
        # from walking it again and again while the checks and views run.
        gc.freeze()
        if gc_was_enabled:
            gc.enable()
    if not tree.files:
        # Most likely --plans names the wrong folder, e.g. the one above plans/.
        phrase = files_phrase()
        none = Message(f"holds no plan files ({phrase.en})", f"no contiene planes ({phrase.es})")
        problems.append(file_problem(source.display, "M112", none))
    return tree, problems
