"""Rendering a statement from a badge and the learner's answers, through Jinja2 templates.

Templates are looked up in the user's template folder first (``--templates-dir``,
``BADGEKIT_TEMPLATES_DIR``, or ``templates`` in badgekit's data folder) and then in
badgekit's bundled ``templates/``, so an organisation can restyle a statement by
saving a file of the same name. Every template runs in Jinja's sandbox, because a
user's template is code badgekit did not write, with ``StrictUndefined`` so that a
misspelt variable is an error rather than a silent gap.

The learner's text is only ever passed to a template as data, never as template
source: an answer containing ``{{ 7*7 }}`` or ``{% raw %}`` comes out exactly as typed.
Markdown is not escaped (it is the learner's own Markdown); formats that need
escaping, such as HTML, get autoescaping from their template's file name.

A user's template that cannot be used is reported by file (and line where there is one), never
as a traceback or a hang: one that is not text, one that includes itself, and one that loops too
long (stopped after ``RENDER_SECONDS``) or writes too much (``MAX_OUTPUT`` characters).

One function per format: ``render_markdown`` here; others build on the same
``statement_context`` and ``environment``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from badgekit import prebuilt, resources
from badgekit.badges.model import Badge
from badgekit.errors import BadgekitError, InvalidDataError, Problem
from badgekit.statement.wordcount import count_words

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

MARKDOWN_TEMPLATE = "statement.md.j2"
#: A statement renders in milliseconds; a template still running after this long is looping without end.
RENDER_SECONDS = 10
#: Far beyond any statement (a 1,000-word statement is about 7 KB).
MAX_OUTPUT = 10_000_000
#: The sub-heading notes from a discussion are written under, inside their criterion's section:
#: a level-3 heading, so that ``badgekit check`` still reads the notes as that criterion's.
DISCUSSION_HEADING = "Notes from my discussion"

#: A YAML value that reads back as the same text without quotes.
_PLAIN_YAML = prebuilt.compile(r"^[A-Za-z][A-Za-z0-9 ,.?!/&()'’–—-]*[A-Za-z0-9).?!]$")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def yaml_value(value: object) -> str:
    """A text value for front matter: plain where YAML reads it back unchanged, quoted otherwise."""
    import json

    text = str(value)
    if _PLAIN_YAML.match(text) and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def environment(templates_dir: Path | None = None) -> Environment:
    """The user's templates first, then badgekit's own; sandboxed and strict."""
    return _environment(resources.user_templates_dir(templates_dir), resources.bundled_templates_dir())


@lru_cache(maxsize=8)
def _environment(user_dir: Path, bundled_dir: Path) -> Environment:
    # One environment per pair of folders, so a template is compiled once per process;
    # Jinja still notices a template file that changes (auto_reload).
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, select_autoescape
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    loader = ChoiceLoader(
        [
            FileSystemLoader(user_dir),
            FileSystemLoader(bundled_dir),
        ]
    )
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html.j2", "htm.j2", "xml.j2", "html", "xml"], default_for_string=False),
        keep_trailing_newline=True,
        bytecode_cache=_compiled_templates(),
    )
    env.filters["yaml_value"] = yaml_value
    return env


def compiled_templates_dir() -> Path:
    """Where templates compiled by this environment are kept between runs: a folder of the user's cache
    for this installation alone (named as the badge cache is, badges/cache.py), so that two installations
    with different versions of Jinja never load each other's."""
    import zlib  # built into Python: no import time to speak of

    where = str(Path(__file__).resolve().parent)
    return resources.user_cache_dir() / f"templates-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}"


