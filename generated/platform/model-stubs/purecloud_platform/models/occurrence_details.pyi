from .occurrence import OccurrenceDetails as OccurrenceDetails
