from .open import OpenNormalizedMessage as OpenNormalizedMessage