def _compiled_templates() -> BytecodeCache:
    """Jinja's cache of compiled templates, kept on disk: compiling the export's page template costs about
    10 ms of every export. Jinja checks each template's source against what was compiled, so an edited
    template is compiled again. The cache is only an accelerator: one that cannot be read is a miss, and
    one that cannot be written costs only speed next time."""
    from jinja2.bccache import Bucket, FileSystemBytecodeCache

    from badgekit.safefile import PRIVATE_FOLDER

    class Kept(FileSystemBytecodeCache):
        def _get_cache_filename(self, bucket: Bucket) -> str:
            # Found afresh each time: the environment lives for the process, the data folder may change in it.
            return str(compiled_templates_dir() / (self.pattern % (bucket.key,)))

        def load_bytecode(self, bucket: Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a damaged file: compile afresh
                bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            try:
                compiled_templates_dir().mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
                super().dump_bytecode(bucket)
            except OSError:
                pass

    return Kept(str(compiled_templates_dir()))


def missing_answers(badge: Badge, answers: Mapping[str, str], level: str | None = None) -> list[int]:
    """The numbers of the criteria that have no answer."""
    return [c.number for c in badge.criteria_for(level) if not (answers.get(c.id) or "").strip()]


def statement_context(
    badge: Badge,
    answers: Mapping[str, str],
    *,
    notes: Mapping[str, str] | None = None,
    level: str | None = None,
    on: date | None = None,
) -> dict[str, Any]:
    """Everything a statement template may use, as plain data.

    ``badge`` (id, title, series, declaration, criterion_word), ``level`` (id and title, or
    none), ``date`` (YYYY-MM-DD), ``words`` (the learner's words over the answers and notes),
    ``discussion_heading`` (the sub-heading for notes from a discussion), and ``sections``:
    one per criterion with ``number``, ``id``, ``text``, ``answer`` and ``notes`` (notes from
    a discussion; each empty when there is none).
    """
    chosen = badge.level(level) if level else None
    criteria = badge.criteria_for(level)
    notes = notes or {}
    sections = [
        {"number": c.number, "id": c.id, "text": c.text, "answer": answers.get(c.id, ""), "notes": notes.get(c.id, "")}
        for c in criteria
    ]
    return {
        "badge": {
            "id": badge.id,
            "title": badge.title,
            "series": badge.series_label,
            "declaration": badge.declaration or "",
            "criterion_word": badge.criterion_word,
        },
        "level": {"id": chosen.id, "title": chosen.title} if chosen else None,
        "date": (on or date.today()).isoformat(),
        "words": sum(count_words(answers.get(c.id, "")) + count_words(notes.get(c.id, "")) for c in criteria),
        "discussion_heading": DISCUSSION_HEADING,
        "sections": sections,
    }


def render_template(name: str, context: Mapping[str, Any], templates_dir: Path | None = None) -> str:
    """Render one template; a broken template is reported by file and line, never as a traceback."""
    import_jinja()
    import jinja2
    from jinja2.exceptions import SecurityError

    env = environment(templates_dir)
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        raise BadgekitError(
            f"there is no template called '{name}'", hint="Reinstall badgekit to restore its own templates."
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or name
        raise InvalidDataError([Problem(where, exc.lineno, "", f"template error: {exc.message}")]) from None
    except UnicodeDecodeError:
        raise _unusable(name, templates_dir, "it is not a text file (templates are UTF-8 text)") from None
    except OSError as exc:
        raise _unusable(name, templates_dir, f"it could not be read: {exc.strerror or exc}") from None
    try:
        return _render_limited(template, context)
    except _TooLong as exc:
        raise _broken(template.filename or name, str(exc)) from None
    except RecursionError:
        raise _broken(template.filename or name, "it includes itself (directly or through another template)") from None
    except UnicodeDecodeError:
        raise _broken(template.filename or name, "a template it includes is not a text file (UTF-8)") from None
    except SecurityError as exc:
        reason = f"the template tried to do something templates may not do ({exc})"
        raise InvalidDataError([_template_problem(template.filename or name, exc, reason)]) from None
    except jinja2.UndefinedError as exc:
        reason = f"the template uses something badgekit does not provide: {exc.message}"
        raise InvalidDataError([_template_problem(template.filename or name, exc, reason)]) from None
    except jinja2.TemplateError as exc:
        reason = f"template error: {exc.message or exc}"
        raise InvalidDataError([_template_problem(template.filename or name, exc, reason)]) from None


def import_jinja() -> None:
    """Import Jinja, its patterns compiled in advance (badgekit.prebuilt.library_patterns)."""
    with prebuilt.library_patterns():
        import jinja2  # noqa: F401 - imported for the patterns it compiles


class _TooLong(Exception):
    """A template that runs or writes far beyond any statement."""


def _render_limited(template: Any, context: Mapping[str, Any]) -> str:
    """Render, stopping a template that writes more than MAX_OUTPUT characters or runs longer than
    RENDER_SECONDS (where a timer can interrupt it: the main thread of a Unix process)."""
    import signal
    import threading

    timed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def out_of_time(_signum: int, _frame: object) -> None:
        raise _TooLong(f"it was still running after {RENDER_SECONDS} seconds (a loop too large?)")

    previous = signal.signal(signal.SIGALRM, out_of_time) if timed else None
    if timed:
        signal.setitimer(signal.ITIMER_REAL, RENDER_SECONDS)
    try:
        parts, size = [], 0
        for part in template.generate(**context):
            parts.append(part)
            size += len(part)
            if size > MAX_OUTPUT:
                raise _TooLong(f"it wrote more than {MAX_OUTPUT:,} characters (a loop too large?)")
        return "".join(parts)
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _unusable(name: str, templates_dir: Path | None, reason: str) -> InvalidDataError:
    user = resources.user_templates_dir(templates_dir) / name
    return _broken(str(user) if user.exists() else name, reason)


def _broken(filename: str, reason: str) -> InvalidDataError:
    return InvalidDataError(
        [Problem(filename, None, "", f"this template cannot be used: {reason}")],
        hint="Put the file right, or move it out of your templates folder to use badgekit's own.",
    )


def _template_problem(filename: str, exc: BaseException, message: str) -> Problem:
    # Jinja rewrites tracebacks so that the template's own lines appear in them.
    line = None
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == filename:
            line = trace.tb_lineno
        trace = trace.tb_next
    return Problem(filename, line, "", message)


def render_markdown(
    badge: Badge,
    answers: Mapping[str, str],
    *,
    notes: Mapping[str, str] | None = None,
    level: str | None = None,
    on: date | None = None,
    templates_dir: Path | None = None,
) -> str:
    """The statement as Markdown, in the shape ``badgekit check`` and ``export`` read."""
    context = statement_context(badge, answers, notes=notes, level=level, on=on)
    return render_template(MARKDOWN_TEMPLATE, context, templates_dir)
