from .long import LongTermRequirements as LongTermRequirements
