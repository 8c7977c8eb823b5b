"""Temporal tagger: time expressions in news text, normalised to TimeML TIMEX3 values.

``tag(text, anchor)`` finds every time expression in a text (explicit and relative dates, times
of day, durations and sets), keeps the longest where candidates overlap, and normalises each
against ``anchor``, the document creation date. Its modules, each importing only modules listed
before it:

* :mod:`.grammar`: the vocabulary (month and weekday names, number words, units, modifiers,
  holidays) and the regex building blocks made of it;
* :mod:`.patterns`: what counts as a time expression, one pattern per family, and the trigger
  words around which each runs; :mod:`.checks`: what refuses a match that only looks like one;
* :mod:`.arithmetic`: calendar arithmetic and the TIMEX3 values it writes;
* :mod:`.reading`: reading the parts of an expression (numbers, counts, units, modifiers);
* :mod:`.document`: the text being tagged, with its anchor, its tense cues and the last date it
  named, and ``weekday_reading``;
* :mod:`.explicit`, :mod:`.days`, :mod:`.periods`, :mod:`.amounts`: what each expression means,
  one small normaliser per pattern family;
* :mod:`.tagger`: ``tag`` and ``Timex``, which tie them together.

Decisions worth knowing:

* Underspecified expressions ("Tuesday", "in May", "the third quarter", "Jan. 10") are resolved
  in the direction of their clause: before the anchor in a past-tense report, after it in a
  future one. The direction is the nearest tense cue in the sentence (will/'ll/would/going to/
  next/plans to/scheduled/expected... for the future; said/was/had/since/-ed verbs... for the
  past), the past when there is none; ``tense="past"`` or ``"future"`` forces it for the text.
* A bare weekday in the past is the last such day before the anchor (the anchor's own weekday
  is the anchor day, or a week before in a report set in the previous week: ``weekday_reading``);
  in the future the first one after it; "this Tuesday" is the Tuesday of the anchor's ISO week.
* A month without a year in the past is the latest such month not after the anchor's month, in
  the future the next one; a month and day without a year is the nearest such day, preferring
  the side the tense points to.
* A quarter without a year is the anchor year's, unless it has not begun yet (past) or ended
  long ago (future). "the quarter" is the quarter last named in the text, else the most recent
  quarter completed before the anchor, as is "the latest quarter"; "the year-ago quarter", and
  "a year ago/earlier" near a named quarter, are that quarter a year before.
* Seasons are labelled by the year they start in ("1998-WI" is the winter of 1998-99).
* "the next day", "that year" count from the last date named in the text (the reference), else
  from the anchor; so do "N days later/earlier" when that date was named close before them.
* Nothing here reads the machine's clock or time zone: the result depends on the text, the
  anchor and the tense only.
"""

from .document import weekday_reading
from .tagger import Timex, tag

__all__ = ["Timex", "tag", "weekday_reading"]
