from .open import OpenEvent as OpenEvent
