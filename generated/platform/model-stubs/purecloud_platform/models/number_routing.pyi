from .number import NumberRouting as NumberRouting
