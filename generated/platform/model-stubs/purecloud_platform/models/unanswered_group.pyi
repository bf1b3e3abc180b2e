from .unanswered import UnansweredGroup as UnansweredGroup
