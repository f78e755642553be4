"""The interface's language, English or Swedish, and the translation of its texts.

English is the source language: a message's id is its English text, so English
needs no catalog. Swedish is kept in `locale/sv/LC_MESSAGES/finplan.po`, the
standard gettext form translators and their tools edit. The .po is read when a
Swedish text is first needed and compiled in memory into the .mo form the
standard library's `gettext.GNUTranslations` reads: an install needs no build
step, an editable install sees a changed catalog at once, and the .po in the
repository is the only copy. Plural forms come from the catalog's header, as
gettext defines them.

Texts are marked where they are written: `_("Financing")` translates now;
`N_("public")` only marks a text for the catalog, for tables built before the
language is known, and `_()` translates it where it is shown. A text with
figures in it is marked whole, its figures named, and formatted after
translation, so a translator can move them: `_("{amount} over").format(amount=...)`;
a count takes `ngettext("{n} error", "{n} errors", n).format(n=n)`. Only
literal texts are found for the catalog (tests/test_i18n.py collects them
from the source and fails on any without a Swedish translation).
"""

from __future__ import annotations

import gettext
import io
import os
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources

DOMAIN = "finplan"
LANGUAGES = ("en", "sv")
SOURCE_LANGUAGE = "en"

_current = SOURCE_LANGUAGE
_loaded: dict[str, gettext.NullTranslations] = {}


