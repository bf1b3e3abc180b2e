from .program import ProgramRequest as ProgramRequest
