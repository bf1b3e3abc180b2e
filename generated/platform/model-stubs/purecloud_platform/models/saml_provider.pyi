from .saml import SAMLProvider as SAMLProvider
