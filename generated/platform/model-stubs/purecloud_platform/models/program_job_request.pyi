from .program import ProgramJobRequest as ProgramJobRequest
