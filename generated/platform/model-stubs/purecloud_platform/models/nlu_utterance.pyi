from .nlu import NluUtterance as NluUtterance
