from .open import OpenMessageContent as OpenMessageContent