def set_language(language: str) -> None:
    """Translate into `language` from now on (`en` or `sv`)."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"no language {language!r}; finplan speaks {', '.join(LANGUAGES)}")
    _current = language


def current_language() -> str:
    return _current


def locale_language(environ: Mapping[str, str] | None = None) -> str | None:
    """`sv` where the locale asks for Swedish, else None.

    The first of LC_ALL, LC_MESSAGES and LANG that is set decides, as POSIX
    orders them: `LC_ALL=C LANG=sv_SE.UTF-8` is not Swedish.
    """
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "sv" if value.lower().startswith("sv") else None
    return None


def choose_language(flag: str | None = None, configured: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """`--lang`, then `lang` in the configuration, then the locale, else English."""
    return flag or configured or locale_language(environ) or SOURCE_LANGUAGE


def _(message: str) -> str:
    """`message` in the current language; a `Message` is rendered in it, its values too."""
    if isinstance(message, Message):
        return message.translated()
    # gettext keeps the catalog's header under the empty id; an empty text stays empty.
    return _translations(_current).gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of `singular`/`plural` for `n` in the current language, by the catalog's plural rule."""
    return _translations(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Marks `message` for the catalog without translating it: `_()` translates it where it is shown."""
    return message


class Message(str):
    """A text whose language is chosen where it is shown: its value as a `str` is English.

    Findings and input errors are built before anyone knows who will read them,
    and their English text is their identity: fingerprints, baselines and the
    diff's matching compare it, so a baseline written in one language holds in
    the other. `_()` renders the same message in the current language, its
    values too where they are Messages (a base's name, a difference's
    "over"/"short"). Plan text, numbers and codes are values that stay as written.

        Message("{id} sums to {found}", id=line.id, found=format_kr(found))
    """

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, /, **values: object) -> Message:
        self = super().__new__(cls, _render(template, values, _english))
        self.template, self.values = template, values
        return self

    def translated(self) -> str:
        """The text in the current language."""
        return _render(_(self.template) if self.template else "", self.values, _)

    def __reduce__(self):  # pickled with its template, for the forked workers of a folder check
        return (_rebuild, (type(self), self._arguments(), self.values))

    def _arguments(self) -> tuple:
        return (self.template,)

    def __repr__(self) -> str:
        return f"Message({str.__repr__(self)})"


class Plural(Message):
    """A `Message` whose form follows a count `n`, by the language's plural rule (ngettext)."""

    plural: str

    def __new__(cls, singular: str, plural: str, /, n: int, **values: object) -> Plural:
        values = {"n": n, **values}
        self = str.__new__(cls, _render(singular if n == 1 else plural, values, _english))
        self.template, self.plural, self.values = singular, plural, values
        return self

    def translated(self) -> str:
        return _render(ngettext(self.template, self.plural, self.values["n"]), self.values, _)

    def _arguments(self) -> tuple:
        return (self.template, self.plural)


def expect_message(text: object) -> None:
    """Refuses a plain `str` where a text for the user belongs: it would read English in every language.

    Findings, input errors and what else a writer shows are built before the
    reader's language is known; only a Message can still be shown in it.
    """
    if not isinstance(text, Message):
        raise TypeError(f"a text for the user must be a finplan.i18n.Message, not {type(text).__name__}: {text!r}")


def _english(value: object) -> str:
    return str.__str__(value) if isinstance(value, Message) else str(value)


def _render(template: str, values: Mapping[str, object], show) -> str:
    if not values:
        return template
    return template.format_map({key: show(value) if isinstance(value, Message) else value for key, value in values.items()})


def _rebuild(kind: type[Message], arguments: tuple, values: Mapping[str, object]) -> Message:
    return kind(*arguments, **values)


def join(parts: Iterable[str], separator: str = ", ") -> Message:
    """Parts joined into one Message, each shown in the current language."""
    parts = list(parts)
    fields = {f"p{index}": part for index, part in enumerate(parts)}
    return _Joined(separator, **fields)


class _Joined(Message):
    """Parts joined by a separator; the separator is not text to translate."""

    def __new__(cls, separator: str, /, **values: object) -> _Joined:
        self = str.__new__(cls, separator.join(_english(v) for v in values.values()))
        self.template, self.values, self.separator = separator, values, separator
        return self

    def translated(self) -> str:
        return self.separator.join(_(v) if isinstance(v, Message) else str(v) for v in self.values.values())


def _translations(language: str) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return _ENGLISH
    if language not in _loaded:
        _loaded[language] = gettext.GNUTranslations(io.BytesIO(compile_mo(parse_po(catalog_text(language)))))
    return _loaded[language]


_ENGLISH = gettext.NullTranslations()


def catalog_text(language: str) -> str:
    """The .po catalog of `language` as it is installed with the package."""
    path = resources.files("finplan").joinpath("locale", language, "LC_MESSAGES", f"{DOMAIN}.po")
    return path.read_text(encoding="utf-8")


# -- The .po format ------------------------------------------------------------------------------
# The catalog is read as it is installed, trusting its form: the tests check that it is well
# formed (tests/catalog_tools.py), so a mistake in it is found before it is shipped.


@dataclass
class PoEntry:
    """One message of a catalog: its context, id, plural id, translations and flags."""

    msgid: str = ""
    msgstr: dict[int, str] = field(default_factory=dict)  # plural index -> text; index 0 without plurals
    msgctxt: str | None = None
    msgid_plural: str | None = None
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def translated(self) -> bool:
        return "fuzzy" not in self.flags and bool(self.msgstr) and all(self.msgstr.values())


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquote(text: str) -> str:
    """The value of a C string literal as .po files write them: `"a \\"b\\"\\n"`."""
    body, out, index = text.strip()[1:-1], [], 0
    while index < len(body):
        if body[index] == "\\":
            out.append(_ESCAPES[body[index + 1]])
            index += 2
        else:
            out.append(body[index])
            index += 1
    return "".join(out)


def parse_po(text: str) -> list[PoEntry]:
    """Every entry of a .po catalog, the header (msgid "") first where there is one.

    Reads what msgfmt reads: `#,` flags, msgctxt, msgid, msgid_plural,
    msgstr and msgstr[N], each string continued over any number of quoted
    lines. Other comments and obsolete entries (`#~`) are passed over.
    """
    entries: list[PoEntry] = []
    entry = PoEntry()
    target: tuple[str, int] = ("msgid", 0)  # where a continuation line goes
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith('"'):
            keyword, index = target
            if keyword == "msgstr":
                entry.msgstr[index] += _unquote(line)
            else:
                setattr(entry, keyword, getattr(entry, keyword) + _unquote(line))
            continue
        keyword, _space, rest = line.partition(" ")
        index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
        keyword = "msgstr" if keyword.startswith("msgstr") else keyword
        # An entry ends at a blank line, a comment or a new msgctxt or msgid after its msgstr.
        if entry.msgstr and keyword not in ("msgstr", "msgid_plural"):
            entries.append(entry)
            entry = PoEntry()
        if not line:
            entry = PoEntry()
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
        elif not line.startswith("#"):
            entry.line = entry.line or number
            if keyword == "msgstr":
                entry.msgstr[index] = _unquote(rest)
            else:
                setattr(entry, keyword, _unquote(rest))
            target = (keyword, index)
    if entry.msgstr:
        entries.append(entry)
    return entries


def compile_mo(entries: list[PoEntry]) -> bytes:
    """The GNU .mo file of the translated entries, as msgfmt writes it (fuzzy and empty ones left out)."""
    messages: dict[bytes, bytes] = {}
    for entry in entries:
        if not entry.translated and entry.msgid:
            continue
        key = entry.msgid if entry.msgid_plural is None else f"{entry.msgid}\0{entry.msgid_plural}"
        if entry.msgctxt is not None:
            key = f"{entry.msgctxt}\x04{key}"
        value = "\0".join(entry.msgstr[index] for index in sorted(entry.msgstr))
        messages[key.encode()] = value.encode()
    keys = sorted(messages)
    header_size, count = 7 * 4, len(keys)
    ids_at, strs_at = header_size, header_size + count * 8
    data_at = strs_at + count * 8
    table_ids, table_strs, data = [], [], bytearray()
    for key in keys:
        table_ids.append((len(key), data_at + len(data)))
        data += key + b"\0"
    for key in keys:
        table_strs.append((len(messages[key]), data_at + len(data)))
        data += messages[key] + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, count, ids_at, strs_at, 0, 0)
    out += b"".join(struct.pack("<2I", *pair) for pair in table_ids + table_strs)
    return out + bytes(data)

