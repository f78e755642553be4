"""A PDF memo as units: the text of its pages, read as one text file would be, within limits.

pypdf reads the bytes finplan read once. What bounds the work:

- pypdf's own limits (`pypdf.Configuration`), made smaller for a memo: no
  stream decompresses to more than `max_pdf_stream` bytes;
- the pages are counted before any is read (`max_pdf_pages`);
- the content read for text is counted as it is read, in decompressed bytes
  (`max_pdf_content` over the memo): each page's content before its text is
  extracted, and each form (XObject) each time it is drawn, before pypdf
  reads it, and at least 2 KiB for each drawing, as pypdf loads its fonts
  again each time;
- so are the operators and operands pypdf parses (`max_pdf_tokens` over the
  memo, and over each stream by pypdf itself, so that no one stream's parse
  goes far past it before its operators are counted);
- the text read stops at `max_text_chars`.

A date or an amount that the page's line breaks cut in two ("2019-" at a
line's end, "10-01" on the next; "13 622" and "400 kronor") is joined again
before its figures are read (`_rejoined`), as a browser's or a word
processor's print breaks a line at a hyphen or a space.

An encrypted PDF opens when its user password is empty and pypdf can
decrypt it on its own (RC4; AES needs the `cryptography` package); any other
is refused as encrypted, whatever pypdf would have said (a missing package, a
wrong password). pypdf's warnings about a damaged file are not shown: the
refusal, or the report, is the one thing said.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import re
import warnings
from collections.abc import Iterator

from finplan.errors import InputError
from finplan.i18n import Message
from finplan.memo.limits import MemoLimits
from finplan.memo.units import Unit, encrypted, reason, text_units, too_much_text

_FORM_MINIMUM = 2048  # what each drawing of a form counts, however small: pypdf loads its fonts again (some 0.3 ms)


def pdf_units(data: bytes, limits: MemoLimits) -> list[Unit]:
    """The lines of the text of every page, counted over all pages."""
    try:
        import pypdf
    except ImportError:  # pragma: no cover - the `memo` extra is not installed
        raise InputError(Message("is a PDF; reading one needs pypdf (pip install 'finplan[memo]')")) from None
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    with _quiet(), _configured(pypdf, limits):
        try:
            return [_rejoined(unit) for unit in text_units(_text(pypdf.PdfReader(io.BytesIO(data)), limits))]
        except InputError:
            raise
        except LimitReachedError as error:  # the limits set here, or one of pypdf's own
            if "decompress" in str(error) or "output bytes" in str(error):
                raise InputError(Message(
                    "has a stream larger than {limit} bytes once decompressed, the limit for a PDF memo",
                    limit=limits.max_pdf_stream,
                )) from None
            if "tokens" in str(error):
                raise _too_many_tokens(limits.max_pdf_tokens) from None
            raise _unreadable(error) from None
        except (DependencyError, FileNotDecryptedError):  # AES without `cryptography`, or no key
            raise encrypted() from None
        except NotImplementedError as error:  # an encryption pypdf does not know, among others
            if b"/Encrypt" in data:
                raise encrypted() from None
            raise _unreadable(error) from None
        except Exception as error:  # pypdf raises many kinds on a damaged file
            raise _unreadable(error) from None


def _text(reader, limits: MemoLimits) -> str:
    """One text over all pages: a paragraph that runs onto the next page stays one."""
    from pypdf import PasswordType

    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise encrypted()
    pages = reader.pages
    if len(pages) > limits.max_pdf_pages:
        raise InputError(Message("has {count} pages, more than the limit of {limit} for a PDF memo",
                                 count=len(pages), limit=limits.max_pdf_pages))
    content = _Content(limits)
    texts, characters = [], 0
    for page in pages:
        content.page(page)
        text = page.extract_text(visitor_operand_before=content.before, visitor_operand_after=content.after)
        content.check()
        text = (text or "").rstrip("\n")
        characters += len(text) + bool(texts)  # and the line break that joins it to the page before
        if characters > limits.max_text_chars:
            raise too_much_text(limits)
        texts.append(text)
    return "\n".join(texts)


# A date or an amount that a line break cuts in two, as a PDF's text breaks it where the page's line ended: its
# end on one line (what the first pattern matches, up to the break), its start on the next (the second).
_DATE_CUT = (re.compile(r"(?<![\d-])\d{4}-(?:\d{1,2}-)?$"), re.compile(r"\d{1,2}(?:-\d{1,2})?(?![\d-])"))
_GROUPS = r"\d{1,3}(?:[ \u00a0]\d{3})*"
_AMOUNT_CUT = (re.compile(rf"(?<![\d,.\-/]){_GROUPS}$"), re.compile(r"\d{3}(?:[ \u00a0]\d{3})*(?![\d.:/-])"))
_GROUPED = re.compile(r"\d[ \u00a0]\d{3}$")
_UNIT = re.compile(r"(?:[,.]\d{2})?[ \u00a0]*(?:kr\b|kronor|tkr|mnkr|Mkr|miljon|miljard|euro|EUR|SEK|€)", re.IGNORECASE)
_REACH = 40  # how far back from a line's end a cut figure is looked for


def _rejoined(unit: Unit) -> Unit:
    """`unit` with each date or amount cut by a line break whole again, each figure still at its line and column.

    A date ("2019-" / "10-01") is joined by taking the line break out; an
    amount ("13 622" / "400 kronor") by reading the break as the space
    between its digit groups. An amount is joined only where the first part
    already has a group of three ("13 622") or the whole is followed by its
    unit ("38" / "566 657 kronor"), so that a count at a line's end and an
    amount on the next stay apart.
    """
    text, breaks = unit.text, list(unit.breaks)
    for index in range(len(breaks) - 1, 0, -1):  # from the last, so the offsets before each break hold
        cut = breaks[index] - 1  # the line break before line `index`
        if text[cut] != "\n":
            continue
        before = max(0, cut - _REACH)
        if _DATE_CUT[0].search(text, before, cut) and _DATE_CUT[1].match(text, cut + 1):
            text = text[:cut] + text[cut + 1:]
            breaks[index:] = [offset - 1 for offset in breaks[index:]]
            continue
        left, right = _AMOUNT_CUT[0].search(text, before, cut), _AMOUNT_CUT[1].match(text, cut + 1)
        if left and right and (_GROUPED.search(text, before, cut) or _UNIT.match(text, right.end())):
            text = text[:cut] + " " + text[cut + 1:]
    if text == unit.text:
        return unit
    return Unit(text, unit.line, tuple(breaks), unit.column)


class _Content:
    """The content read for text so far, in decompressed bytes and in tokens: refused past either limit.

    pypdf calls `before` and `after` around every operator of a page and of
    each form it draws; a form is looked up in the resources of the content
    that draws it (the page's, or the drawing form's), as pypdf looks it up.
    pypdf passes over an error inside a form, so the first refusal is kept
    and raised again at the next operator, and after the page.
    """

    def __init__(self, limits: MemoLimits) -> None:
        self.limit, self.token_limit = limits.max_pdf_content, limits.max_pdf_tokens
        self.used = self.tokens = 0
        self.resources: list[object] = []  # the resources of the page, then of each form being drawn
        self.refusal: InputError | None = None

    def page(self, page) -> None:
        self.resources = [page.get("/Resources")]  # the page tree gave each page its inherited resources
        contents = page.get_contents()
        self._add(len(contents.get_data()) if contents is not None else 0)

    def before(self, operator: bytes, operands, *_) -> None:
        self.check()
        self.tokens += 1 + len(operands) + sum(len(operand) for operand in operands if isinstance(operand, list))
        if self.tokens > self.token_limit:
            self.refusal = _too_many_tokens(self.token_limit)
            raise self.refusal
        if operator != b"Do":
            return
        form = _form(self.resources[-1], operands[0]) if operands else None
        if form is not None:
            self._add(max(len(form.get_data()), _FORM_MINIMUM))
            self.resources.append(form.get("/Resources", {}))
        else:
            self.resources.append(None)  # an image: `after` pops it all the same

    def after(self, operator: bytes, *_) -> None:
        if operator == b"Do" and len(self.resources) > 1:
            self.resources.pop()
        self.check()

    def check(self) -> None:
        if self.refusal is not None:
            raise self.refusal

    def _add(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            self.refusal = InputError(Message(
                "has more than {limit} bytes of page content to read for text, the limit for a PDF memo",
                limit=self.limit,
            ))
            raise self.refusal


def _form(resources, name):
    """The form (XObject) named `name` in `resources`, or None for an image or a name that is not there."""
    try:
        form = resources.get_object()["/XObject"].get_object()[name].get_object()
    except Exception:  # no resources, no such name: pypdf passes over it too
        return None
    return form if form.get("/Subtype") == "/Form" else None


@contextlib.contextmanager
def _configured(pypdf, limits: MemoLimits) -> Iterator[None]:
    """pypdf's limits on decompression, the memo's while it reads one (those this pypdf has)."""
    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:  # pragma: no cover - a pypdf older than the `memo` extra asks for
        yield
        return
    names = {field.name for field in dataclasses.fields(pypdf.Configuration)}
    wanted = {
        name: limits.max_pdf_stream
        for name in (
            "zlib_maximum_output_length", "lzw_maximum_output_length", "run_length_maximum_output_length",
            "brotli_maximum_output_length", "array_based_stream_maximum_output_length",
            "jbig2_maximum_output_length", "image_maximum_buffer_size", "xmp_maximum_input_length",
        )
    }
    wanted["stream_parsing_work_maximum_count"] = limits.max_pdf_tokens
    with apply(**{name: value for name, value in wanted.items() if name in names}):
        yield


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pypdf's warnings (logged and warned) kept off standard error while it reads."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _too_many_tokens(limit: int) -> InputError:
    return InputError(Message(
        "has more than {limit} operators and operands to read for text, the limit for a PDF memo", limit=limit,
    ))


def _unreadable(error: Exception) -> InputError:
    return InputError(Message("cannot be read as a PDF: {reason}", reason=reason(error)))
