"""Bounds on what a memo may hold: crossing one refuses the memo (exit 2) before the work it would cost.

A memo comes with a pull request, as a plan does, so it is read as a plan is:
every count that the work grows with has a limit, checked before that work
is done, and each refusal is one line that names the limit. The numbers, and
why each is where it is (a decision memo, tjänsteskrivelse, runs to a few
pages: the seed memo is 2 259 characters):

- `max_bytes`, 20 MiB: the file as it lies on disk, read once and no further
  than one byte past this. A Word or PDF memo holds its pictures and fonts
  beside its text; a memo of text alone is a hundredth of this.
- `max_text_chars`, 500 000 characters: the text read from the memo in any
  format, some 150 pages. Figures are found in about a second a megabyte of
  prose, so this bounds the reading of any memo to about half a second.
- `max_docx_parts`, 1 000: the files inside a .docx (a zip). Word writes 10
  to 30; each picture is one more.
- `max_docx_unpacked`, 64 MiB: the sum of those files' sizes once unpacked,
  as the zip's directory states them, and as they are read (each no further
  than its stated size, so a directory that lies is caught too). A zip bomb
  of 3 GiB in a 3 MB file is refused on its directory, before one byte is
  unpacked.
- `max_docx_blocks`, 20 000: paragraphs, table rows and cells in the
  document, counted in the parsed XML before their text is read (python-docx
  takes some 40 µs for each). A 150-page memo has a few thousand.
- `max_pdf_pages`, 200: the pages of a PDF, counted before any is read.
- `max_pdf_stream`, 2 MiB: one stream of a PDF once decompressed (pypdf's
  own limits, made smaller: its default is 75 MB).
- `max_pdf_content`, 2 MiB: the page contents pypdf reads for text, counted in
  decompressed bytes over the whole memo: each page's own, and each form
  (XObject) again each time a page draws it. pypdf reads about a megabyte of
  content a second, so this bounds a PDF's reading to about two seconds; a
  page of text exported from a word processor holds a few kilobytes.
- `max_pdf_tokens`, 300 000: the operators and operands (each element of an
  array too) pypdf parses for text over the memo, counted as they are read,
  and the limit of each stream's parse too (`stream_parsing_work_maximum_count`,
  where pypdf has it). Bytes do not bound parsing: `/F Do ` drawn 300 000
  times is 2 MiB of tokens of two bytes, and pypdf takes some 5 µs a token.
  A page of text from a word processor has one or two thousand.
- `max_html_chars`, 1 000 000: the characters of an HTML memo's source. A
  memo saved as a web page by a word processor, its styles included, is some
  tens of kilobytes a page. The standard library's parser takes about a
  second for a million characters of the worst kind (one tag of 170 000
  attributes).
- `max_html_tags`, 50 000: the tags and character references of an HTML
  memo (each `<` and `&` counts), counted before it is parsed: each costs
  some 10 µs to parse and read, so these take half a second at most. A page
  of a memo has a few hundred.
- `max_figure_digits`, 20: the digits of one number. No amount of a plan has
  more than 17 (below 10^15 kronor, with öre), and no share finplan writes
  more than 16 (`money.format_share`). A longer number is no figure of a
  plan, as a number of a quadrillion or more is none: it is passed over
  without its value being read (Python reads no int of more than 4 300
  digits, and "ca 111…" with 5 000 of them once ended in a traceback).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MemoLimits:
    """Bounds on a memo file and what is read from it; see the module's text for each number's reason."""

    max_bytes: int = 20 * 1024 * 1024
    max_text_chars: int = 500_000
    max_docx_parts: int = 1_000
    max_docx_unpacked: int = 64 * 1024 * 1024
    max_docx_blocks: int = 20_000
    max_pdf_pages: int = 200
    max_pdf_stream: int = 2 * 1024 * 1024
    max_pdf_content: int = 2 * 1024 * 1024
    max_pdf_tokens: int = 300_000
    max_html_chars: int = 1_000_000
    max_html_tags: int = 50_000
    max_figure_digits: int = 20


MEMO_LIMITS = MemoLimits()
