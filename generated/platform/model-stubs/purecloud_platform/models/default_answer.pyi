from .default import DefaultAnswer as DefaultAnswer
