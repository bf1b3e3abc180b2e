from .open import OpenIntegration as OpenIntegration
