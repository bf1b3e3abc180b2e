from .default import DefaultAnswersTo as DefaultAnswersTo
