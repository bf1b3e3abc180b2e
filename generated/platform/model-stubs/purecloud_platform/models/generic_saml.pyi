from .generic import GenericSAML as GenericSAML
