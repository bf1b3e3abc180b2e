from .program import ProgramJob as ProgramJob
