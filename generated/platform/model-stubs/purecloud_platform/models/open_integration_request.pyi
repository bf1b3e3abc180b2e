from .open import OpenIntegrationRequest as OpenIntegrationRequest
