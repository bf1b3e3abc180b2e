from .masking import MaskingRule as MaskingRule
