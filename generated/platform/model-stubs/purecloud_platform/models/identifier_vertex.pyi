from .identifier import IdentifierVertex as IdentifierVertex
