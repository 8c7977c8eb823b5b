"""Event coding: what was done, by whom, to whom, as the sentence tells it.

``coding`` finds triggers and codes events; ``sides`` finds the actor and the target from the
sentence's structure, ``references`` what a pronoun or "the two" stands for, ``implied`` the sides
a sentence leaves to its context, ``modality`` whether it happened (negated, reported, future …),
and ``quotes`` who said what."""

from .coding import STAGE, EventCoder

__all__ = ["STAGE", "EventCoder"]
