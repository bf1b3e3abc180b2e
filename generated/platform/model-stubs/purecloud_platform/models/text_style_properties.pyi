from .text import TextStyleProperties as TextStyleProperties
