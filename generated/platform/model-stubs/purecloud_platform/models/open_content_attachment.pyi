from .open import OpenContentAttachment as OpenContentAttachment
