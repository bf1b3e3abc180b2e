from .open import OpenContentThumbnail as OpenContentThumbnail
