from .unanswered import UnansweredPhrase as UnansweredPhrase
