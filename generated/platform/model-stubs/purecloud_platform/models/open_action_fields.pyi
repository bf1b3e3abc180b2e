from .open import OpenActionFields as OpenActionFields
