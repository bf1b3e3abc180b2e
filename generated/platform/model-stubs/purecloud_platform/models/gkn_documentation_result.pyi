from .gkn import GKNDocumentationResult as GKNDocumentationResult
