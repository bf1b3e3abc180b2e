from .starrable import StarrableDivision as StarrableDivision
