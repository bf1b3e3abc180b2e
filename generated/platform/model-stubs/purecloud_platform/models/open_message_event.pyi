from .open import OpenMessageEvent as OpenMessageEvent
