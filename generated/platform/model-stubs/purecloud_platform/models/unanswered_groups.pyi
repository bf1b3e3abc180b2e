from .unanswered import UnansweredGroups as UnansweredGroups
