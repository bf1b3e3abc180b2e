from .wrap import WrapUpCodeReference as WrapUpCodeReference
