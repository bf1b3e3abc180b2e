from .digit import DigitLength as DigitLength
