from .generic import GenericTemplate as GenericTemplate
