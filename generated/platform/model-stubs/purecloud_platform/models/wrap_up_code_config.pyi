from .wrap import WrapUpCodeConfig as WrapUpCodeConfig
