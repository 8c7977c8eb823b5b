"""Actor resolution: who a name, title, pronoun or place in a sentence is, on the day of the text.

``resolver`` finds the mentions of a parsed article; ``lexicon`` reads the packaged and the user's
tables, ``persons`` indexes persons with dated roles, ``matcher`` finds names in a sentence,
``offices`` reads titles, ``sources`` tells a document's home country from its source, and
``petrarch`` converts PETRARCH/CAMEO dictionaries into our tables."""

from .resolver import STAGE, ActorResolver

__all__ = ["STAGE", "ActorResolver"]
