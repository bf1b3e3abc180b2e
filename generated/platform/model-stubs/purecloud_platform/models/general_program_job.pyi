from .general import GeneralProgramJob as GeneralProgramJob
