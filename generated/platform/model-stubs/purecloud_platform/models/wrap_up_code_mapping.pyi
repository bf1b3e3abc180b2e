from .wrap import WrapUpCodeMapping as WrapUpCodeMapping
