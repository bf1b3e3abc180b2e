from .writable import WritableDivision as WritableDivision
