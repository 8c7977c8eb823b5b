"""dyadwatch: news articles in, a coded, dated, sourced history of two countries' relations out."""

from .model import Actor, Article, DateValue, Event, Reject

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "DateValue", "Event", "Reject", "__version__"]
