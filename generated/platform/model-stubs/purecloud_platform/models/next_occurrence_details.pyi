from .next import NextOccurrenceDetails as NextOccurrenceDetails
