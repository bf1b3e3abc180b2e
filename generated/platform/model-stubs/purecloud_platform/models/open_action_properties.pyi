from .open import OpenActionProperties as OpenActionProperties
