from .automated import AutomatedAnswer as AutomatedAnswer
