"""YAML syntax errors in the words of a plan's author: what is wrong, where, and how to fix it.

The parser's own words ("mapping values are not allowed in this context")
are written for people who know YAML's grammar; a grant officer editing a
plan needs to read that a value holds ": " and must be quoted. Where the
parser stops later than the mistake (an unclosed `{`, an unclosed quote, a
key with no space after its colon), the message points at the place that
opened the construct, where the fix goes.

Every problem libyaml and PyYAML's pure-Python parser can report has its own
entry below; a test walks both parsers' messages and checks that none reaches
a user verbatim.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from finplan.findings import Fix, Position, shorten
from finplan.i18n import Message


class Syntax(NamedTuple):
    """A syntax error as finplan reports it: the message, and the position it stands at."""

    message: Message
    position: Position | None
    fix: Fix | None = None


Mark = tuple[int, int] | None  # (line, column), both from 1


def explain(problem: str, context: str, problem_at: Mark, context_at: Mark, text: str) -> Syntax:
    """The plain-language message for a parser error, and where it is best shown."""
    where = Position(*problem_at) if problem_at else None
    opened = Position(*context_at) if context_at else None
    for matches, build in _ENTRIES:
        if matches(problem, context):
            return build(_Error(problem, context, where, opened, text))
    return Syntax(
        Message(
            "is not valid YAML here; a plan is `key: value` lines, lists of `- ` items, and text quoted where it "
            "holds `: `, ` #` or starts with a character YAML reserves"
        ),
        where,
    )


class _Error(NamedTuple):
    problem: str
    context: str
    at: Position | None
    opened: Position | None
    text: str

    def line(self, position: Position | None) -> str:
        if position is None:
            return ""
        lines = self.text.split("\n")
        return lines[position.line - 1].rstrip("\r") if 0 < position.line <= len(lines) else ""

    def char(self) -> str:
        line = self.line(self.at)
        return line[self.at.column - 1] if self.at and 0 < self.at.column <= len(line) else ""


def _is(*parts: str):
    """An entry matching when every one of `parts` is in the problem or its context."""
    return lambda problem, context: all(part in problem or part in context for part in parts)


def _at(position: Position | None) -> Message:
    if position is None:
        return Message("the end of the file")
    return Message("line {line}, column {column}", line=position.line, column=position.column)


def _unclosed_flow(error: _Error) -> Syntax:
    brace = "{" if "mapping" in error.context or "'}'" in error.problem else "["
    close = "}" if brace == "{" else "]"
    if error.opened and error.at and error.at.line == error.opened.line:
        # Stopped inside the line that opened it: not a missing close, but something in between.
        if error.char() == ":":
            return Syntax(
                Message(
                    "is not valid YAML: a value inside the `{brace}...{close}` holds `: `, which reads as a new key; "
                    'quote the value, such as `note: "Beslut: 2019"`',
                    brace=brace, close=close,
                ),
                error.at,
            )
        return Syntax(
            Message(
                "is not valid YAML: the items of the `{brace}...{close}` opened at {at} are not separated by commas "
                "here, or a value holds a character that ends it; separate the items with `, ` and quote a value "
                "that holds `,` `:` `{{` `}}` `[` `]`",
                brace=brace, close=close, at=_at(error.opened),
            ),
            error.at,
        )
    return Syntax(
        Message(
            "is not valid YAML: the `{brace}` opened at {at} is not closed where its items end (the parser gave up "
            "at {stopped}); close it with `{close}` and separate its items with commas. A comma inside a value "
            "splits it in two: write a decimal comma as a point (66 666.50) or quote the value",
            brace=brace, close=close, at=_at(error.opened), stopped=_at(error.at),
        ),
        error.opened or error.at,
    )


def _unclosed_quote(error: _Error) -> Syntax:
    line = error.line(error.opened)
    quote = line[error.opened.column - 1] if error.opened and 0 < error.opened.column <= len(line) else ""
    if quote and quote in "'\"":
        message = Message(
            "is not valid YAML: the quote `{quote}` opened at {at} is never closed; end the text with the same quote "
            "mark on its line (inside single quotes write '' for a quote, inside double quotes \\\")",
            quote=quote, at=_at(error.opened),
        )
    else:
        message = Message(
            "is not valid YAML: the quote quote opened at {at} is never closed; end the text with the same quote "
            "mark on its line (inside single quotes write '' for a quote, inside double quotes \\\")",
            at=_at(error.opened),
        )
    return Syntax(message, error.opened or error.at)


_NO_SPACE = re.compile(r"^\s*(?:-\s+)?(?P<key>[\w.\-åäöÅÄÖ]+):(?P<value>\S.*)$")


def _simple_key(error: _Error) -> Syntax:
    line = error.line(error.opened)
    match = _NO_SPACE.match(line)
    if match is not None:
        key, value = match.group("key"), match.group("value")
        column = line.index(":", match.start("key")) + 1
        written = re.split(r"[ \t]#", value, maxsplit=1)[0].rstrip()  # a comment after it stays as it is
        number = error.opened.line
        fix = Fix(
            "replace", (f"{key}: {written}",),
            start=Position(number, match.start("key") + 1), end=Position(number, column + 1 + len(written)),
        )
        return Syntax(
            Message(
                "is not valid YAML: `{key}:{value}` has no space after its colon, so YAML reads it as one piece of "
                "text, not a key and its value; write `{key}: {value}`",
                key=shorten(key), value=shorten(value),
            ),
            Position(error.opened.line, column) if error.opened else error.at,
            fix,
        )
    return Syntax(
        Message(
            "is not valid YAML: a line here is neither `key: value` nor a list item; a key takes a colon and a space "
            "after it, and text that goes on over several lines is quoted"
        ),
        error.opened or error.at,
    )


_KEY_AND_VALUE = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s:#'\"][^:#]*?):[ \t]+(?P<value>[^'\"#].*?)\s*$")


def _colon_in_value(error: _Error) -> Syntax:
    match = _KEY_AND_VALUE.match(error.line(error.at))
    example = (
        f'`{shorten(match.group("key"))}: "{shorten(match.group("value"))}"`' if match else '`note: "Beslut: 2019-08-21"`'
    )
    fix = None
    # The value up to a comment, if any: `# ...` after a space stays a comment outside the quotes.
    value = re.split(r"[ \t]#", match.group("value"), maxsplit=1)[0].rstrip() if match else ""
    if error.at is not None and (": " in value or value.endswith(":")):  # else the line is a key indented wrong
        start = match.start("value")
        fix = Fix("quote", start=Position(error.at.line, start + 1), end=Position(error.at.line, start + len(value) + 1))
    return Syntax(
        Message(
            "is not valid YAML: a value holds `: ` (a colon and a space), which YAML reads as the start of a new key; "
            "quote the value, {example}, or, if this is a key, indent it like the keys beside it",
            example=example,
        ),
        error.at,
        fix,
    )


def _list_item(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: this line is not indented like the items of the list that starts at {at}; start each "
            "item with `- ` at the same indentation, and indent an item's keys under its first one",
            at=_at(error.opened),
        ),
        error.at,
    )


def _mapping_key(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: this line is not indented like the keys of the mapping that starts at {at}; indent it "
            "like the keys beside it, or, if it goes on with the value above, quote that value",
            at=_at(error.opened),
        ),
        error.at,
    )


def _cannot_start(error: _Error) -> Syntax:
    char = error.char()
    if char == "\t":
        return _tab(error)
    if not char:
        return Syntax(Message("is not valid YAML: a value starts with a character YAML reserves; quote the value"), error.at)
    if char.isprintable():
        return Syntax(
            Message("is not valid YAML: `{char}` cannot start a value; quote the value, such as `\"{char}...\"`", char=char),
            error.at,
            Fix("quote") if _starts_value(error, error.at) else None,
        )
    return Syntax(
        Message("is not valid YAML: a character cannot start a value; quote the value, such as `\"{char}...\"`", char=char),
        error.at,
    )


def _starts_value(error: _Error, at: Position | None) -> bool:
    """Whether the character `at` starts a value (after `key: `, `- `, `[` or `,`), not a key."""
    if at is None:
        return False
    before = error.line(at)[: at.column - 1].rstrip()
    return before.endswith((":", "-", "[", "{", ","))


def _quote_from_opening(error: _Error, starts: str) -> Fix | None:
    """The value quoted from the character that opened what the parser could not read, where it is one of
    `starts` and begins the value: `note: "| se bilaga"` for `note: | se bilaga`."""
    line, at = error.line(error.opened), error.opened
    if at is None or not 0 < at.column <= len(line) or line[at.column - 1] not in starts:
        return None
    return Fix("quote", start=at) if _starts_value(error, at) else None


def _tab(error: _Error) -> Syntax:
    return Syntax(
        Message("is not valid YAML: a tab stands where YAML indents with spaces only; replace the tab with spaces"), error.at
    )


def _entry_on_key_line(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: a list item (`- `) stands where a value was expected; put the list on the lines below "
            "its key, each item indented and starting with `- `"
        ),
        error.at,
    )


def _question_key(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: `? ` starts a complex key, which a plan does not use; quote text that starts with `?`"
        ),
        error.at,
    )


def _colon_in_flow(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: a `:` inside `{...}` or `[...]` needs a space after it, or the text around it quoted"
        ),
        error.at,
    )


def _no_value(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: a value is missing here, or it starts with a character YAML reserves (`,` `]` `}` `|` `>` "
            "`@` `` ` ``); write the value, and quote it if it starts with such a character"
        ),
        error.at,
    )


def _after_document(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: text stands after the plan's mapping has ended: a line indented less than the plan's "
            "keys, or a second document; indent it as part of the plan or remove it"
        ),
        error.at,
    )


def _anchor(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: `&` or `*` starts an anchor or an alias, which needs a name of letters and digits; "
            "quote text that starts with `&` or `*`"
        ),
        error.at,
        _quote_from_opening(error, "&*"),
    )


def _tag(error: _Error) -> Syntax:
    return Syntax(
        Message("is not valid YAML: `!` starts a YAML tag, which a plan does not use; quote text that starts with `!`"),
        error.at,
        _quote_from_opening(error, "!"),
    )


def _directive(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: a line starting with `%` is a YAML directive, which a plan does not use; quote text that "
            "starts with `%`"
        ),
        error.at,
    )


def _block_scalar(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: `|` or `>` starts a block of text, which takes nothing after it on its line but an "
            "indentation digit (1-9) and `+` or `-`; put the text on the lines below, or quote text that starts with `|` "
            "or `>`"
        ),
        error.at,
        _quote_from_opening(error, "|>"),
    )


def _escape(error: _Error) -> Syntax:
    return Syntax(
        Message(
            'is not valid YAML: a backslash in double-quoted text starts an escape; write `\\\\` for a backslash, or '
            "use single quotes, in which a backslash is itself"
        ),
        error.at,
    )


def _character(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: it holds a control character or one YAML does not allow; remove it (it may have come in "
            "with copied text)"
        ),
        error.at,
    )


def _depth(error: _Error) -> Syntax:
    return Syntax(Message("nests deeper than YAML can read; a plan is a few levels deep"), error.at)


def _unclosed_construct(error: _Error) -> Syntax:
    return Syntax(
        Message(
            "is not valid YAML: a line is indented less than the `[` or `{` it belongs to, or one was never closed; close "
            "every `[` with `]` and `{` with `}`"
        ),
        error.at,
    )


# In order: the first entry that matches a problem and its context explains it.
_ENTRIES = (
    (_is("Maximum nesting level"), _depth),
    (_is("flow mapping"), _unclosed_flow),
    (_is("flow sequence"), _unclosed_flow),
    (_is("',' or '}'"), _unclosed_flow),
    (_is("',' or ']'"), _unclosed_flow),
    (_is("unclosed '['"), _unclosed_construct),
    (_is("quoted scalar", "end of stream"), _unclosed_quote),
    (_is("quoted scalar", "document"), _unclosed_quote),
    (_is("double-quoted scalar"), _escape),
    (_is("end of stream"), _unclosed_quote),
    (_is("document separator"), _unclosed_quote),
    (_is("document indicator"), _unclosed_quote),
    (_is("simple key"), _simple_key),
    (_is("expected ':'"), _simple_key),
    (_is("quoted scalar"), _unclosed_quote),
    (_is("mapping values are not allowed"), _colon_in_value),
    (_is("block collection"), _list_item),
    (_is("expected '-' indicator"), _list_item),
    (_is("block mapping"), _mapping_key),
    (_is("did not find expected key"), _mapping_key),
    (_is("<block end>"), _mapping_key),
    (_is("tab character"), _tab),
    (_is("cannot start any token"), _cannot_start),
    (_is("sequence entries are not allowed"), _entry_on_key_line),
    (_is("mapping keys are not allowed"), _question_key),
    (_is("found unexpected ':'"), _colon_in_flow),
    (_is("node content"), _no_value),
    (_is("document start"), _after_document),
    (_is("stream-start"), _after_document),
    (_is("anchor"), _anchor),
    (_is("alias"), _anchor),
    (_is("an %s"), _anchor),
    (_is("block scalar"), _block_scalar),
    (_is("indentation indicator"), _block_scalar),
    (_is("escape"), _escape),
    (_is("hexdecimal"), _escape),
    (_is("URI escaped octet"), _escape),
    (_is("tag"), _tag),
    (_is("expected '!'"), _tag),
    (_is("'>'"), _tag),
    (_is("URI"), _tag),
    (_is("directive"), _directive),
    (_is("version"), _directive),
    (_is("alphabetic or numeric"), _anchor),
    (_is("comment or a line break"), _block_scalar),
    (_is("comment or line break"), _block_scalar),
    (_is("digit"), _directive),
    (_is("whitespace"), _directive),
    (_is("expected ' '"), _directive),
    (_is("non-alphabetical"), _directive),
    (_is("incompatible YAML document"), _directive),
    (_is("while parsing a %s"), _tag),
    (_is("while scanning a %s"), _tag),
    (_is("characters are not allowed"), _character),
    (_is("UTF-"), _character),
    (_is("surrogate"), _character),
    (_is("Unicode"), _character),
    (_is("input"), _character),
)
