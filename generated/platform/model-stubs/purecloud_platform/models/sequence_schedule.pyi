from .sequence import SequenceSchedule as SequenceSchedule
