from .term import TermAttribute as TermAttribute
